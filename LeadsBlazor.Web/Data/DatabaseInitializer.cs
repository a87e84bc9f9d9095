using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Features.Offers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// Brings the database to the current schema at start and fills what every account needs: the
/// owner role, the account settings, MOCO's four stages, the lost reasons; then the bootstrap owner
/// and, when asked for, the demo data (in that order, so both settings work together).
/// </summary>
public sealed class DatabaseInitializer(
    LeadsDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    DemoData demoData,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            await PrepareAsync(cancellationToken);
            return;
        }

        // Instances starting together on one PostgreSQL database take turns, so the schema, the owner and the demo data
        // come once. A session lock on this context's connection, kept open until the start is done; the wait has no
        // command timeout, as the instance before may be migrating a large database.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var timeout = db.Database.GetCommandTimeout();
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.Zero);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartLock})", cancellationToken);
            db.Database.SetCommandTimeout(timeout);

            // EF asks for the migration history before creating it, which PostgreSQL logs as a failed command on a new
            // database; an operator's first start should not open with "fail".
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await PrepareAsync(cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartLock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The advisory lock key instances take turns on at start (next to <see cref="WriteTransactions.WriterLock"/>).</summary>
    public const long StartLock = WriteTransactions.WriterLock + 1;

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; the mode is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        if (!await roles.RoleExistsAsync(Roles.AccountOwner))
        {
            await roles.CreateAsync(new IdentityRole(Roles.AccountOwner));
        }

        await EnsureAccountAsync(cancellationToken);
        await CreateBootstrapOwnerAsync();

        if (configuration.GetValue("Demo:Seed", environment.IsDevelopment()) && !environment.IsProduction())
        {
            await demoData.SeedAsync(cancellationToken);
        }
    }

    // In one write transaction: two instances starting together on one PostgreSQL database must not both add the defaults.
    private async Task EnsureAccountAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        if (!await db.AccountSettings.AnyAsync(cancellationToken))
        {
            var settings = new AccountSettings(
                Currency.Parse(configuration["Account:Currency"] ?? "EUR"),
                configuration["Account:TimeZone"] ?? "Europe/Berlin",
                configuration["Account:Culture"] ?? "de-DE",
                DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            db.AccountSettings.Add(settings);
        }

        if (!await db.Stages.AnyAsync(cancellationToken))
        {
            db.Stages.AddRange(StageList.Defaults());
        }

        if (!await db.CloseReasons.AnyAsync(cancellationToken))
        {
            db.CloseReasons.AddRange(CloseReason.Defaults());
        }

        foreach (var range in NumberRange.Defaults())
        {
            if (!await db.NumberRanges.AnyAsync(r => r.Kind == range.Kind, cancellationToken))
            {
                // Companies of an older version were numbered K-0001… by the upgrade; the range goes on after them.
                if (range.Kind == NumberRangeKind.Customer)
                {
                    range.SkipTo(await db.Companies.CountAsync(cancellationToken));
                }

                db.NumberRanges.Add(range);
            }
        }

        if (!await db.OfferSettings.AnyAsync(cancellationToken))
        {
            var account = db.AccountSettings.Local.FirstOrDefault() ?? await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
            db.OfferSettings.Add(OfferDefaults.Settings(account.Culture, configuration["Account:FirmName"]));
        }

        await db.SaveChangesAsync(cancellationToken);
        await KeyLegacyCompanyNamesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // The upgrade to customer records cannot fold names in SQL (SQLite knows no umlauts), so it leaves a placeholder
    // key; here each company gets its real one. Two old names that fold alike keep both companies: the later one
    // is renamed "Name (K-0007)" rather than merged behind the users' backs.
    private async Task KeyLegacyCompanyNamesAsync(CancellationToken cancellationToken)
    {
        var legacy = await db.Companies.AsNoTracking()
            .Where(c => c.NameKey.StartsWith(Configurations.CompanyConfiguration.LegacyKeyPrefix))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Number })
            .ToListAsync(cancellationToken);
        foreach (var company in legacy)
        {
            var name = company.Name;
            var key = CustomerName.Key(name);
            if (await db.Companies.AnyAsync(c => c.NameKey == key && c.Id != company.Id, cancellationToken))
            {
                name = $"{company.Name} ({company.Number})";
                key = CustomerName.Key(name);
                logger.LogWarning("Two companies were named alike; {Number} is now called {Name}.", company.Number, name);
            }

            await db.Companies.Where(c => c.Id == company.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name).SetProperty(c => c.NameKey, key), cancellationToken);
        }
    }

    private async Task CreateBootstrapOwnerAsync()
    {
        var email = configuration["Bootstrap:OwnerEmail"];
        var password = configuration["Bootstrap:OwnerPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || await users.Users.AnyAsync())
        {
            return;
        }

        var owner = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var result = await users.CreateAsync(owner, password);
        if (!result.Succeeded)
        {
            // A bad bootstrap password must stop the start: otherwise the app would run with no owner at all.
            throw new InvalidOperationException("Bootstrap:OwnerEmail/OwnerPassword could not create the owner: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(owner, Roles.AccountOwner);
        logger.LogInformation("Created the account owner {Email} from the bootstrap settings.", email);
    }
}
