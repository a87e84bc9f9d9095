using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Sqlite;
using LeadsBlazor.Web.Features.Customers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Features.Data;

/// <summary>
/// A database of the version before customer records (companies and persons were a bare name each) upgrades at the
/// app's start, and every lead keeps its customer and contact.
/// </summary>
public sealed class CustomerUpgradeTests : IAsyncLifetime
{
    private const string PreviousVersion = "20261201185631_OwnersRequireTwoFactor";

    private static readonly DateTimeOffset Then = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly LeadsAppFactory _app = new();

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteLeadsDbContext>().UseSqlite($"Data Source={Path.Combine(_app.Folder, "leads.db")}").Options;
        await using (var db = new SqliteLeadsDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(PreviousVersion);
            await db.Database.ExecuteSqlRawAsync(PreviousVersionData, new SqliteParameter("$at", new DateTimeOffsetToBinaryConverter().ConvertToProvider(Then)));
        }

        SqliteConnection.ClearAllPools();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    // As the previous version stored them: Müller GmbH and MUELLER GMBH were two companies then (names compared exactly),
    // a contact's name was one text, a private client had no company.
    private const string PreviousVersionData = """
        INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, DisplayName, EmailConfirmed, IsActive,
            LockoutEnabled, PhoneNumberConfirmed, TwoFactorEnabled, RemindersEnabled, AccessFailedCount)
        VALUES ('lea', 'lea@old.example', 'LEA@OLD.EXAMPLE', 'lea@old.example', 'LEA@OLD.EXAMPLE', 'Lea Alt', 1, 1, 1, 0, 0, 1, 0);
        INSERT INTO Companies (Id, Name) VALUES (1, 'Müller GmbH'), (2, 'Schmid AG'), (3, 'MUELLER GMBH'), (4, 'Bäckerei Öztürk');
        INSERT INTO People (Id, Name, CompanyId, Email) VALUES
            (1, 'Hans Peter Müller', 1, 'hp@mueller.example'), (2, 'Jana', 2, NULL), (3, 'Eva Weiß', 3, NULL), (4, 'Otto Privat', NULL, NULL);
        INSERT INTO Leads (Id, Name, CompanyId, ContactPersonId, Status, CreatedAt, CreatedBy, ResponsibleUserId, Version, RevenueCurrency, RevenueMinor) VALUES
            (1, 'Relaunch Website', 1, 1, 0, $at, 'lea', 'lea', 1, 'EUR', 1000000),
            (2, 'Shop', 2, 2, 0, $at, 'lea', 'lea', 1, 'EUR', 500000),
            (3, 'Wartung', 3, 3, 0, $at, 'lea', 'lea', 1, 'EUR', 200000),
            (4, 'Filialnetz', 4, NULL, 0, $at, 'lea', 'lea', 1, 'EUR', 300000),
            (5, 'Gartenplanung', NULL, 4, 0, $at, 'lea', 'lea', 1, 'EUR', 100000),
            (6, 'Intranet', 1, NULL, 0, $at, 'lea', 'lea', 1, 'EUR', 700000);
        """;

    private async Task<T> QueryAsync<T>(Func<LeadsDbContext, Task<T>> query)
    {
        using var scope = _app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<LeadsDbContext>());
    }

    [Fact]
    public async Task Every_lead_keeps_its_customer_and_contact()
    {
        var leads = await QueryAsync(db => db.Leads.AsNoTracking().OrderBy(l => l.Id)
            .Select(l => new { l.Name, Company = l.Company!.Name, Contact = l.ContactPerson!.Name, ContactsCompany = l.ContactPerson.Company!.Name })
            .ToListAsync());

        Assert.Equal(
            [
                ("Relaunch Website", "Müller GmbH", "Hans Peter Müller", "Müller GmbH"),
                ("Shop", "Schmid AG", "Jana", "Schmid AG"),
                ("Wartung", "MUELLER GMBH (K-0003)", "Eva Weiß", "MUELLER GMBH (K-0003)"),
                ("Filialnetz", "Bäckerei Öztürk", null, null),
                ("Gartenplanung", null, "Otto Privat", null),
                ("Intranet", "Müller GmbH", null, null),
            ],
            leads.Select(l => (l.Name, (string?)l.Company, (string?)l.Contact, (string?)l.ContactsCompany)));
        Assert.Empty(await QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task Companies_are_numbered_in_the_order_they_were_made_and_keyed_by_their_folded_names()
    {
        var companies = await QueryAsync(db => db.Companies.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

        Assert.Equal(["K-0001", "K-0002", "K-0003", "K-0004"], companies.Select(c => c.Number));
        Assert.All(companies, c => Assert.Equal(CustomerName.Key(c.Name), c.NameKey));
        Assert.All(companies, c => Assert.Equal(Then, c.CreatedAt));
    }

    [Fact]
    public async Task Two_companies_whose_names_now_fold_alike_stay_two_and_the_later_one_is_renamed()
    {
        var mueller = await QueryAsync(db => db.Companies.AsNoTracking().Where(c => c.Id == 1 || c.Id == 3).OrderBy(c => c.Id)
            .Select(c => new { c.Name, Leads = db.Leads.Where(l => l.CompanyId == c.Id).OrderBy(l => l.Id).Select(l => l.Name).ToList() })
            .ToListAsync());

        Assert.Equal(["Müller GmbH", "MUELLER GMBH (K-0003)"], mueller.Select(c => c.Name));
        Assert.Equal(["Relaunch Website", "Intranet"], mueller[0].Leads);
        Assert.Equal(["Wartung"], mueller[1].Leads);
    }

    [Fact]
    public async Task A_contacts_name_is_split_into_first_and_last_name_and_kept_whole()
    {
        var people = await QueryAsync(db => db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync());

        Assert.Equal(
            [("Hans Peter", "Müller", "Hans Peter Müller"), (null, "Jana", "Jana"), ("Eva", "Weiß", "Eva Weiß"), ("Otto", "Privat", "Otto Privat")],
            people.Select(p => (p.FirstName, p.LastName, p.Name)));
        Assert.Equal("hp@mueller.example", people[0].Email);
        Assert.All(people, p => Assert.Equal(Salutation.None, p.Salutation));
    }

    [Fact]
    public async Task The_customer_range_goes_on_after_the_upgraded_companies()
    {
        var range = await QueryAsync(db => db.NumberRanges.AsNoTracking().SingleAsync(r => r.Kind == NumberRangeKind.Customer));
        using var scope = _app.Services.CreateScope();

        var id = await scope.ServiceProvider.GetRequiredService<CompanyCommands>().CreateAsync(new CompanyInput { Name = "Neu GmbH" }, "lea");

        Assert.Equal("K-0005", range.Peek(DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime)));
        Assert.Equal("K-0005", await QueryAsync(db => db.Companies.Where(c => c.Id == id).Select(c => c.Number).SingleAsync()));
    }

    [Fact]
    public async Task An_upgraded_name_is_found_in_any_spelling()
    {
        using var scope = _app.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();

        var found = await context.CompaniesNamedAsync(["baeckerei oeztuerk", "SCHMID ag"]);

        Assert.Equal(["Bäckerei Öztürk", "Schmid AG"], found.Values.Select(c => c.Name).Order(StringComparer.Ordinal));
    }
}
