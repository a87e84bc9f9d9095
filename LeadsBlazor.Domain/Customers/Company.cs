using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Labels;

namespace LeadsBlazor.Domain.Customers;

/// <summary>What a user enters for a company besides its name.</summary>
public sealed record CompanyDetails(PostalAddress Address, string? Website = null, string? Phone = null, string? Email = null, Currency? DefaultCurrency = null, string? Notes = null)
{
    public static CompanyDetails None { get; } = new(PostalAddress.Empty);
}

/// <summary>
/// A customer ("Kunde"): a company with its number, address and contact persons. Its name is unique in the directory
/// as <see cref="CustomerName"/> compares names; every change is written to its history (who, when, old → new).
/// </summary>
public sealed class Company
{
    private readonly List<Person> _people = [];
    private readonly List<Label> _labels = [];
    private readonly List<CompanyEvent> _history = [];

    private Company()
    {
        Number = "";
        Name = "";
        NameKey = "";
    }

    /// <summary>A new company with the next number of the customer range.</summary>
    public Company(string name, string number, Actor actor)
    {
        Name = Text.Required(name, nameof(Name));
        NameKey = CustomerName.Key(Name);
        Number = Text.Required(number, nameof(Number), 30);
        CreatedAt = actor.At;
        Record(CompanyEventKind.Created, null, null, null, Name, actor);
    }

    public int Id { get; private set; }

    /// <summary>The customer number, e.g. K-0001.</summary>
    public string Number { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name as <see cref="CustomerName.Key"/> folds it: unique, and what lookups by name compare.</summary>
    public string NameKey { get; private set; }

    public string? Street { get; private set; }

    public string? Postcode { get; private set; }

    public string? City { get; private set; }

    public string? CountryCode { get; private set; }

    public PostalAddress Address => new(Street, Postcode, City, CountryCode);

    public string? Website { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The currency a new lead for this company starts in; null: the account's.</summary>
    public string? DefaultCurrencyCode { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The concurrency token, raised on every save that changes the company or its history.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<Person> People => _people.AsReadOnly();

    public IReadOnlyCollection<Label> Labels => _labels.AsReadOnly();

    public IReadOnlyCollection<CompanyEvent> History => _history.AsReadOnly();

    public CompanyDetails Details =>
        new(Address, Website, Phone, Email, DefaultCurrencyCode is { } code ? Currency.Parse(code) : null, Notes);

    /// <summary>Company names are unique as <see cref="CustomerName"/> compares them (case, umlauts, accents, spaces).</summary>
    public static void EnsureUnique(string name, IEnumerable<string> takenKeys)
    {
        ArgumentNullException.ThrowIfNull(takenKeys);
        var key = CustomerName.Key(name);
        if (takenKeys.Contains(key, StringComparer.Ordinal))
        {
            throw new DomainException(nameof(Name), ErrorKeys.DuplicateName, name.Trim());
        }
    }

    public void Rename(string name, Actor actor)
    {
        var renamed = Text.Required(name, nameof(Name));
        Set(nameof(Name), Name, renamed, actor, v => Name = v!);
        NameKey = CustomerName.Key(Name);
    }

    public void ChangeDetails(CompanyDetails details, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(details);
        var address = details.Address ?? PostalAddress.Empty;
        var website = Text.Optional(details.Website, nameof(Website), 300);
        var phone = Text.Optional(details.Phone, nameof(Phone), 50);
        var email = EmailAddress.Optional(details.Email, nameof(Email));
        var notes = Text.Optional(details.Notes, nameof(Notes), Text.LongTextMaxLength);
        Set(nameof(Street), Street, address.Street, actor, v => Street = v);
        Set(nameof(Postcode), Postcode, address.Postcode, actor, v => Postcode = v);
        Set(nameof(City), City, address.City, actor, v => City = v);
        Set(nameof(CountryCode), CountryCode, address.CountryCode, actor, v => CountryCode = v);
        Set(nameof(Website), Website, website, actor, v => Website = v);
        Set(nameof(Phone), Phone, phone, actor, v => Phone = v);
        Set(nameof(Email), Email, email, actor, v => Email = v);
        Set(nameof(DefaultCurrencyCode), DefaultCurrencyCode, details.DefaultCurrency?.Code, actor, v => DefaultCurrencyCode = v);
        Set(nameof(Notes), Notes, notes, actor, v => Notes = v);
    }

    /// <summary>Puts exactly <paramref name="labels"/> on the company, recording each one added or removed.</summary>
    public void SetLabels(IEnumerable<Label> labels, Actor actor)
    {
        var wanted = labels.ToList();
        foreach (var removed in _labels.Where(l => !wanted.Any(w => w.Id == l.Id)).ToList())
        {
            _labels.Remove(removed);
            Record(CompanyEventKind.LabelRemoved, null, null, removed.Name, null, actor);
        }

        foreach (var added in wanted.Where(w => !_labels.Any(l => l.Id == w.Id)))
        {
            _labels.Add(added);
            Record(CompanyEventKind.LabelAdded, null, null, null, added.Name, actor);
        }
    }

    /// <summary>A new contact person of this company.</summary>
    public Person AddPerson(PersonDetails details, Actor actor)
    {
        var person = new Person(details);
        person.BelongTo(this);
        _people.Add(person);
        Record(CompanyEventKind.PersonAdded, person.Name, null, null, person.Name, actor);
        return person;
    }

    public void ChangePerson(Person person, PersonDetails details, Actor actor)
    {
        var before = Own(person).Name;
        foreach (var (field, old, value) in person.Apply(details))
        {
            Record(CompanyEventKind.PersonChanged, before, field, old, value, actor);
        }
    }

    /// <summary>Removes a contact person; one that leads still name stays (Rule: no lead loses its contact).</summary>
    public void RemovePerson(Person person, int leadsNamingThem, Actor actor)
    {
        Own(person);
        if (leadsNamingThem > 0)
        {
            throw new DomainException(nameof(People), ErrorKeys.PersonHasLeads, person.Name, leadsNamingThem);
        }

        _people.Remove(person);
        Record(CompanyEventKind.PersonRemoved, person.Name, null, person.Name, null, actor);
    }

    /// <summary>Records that an import touched the company.</summary>
    public void MarkImported(Actor actor) => Record(CompanyEventKind.Imported, null, null, null, null, actor);

    /// <summary>A company with leads is never deleted (it would take their customer away); it can be merged into another.</summary>
    public void EnsureDeletable(int leads)
    {
        if (leads > 0)
        {
            throw new DomainException(nameof(Company), ErrorKeys.CompanyHasLeads, Name, leads);
        }
    }

    /// <summary>
    /// Takes <paramref name="source"/>'s contact persons and history into this company and records the merge here.
    /// The leads follow in <see cref="CustomerMerge"/>; the source is deleted afterwards.
    /// </summary>
    internal void Absorb(Company source, Actor actor)
    {
        if (ReferenceEquals(source, this) || (source.Id != 0 && source.Id == Id))
        {
            throw new DomainException(nameof(Company), ErrorKeys.MergeIntoItself, Name);
        }

        foreach (var person in source._people)
        {
            person.BelongTo(this);
            _people.Add(person);
        }

        source._people.Clear();
        _history.AddRange(source._history);
        source._history.Clear();
        foreach (var label in source._labels.Where(l => !_labels.Any(own => own.Id == l.Id)))
        {
            _labels.Add(label);
        }

        Record(CompanyEventKind.Merged, null, null, $"{source.Name} ({source.Number})", Name, actor);
    }

    private Person Own(Person person) =>
        _people.Contains(person) ? person : throw new InvalidOperationException($"{person.Name} is not a contact of {Name}; load the company's people first.");

    private void Set(string field, string? old, string? value, Actor actor, Action<string?> assign)
    {
        if (!string.Equals(old, value, StringComparison.Ordinal))
        {
            Record(CompanyEventKind.FieldChanged, null, field, old, value, actor);
            assign(value);
        }
    }

    private void Record(CompanyEventKind kind, string? subject, string? field, string? oldValue, string? newValue, Actor actor) =>
        _history.Add(new CompanyEvent(kind, subject, field, oldValue, newValue, actor.UserId, actor.At));
}
