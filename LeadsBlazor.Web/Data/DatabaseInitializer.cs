using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Pipeline;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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

    private async Task EnsureAccountAsync(CancellationToken cancellationToken)
    {
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

        await db.SaveChangesAsync(cancellationToken);
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
