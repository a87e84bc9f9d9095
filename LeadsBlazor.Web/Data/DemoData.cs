using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Forecasts;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Offers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// Fills an empty database with a small agency's pipeline: an owner and a member, labels, and about
/// 40 current leads over every status, in EUR and CHF, with next-action dates around today, and a past year of closed
/// leads with the daily snapshots of the last half year.
/// </summary>
public sealed class DemoData(LeadsDbContext db, UserManager<ApplicationUser> users, TimeProvider time, ILogger<DemoData> logger)
{
    public const string OwnerEmail = "anna.berger@example.com";
    public const string MemberEmail = "ben.keller@example.com";
    public const string Password = "Demo-Pipeline-2026";

    private static readonly string[] Projects =
    [
        "Relaunch Website", "Markenauftritt", "Intranet-Portal", "Online-Shop", "Kampagne Frühjahr", "App-Prototyp",
        "SEO-Audit", "Messestand", "Jahresbericht", "Newsletter-System", "CRM-Integration", "Barrierefreiheit-Check",
        "Social-Media-Betreuung", "Karriereseite", "Produktvideo", "UX-Workshop", "Corporate Design", "Datenmigration",
        "Hosting & Wartung", "Landingpages",
    ];

    // The demo's customers: agencies on Lake Constance work across DE, AT and CH, so the addresses do too.
    private static readonly DemoCustomer[] Customers =
    [
        new("Alpenblick Hotels AG", "Seestrasse 12", "6006", "Luzern", "CH", "https://alpenblick-hotels.example", new(Salutation.Ms, "Julia", "Hoffmann", "Leiterin Marketing")),
        new("Bäckerei Sonnenschein GmbH", "Hauptstraße 5", "88131", "Lindau (Bodensee)", "DE", null, new(Salutation.Mr, "Markus", "Weber", "Geschäftsführer")),
        new("Stadtwerke Lindau", "Auenstraße 2", "88131", "Lindau (Bodensee)", "DE", "https://stadtwerke-lindau.example", new(Salutation.Ms, "Sabine", "Wagner", "Kommunikation")),
        new("Zürcher Kantonalverband", "Bahnhofstrasse 40", "8001", "Zürich", "CH", null, new(Salutation.Mr, "Thomas", "Schmid", "Präsident")),
        new("Möbelhaus Krüger KG", "Industriestraße 18", "70565", "Stuttgart", "DE", "https://moebel-krueger.example", new(Salutation.Ms, "Claudia", "Meier", "Einkauf")),
        new("Bergsport Engadin AG", "Via Maistra 7", "7500", "St. Moritz", "CH", null, new(Salutation.Mr, "Lukas", "Huber", "Inhaber")),
        new("Kanzlei Fischer & Partner", "Maximilianstraße 21", "80539", "München", "DE", null, new(Salutation.Ms, "Petra", "Brunner", "Partnerin")),
        new("Verlag am See GmbH", "Seepromenade 3", "6900", "Bregenz", "AT", "https://verlag-am-see.example", new(Salutation.Mr, "Stefan", "Keller", "Verlagsleiter")),
        new("Klinikum Nord", "Währinger Gürtel 18", "1090", "Wien", "AT", null, new(Salutation.Ms, "Nina", "Graf", "Presse")),
        new("Weingut Rebstock", "Kellergasse 9", "7000", "Eisenstadt", "AT", "https://rebstock.example", new(Salutation.Mr, "Daniel", "Frei", "Winzer")),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Leads.AnyAsync(cancellationToken))
        {
            return;
        }

        var owner = await EnsureUserAsync(OwnerEmail, "Anna Berger", isOwner: true);
        var member = await EnsureUserAsync(MemberEmail, "Ben Keller", isOwner: false);
        var settings = await db.AccountSettings.Include(a => a.Currencies).SingleAsync(cancellationToken);
        var today = settings.Today(time);
        settings.AddOrUpdateCurrency(Currency.Chf, 1.06m, today);

        var stages = await db.Stages.OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var reasons = await db.CloseReasons.OrderBy(r => r.Position).ToListAsync(cancellationToken);
        Label[] labels =
        [
            new("Website", "#1e88e5"), new("Branding", "#8e24aa"), new("Retainer", "#43a047"),
            new("Heiß", "#e53935"), new("Öffentliche Hand", "#fb8c00"),
        ];
        db.Labels.AddRange(labels);
        var created = new Actor(owner.Id, time.GetUtcNow().AddDays(-60));
        var companies = new Company[Customers.Length];
        var people = new Person[Customers.Length];
        for (var i = 0; i < Customers.Length; i++)
        {
            var customer = Customers[i];
            var company = await db.NewCompanyAsync(customer.Name, created, today, cancellationToken);
            var domain = customer.Website is { } website ? new Uri(website).Host : "example.com";
            company.ChangeDetails(
                new CompanyDetails(new PostalAddress(customer.Street, customer.Postcode, customer.City, customer.Country), customer.Website, PhonePrefix(customer.Country) + (10 + i), $"info@{domain}", customer.Country == "CH" ? Currency.Chf : null),
                created);
            var contact = customer.Contact;
            people[i] = company.AddPerson(contact with { Email = $"{contact.FirstName!.ToLowerInvariant()}.{contact.LastName!.ToLowerInvariant()}@{domain}" }, created);
            companies[i] = company;
        }

        var random = new Random(2026);
        var won = new List<(Lead Lead, IReadOnlyList<Offer> Offers)>();
        for (var i = 0; i < 40; i++)
        {
            var responsible = i % 3 == 0 ? owner : member;
            var actor = new Actor(responsible.Id, time.GetUtcNow().AddDays(-40 + i));
            var currency = i % 4 == 3 ? Currency.Chf : Currency.Eur;
            var revenue = Money.Revenue(random.Next(4, 120) * 500m, currency);
            var nextActionOn = today.AddDays(random.Next(-6, 21));
            var name = $"{Projects[i % Projects.Length]}{(i >= Projects.Length ? " II" : "")}";
            var status = (i % 10) switch
            {
                < 5 => LeadStatus.Running,
                < 7 => LeadStatus.Potential,
                7 => LeadStatus.Won,
                8 => LeadStatus.Lost,
                _ => LeadStatus.Dropped,
            };

            var lead = status == LeadStatus.Potential
                ? Lead.CreatePotential(name, responsible.Id, revenue, nextActionOn, "Erstgespräch vereinbaren", actor)
                : Lead.CreateRunning(name, responsible.Id, revenue, nextActionOn, "Angebot nachfassen", stages[i % stages.Count], actor);
            lead.ChangeCustomer(companies[i % companies.Length], people[i % people.Length], actor);
            lead.AddLabel(labels[i % labels.Length], actor);
            if (i % 4 == 0)
            {
                lead.AddLabel(labels[3], actor);
            }

            // Running and won leads carry a service period, the time the work would be done.
            if (status == LeadStatus.Won || (status == LeadStatus.Running && i % 3 != 1))
            {
                var start = today.AddDays(-20 + (i * 7 % 90));
                lead.ChangeServicePeriod(start, start.AddDays(30 + (i * 11 % 120)), actor);
            }

            if (status is LeadStatus.Won or LeadStatus.Lost or LeadStatus.Dropped)
            {
                lead.Close(status, today.AddDays(-random.Next(1, 30)), status == LeadStatus.Won ? null : reasons[i % reasons.Count], null, actor);
            }

            db.Leads.Add(lead);
            var offers = await AddOffersAsync(lead, i, today, actor, cancellationToken);
            if (status == LeadStatus.Won)
            {
                won.Add((lead, offers));
            }
        }

        AddPastYear(stages, reasons, labels, companies, people, [owner, member], settings, today);
        await db.SaveChangesAsync(cancellationToken);
        await AddProjectsAsync(won, labels[2], member, today, cancellationToken);
        AddSnapshots(stages, settings, today);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo data: 112 leads, sign in as {Owner} or {Member} with password {Password}.", OwnerEmail, MemberEmail, Password);
    }

    // Offers on every fifth lead from the third on: a draft, a sent one with a variant, and confirmed ones on won leads.
    private async Task<IReadOnlyList<Offer>> AddOffersAsync(Lead lead, int i, DateOnly today, Actor actor, CancellationToken cancellationToken)
    {
        if (i % 5 != 2 && lead.Status != LeadStatus.Won)
        {
            return [];
        }

        var offerSettings = db.OfferSettings.Local.FirstOrDefault() ?? await db.OfferSettings.SingleAsync(cancellationToken);
        if (offerSettings.FirmName is "Ihre Firma" or "Your company")
        {
            offerSettings.ChangeLetterhead("Seeblick Digital GmbH", "Hafenstraße 1\n88131 Lindau (Bodensee)", "Seeblick Digital GmbH · Geschäftsführerin Anna Berger · HRB 1234 Kempten\nSparkasse Bodensee · IBAN DE12 7315 0000 0001 2345 67 · BIC BYLADEM1MLM\nUSt-IdNr. DE123456789");
        }

        var account = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
        var range = await db.NumberRangeAsync(NumberRangeKind.Offer, cancellationToken);
        var offer = Offer.Create(lead, range.Take(today), OfferDefaults.For(lead, offerSettings, account, today.AddDays(-10 + (i % 7))), actor);
        offer.Edit(offer.Details() with { DiscountPercent = i % 2 == 0 ? 5m : 0m },
        [
            OfferPosition.Title("Konzeption"),
            OfferPosition.Item("Workshop mit Ihrem Team", 1m, "pauschal", 1800m),
            OfferPosition.Description("Ziele, Zielgruppen und Anforderungen gemeinsam klären; Ergebnisprotokoll."),
            OfferPosition.Item("Informationsarchitektur und Wireframes", 16m, "Std.", 120m),
            OfferPosition.Subtotal(),
            OfferPosition.Title("Umsetzung"),
            OfferPosition.Item("Design und Entwicklung", 10 + (i % 7) * 8m, "Std.", 110m),
            OfferPosition.Item("Schulung der Redaktion", 4m, "Std.", 110m, optional: true),
            OfferPosition.Subtotal(),
        ]);
        db.Offers.Add(offer);
        if (lead.Status == LeadStatus.Won)
        {
            offer.Send(lead, lead.ContactPerson?.Email, actor);
            offer.Confirm(lead, actor);

            // The first won lead also bought a year of care, offered apart: it becomes a project of its own.
            if (i == 7)
            {
                var care = Offer.Create(lead, range.Take(today), OfferDefaults.For(lead, offerSettings, account, today.AddDays(-4)), actor);
                care.Edit(care.Details() with { Title = "Wartung und Hosting 2027" }, [OfferPosition.Item("Wartung und Hosting", 12m, "Monate", 240m)]);
                care.Send(lead, lead.ContactPerson?.Email, actor);
                db.Offers.Add(care);
                return [offer, care];
            }
        }
        else if (i % 20 == 12)
        {
            offer.Send(lead, lead.ContactPerson?.Email, actor);

            // The variant names the offer it came from by id, which the offer has only once it is saved.
            await db.SaveChangesAsync(cancellationToken);
            var variant = offer.CopyAsVariant(lead, range.Take(today), today, actor);
            variant.Edit(variant.Details() with { Title = variant.Title + " (kompakt)" }, offer.Positions.Take(5));
            db.Offers.Add(variant);
            return [offer, variant];
        }

        return [offer];
    }

    // Two won leads become projects: the first twice (the relaunch and a year of care, each billing its own offer),
    // the second once; the other won leads are left for trying "+ Neues Projekt".
    private async Task AddProjectsAsync(List<(Lead Lead, IReadOnlyList<Offer> Offers)> won, Label retainer, ApplicationUser member, DateOnly today, CancellationToken cancellationToken)
    {
        var range = await db.NumberRangeAsync(NumberRangeKind.Project, cancellationToken);
        foreach (var (lead, offers) in won.Take(2))
        {
            var actor = new Actor(lead.ResponsibleUserId, time.GetUtcNow().AddDays(-3));
            var details = new ProjectDetails(lead.Name, lead.ResponsibleUserId, member.Id == lead.ResponsibleUserId ? null : member.Id, lead.ServiceFrom, lead.ServiceTo,
                ProjectBilling.FixedPrice, offers[0].Net.Amount, 110m, lead.Info);
            var project = Project.CreateFromLead(lead, offers, range.Take(today), details, lead.Company, lead.ContactPerson, lead.Labels, actor);
            project.Bill(offers[0], lead, actor);
            project.AddNote("Kick-off mit dem Kunden am Montag; Zugänge zum alten CMS liegen vor.", actor);
            db.Projects.Add(project);
            if (offers.Count > 1)
            {
                var care = Project.CreateFromLead(lead, offers, range.Take(today), details with { Name = offers[1].Title, Billing = ProjectBilling.ByEffort, Budget = offers[1].Net.Amount, StartOn = lead.ServiceTo, FinishOn = lead.ServiceTo?.AddYears(1) },
                    lead.Company, lead.ContactPerson, [retainer], actor);
                care.Bill(offers[1], lead, actor);
                db.Projects.Add(care);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // A year of closed leads, each walking the stages over weeks before it was won, lost or dropped: the history the
    // calibration of the probabilities and the analysis of outcomes read (Rule 15). Fewer leads are won from "Angebot"
    // than its 30 % promise, so the calibration has something to say.
    private void AddPastYear(List<Stage> stages, List<CloseReason> reasons, Label[] labels, Company[] companies, Person[] people, ApplicationUser[] team, AccountSettings settings, DateOnly today)
    {
        double[] winChance = [0.0, 0.05, 0.1, 0.4];
        var random = new Random(2025);
        for (var k = 0; k < 72; k++)
        {
            var at = time.GetUtcNow().AddDays(-365 + (k * 4.6));
            var responsible = team[k % team.Length];
            var actor = new Actor(responsible.Id, at);
            var deepest = Math.Min(random.Next(0, 20) switch { < 8 => 0, < 13 => 1, < 17 => 2, _ => 3 }, stages.Count - 1);
            var company = random.Next(companies.Length);
            var lead = Lead.CreateRunning(
                $"{Projects[random.Next(Projects.Length)]} {settings.DateOf(at):yyyy}", responsible.Id, Money.Revenue(random.Next(4, 80) * 500m, Currency.Eur),
                settings.DateOf(at).AddDays(7), "Nachfassen", stages[0], actor);
            lead.ChangeCustomer(companies[company], people[company], actor);
            lead.AddLabel(labels[k % labels.Length], actor);
            for (var stage = 1; stage <= deepest; stage++)
            {
                at = at.AddDays(random.Next(5, 20));
                lead.MoveToStage(stages[stage], new Actor(responsible.Id, at));
            }

            at = at.AddDays(random.Next(3, 25));
            var closed = new Actor(responsible.Id, at);
            var outcome = random.NextDouble() < winChance[deepest] ? LeadStatus.Won : random.Next(3) == 0 ? LeadStatus.Dropped : LeadStatus.Lost;
            var closedOn = settings.DateOf(at) < today ? settings.DateOf(at) : today;
            if (outcome == LeadStatus.Won)
            {
                lead.ChangeServicePeriod(closedOn.AddDays(14), closedOn.AddDays(14 + random.Next(30, 150)), closed);
            }

            lead.Close(outcome, closedOn, outcome == LeadStatus.Won ? null : reasons[random.Next(reasons.Count)], null, closed);
            db.Leads.Add(lead);
        }
    }

    // The daily snapshots of the last 26 weeks, so the trend has a past on the first start: the running leads' weighted
    // volume per stage as it is now, drifting up over the half year. The app takes today's snapshot itself.
    private void AddSnapshots(List<Stage> stages, AccountSettings settings, DateOnly today)
    {
        var running = db.Leads.Local.Where(l => l.Status == LeadStatus.Running).ToList();
        var now = stages.ToDictionary(
            s => s.Id,
            s => running.Where(l => l.StageId == s.Id).Sum(l => WeightedRevenue.Of(l.Revenue, s.Probability, settings).MinorUnits));
        var counts = stages.ToDictionary(s => s.Id, s => running.Count(l => l.StageId == s.Id));
        var random = new Random(26);
        for (var daysAgo = 182; daysAgo >= 1; daysAgo--)
        {
            var day = today.AddDays(-daysAgo);
            var share = 0.6 + (0.4 * (182 - daysAgo) / 182.0);
            db.PipelineSnapshots.Add(new PipelineSnapshot(
                day,
                settings.StartOf(day).AddHours(1),
                settings.CurrencyCode,
                stages.Select(s => new StageSnapshot(s.Id, s.Name, (int)Math.Round(counts[s.Id] * share), (long)(now[s.Id] * share * (0.9 + (random.NextDouble() * 0.2)))))));
        }
    }

    private static string PhonePrefix(string country) => country switch
    {
        "CH" => "+41 41 000 00 ",
        "AT" => "+43 1 000 00 ",
        _ => "+49 8382 000 0",
    };

    private sealed record DemoCustomer(string Name, string Street, string Postcode, string City, string Country, string? Website, PersonDetails Contact);

    private async Task<ApplicationUser> EnsureUserAsync(string email, string displayName, bool isOwner)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            return user;
        }

        user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        if (isOwner)
        {
            await users.AddToRoleAsync(user, Roles.AccountOwner);
        }

        return user;
    }
}
