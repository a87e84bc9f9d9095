using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>
/// The use cases of the customer directory. Each runs in its own context and write transaction, lets the
/// <see cref="Company"/> apply its rules (and write its history), commits, and publishes <see cref="CustomersChanged"/>.
/// Any user keeps the directory; deleting and merging companies is the owner's.
/// </summary>
public sealed class CompanyCommands(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time)
{
    public const string ChangedMeanwhile = "Error.CompanyChangedMeanwhile";

    public async Task<int> CreateAsync(CompanyInput input, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var (actor, today) = await ActorAsync(db, userId, cancellationToken);
        var company = await db.NewCompanyAsync(input.Name, actor, today, cancellationToken);
        await ApplyAsync(db, company, input, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new CustomersChanged(company.Id));
        return company.Id;
    }

    /// <summary>Saves the form at the <paramref name="version"/> the user saw; a change made meanwhile is refused, the input kept.</summary>
    public Task UpdateAsync(int companyId, long version, CompanyInput input, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(companyId, version, userId, async (db, company, actor) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (CustomerName.Key(input.Name) != company.NameKey)
            {
                var key = CustomerName.Key(input.Name);
                Company.EnsureUnique(input.Name, await db.Companies.Where(c => c.NameKey == key && c.Id != company.Id).Select(c => c.NameKey).ToListAsync(cancellationToken));
            }

            company.Rename(input.Name, actor);
            await ApplyAsync(db, company, input, actor, cancellationToken);
        }, cancellationToken);

    /// <summary>A new contact person: of the company, or of none (a private client) when <paramref name="companyId"/> is null.</summary>
    public async Task<int> AddPersonAsync(int? companyId, PersonDetails details, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        Person? person = null;
        if (companyId is { } id)
        {
            await ChangeAsync(id, null, userId, (_, company, actor) =>
            {
                person = company.AddPerson(details, actor);
                return Task.CompletedTask;
            }, cancellationToken);
            return person!.Id;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        person = db.People.Add(new Person(details)).Entity;
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new CustomersChanged());
        return person.Id;
    }

    public async Task UpdatePersonAsync(int personId, PersonDetails details, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var companyId = await CompanyOfAsync(personId, cancellationToken);
        if (companyId is { } id)
        {
            await ChangeAsync(id, null, userId, (_, company, actor) =>
            {
                company.ChangePerson((company.People.SingleOrDefault(p => p.Id == personId) ?? throw new DomainException("ContactPerson", ErrorKeys.UnknownContact, personId)), details, actor);
                return Task.CompletedTask;
            }, cancellationToken);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw new DomainException("ContactPerson", ErrorKeys.UnknownContact, personId);
        person.Update(details);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new CustomersChanged());
    }

    /// <summary>Removes a contact person no lead names.</summary>
    public async Task RemovePersonAsync(int personId, string userId, CancellationToken cancellationToken = default)
    {
        var companyId = await CompanyOfAsync(personId, cancellationToken);
        if (companyId is { } id)
        {
            await ChangeAsync(id, null, userId, async (db, company, actor) =>
            {
                var leads = await db.Leads.CountAsync(l => l.ContactPersonId == personId, cancellationToken);
                var person = (company.People.SingleOrDefault(p => p.Id == personId) ?? throw new DomainException("ContactPerson", ErrorKeys.UnknownContact, personId));
                company.RemovePerson(person, leads, actor);
                db.People.Remove(person);
            }, cancellationToken);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var leadsNaming = await db.Leads.CountAsync(l => l.ContactPersonId == personId, cancellationToken);
        var privateClient = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw new DomainException("ContactPerson", ErrorKeys.UnknownContact, personId);
        if (leadsNaming > 0)
        {
            throw new DomainException("People", ErrorKeys.PersonHasLeads, privateClient.Name, leadsNaming);
        }

        db.People.Remove(privateClient);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new CustomersChanged());
    }

    /// <summary>Deletes a company without leads, with its contact persons and history; the owner's alone.</summary>
    public async Task DeleteAsync(int companyId, string userId, CancellationToken cancellationToken = default)
    {
        await contexts.ChangeAsOwnerAsync(userId, time, async (db, _) =>
        {
            var company = await LoadAsync(db, companyId, cancellationToken);
            var leads = await db.Leads.CountAsync(l => l.CompanyId == companyId || (l.ContactPerson != null && l.ContactPerson.CompanyId == companyId), cancellationToken);
            company.EnsureDeletable(leads);
            db.People.RemoveRange(company.People);
            db.Companies.Remove(company);
            return 0;
        }, cancellationToken);
        events.Publish(new CustomersChanged(companyId));
    }

    /// <summary>
    /// Merges a duplicate into the company that stays: leads, contact persons and history move over, each lead and the
    /// surviving company record it, and the duplicate is gone. The owner's alone.
    /// </summary>
    public async Task MergeAsync(int sourceId, int targetId, string userId, CancellationToken cancellationToken = default)
    {
        await contexts.ChangeAsOwnerAsync(userId, time, async (db, actor) =>
        {
            var source = await LoadAsync(db, sourceId, cancellationToken, withHistory: true);
            var target = sourceId == targetId ? source : await LoadAsync(db, targetId, cancellationToken);
            var leads = await db.Leads.Include(l => l.Company).Include(l => l.ContactPerson)
                .Where(l => l.CompanyId == sourceId).ToListAsync(cancellationToken);
            var projects = await db.Projects.Include(p => p.Company).Where(p => p.CompanyId == sourceId).ToListAsync(cancellationToken);
            CustomerMerge.Merge(source, target, leads, projects, actor);
            db.Companies.Remove(source);
            return 0;
        }, cancellationToken);
        events.Publish(new CustomersChanged(sourceId, targetId));
    }

    private async Task ChangeAsync(int companyId, long? version, string userId, Func<LeadsDbContext, Company, Actor, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var (actor, _) = await ActorAsync(db, userId, cancellationToken);
        var company = await LoadAsync(db, companyId, cancellationToken);
        if (version is { } seen && company.Version != seen)
        {
            throw new DomainException(nameof(Company), ChangedMeanwhile, company.Name);
        }

        await change(db, company, actor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new CustomersChanged(companyId));
    }

    private static async Task ApplyAsync(LeadsDbContext db, Company company, CompanyInput input, Actor actor, CancellationToken cancellationToken)
    {
        var settings = await db.AccountSettings.Include(a => a.Currencies).AsNoTracking().SingleAsync(cancellationToken);
        // A currency the owner has since removed may stay where it is; only a newly chosen one must be set up.
        Currency? currency = string.IsNullOrWhiteSpace(input.DefaultCurrency) ? null
            : input.DefaultCurrency == company.DefaultCurrencyCode ? Currency.Parse(input.DefaultCurrency)
            : settings.RequireCurrency(input.DefaultCurrency, nameof(CompanyInput.DefaultCurrency));
        company.ChangeDetails(
            new CompanyDetails(new PostalAddress(input.Street, input.Postcode, input.City, input.CountryCode), input.Website, input.Phone, input.Email, currency, input.Notes),
            actor);
        var wanted = input.LabelIds.ToHashSet();
        var labels = await db.Labels.Where(l => wanted.Contains(l.Id)).ToListAsync(cancellationToken);
        if (labels.Count != wanted.Count)
        {
            throw new DomainException("Labels", ErrorKeys.UnknownLabel, string.Join(", ", wanted.Except(labels.Select(l => l.Id))));
        }

        company.SetLabels(labels, actor);
    }

    // The history is read only when it moves (a merge); everything else appends to it unread.
    private static async Task<Company> LoadAsync(LeadsDbContext db, int companyId, CancellationToken cancellationToken, bool withHistory = false)
    {
        var companies = db.Companies.Include(c => c.People).Include(c => c.Labels).AsSplitQuery();
        return await (withHistory ? companies.Include(c => c.History) : companies).SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken)
            ?? throw new DomainException(nameof(Company), ErrorKeys.UnknownCompany, companyId);
    }

    private async Task<int?> CompanyOfAsync(int personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.CompanyId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("ContactPerson", ErrorKeys.UnknownContact, personId);
        return person.CompanyId;
    }

    private async Task<(Actor Actor, DateOnly Today)> ActorAsync(LeadsDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId) || !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken))
        {
            throw new DomainException("User", ErrorKeys.UnknownUser, userId ?? "");
        }

        var settings = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        return (new Actor(userId, now), settings.DateOf(now));
    }
}
