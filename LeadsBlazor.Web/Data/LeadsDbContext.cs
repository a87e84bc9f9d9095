using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Forecasts;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Domain.Reminders;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// The app's one database: Identity's tables, the pipeline's and the Data Protection keys. One model; each provider has its
/// own context type (<see cref="Sqlite.SqliteLeadsDbContext"/>, <see cref="Postgres.PostgresLeadsDbContext"/>) only so that
/// each keeps its own migrations, generated from this same model.
/// </summary>
public abstract class LeadsDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<Stage> Stages => Set<Stage>();

    public DbSet<Label> Labels => Set<Label>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<CompanyEvent> CompanyEvents => Set<CompanyEvent>();

    public DbSet<NumberRange> NumberRanges => Set<NumberRange>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<OfferSettings> OfferSettings => Set<OfferSettings>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectEvent> ProjectEvents => Set<ProjectEvent>();

    public DbSet<ProjectNote> ProjectNotes => Set<ProjectNote>();

    public DbSet<ProjectAttachment> ProjectAttachments => Set<ProjectAttachment>();

    public DbSet<LeadEvent> LeadEvents => Set<LeadEvent>();

    public DbSet<PipelineSnapshot> PipelineSnapshots => Set<PipelineSnapshot>();

    public DbSet<LeadNote> LeadNotes => Set<LeadNote>();

    public DbSet<LeadAttachment> LeadAttachments => Set<LeadAttachment>();

    public DbSet<AccountSettings> AccountSettings => Set<AccountSettings>();

    public DbSet<AccountCurrency> AccountCurrencies => Set<AccountCurrency>();

    public DbSet<CloseReason> CloseReasons => Set<CloseReason>();

    public DbSet<ReminderClaim> ReminderClaims => Set<ReminderClaim>();

    public DbSet<SettingsChange> SettingsChanges => Set<SettingsChange>();

    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<AddressThrottle> AddressThrottles => Set<AddressThrottle>();

    /// <summary>The running volume of each label, kept by the database's triggers (read only).</summary>
    public DbSet<LabelRevenueGroup> LabelRevenueGroups => Set<LabelRevenueGroup>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LeadsDbContext).Assembly);
        TextSearch.Register(builder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; as a number it sorts and compares exactly.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        var actors = NewEventActors();
        if (actors.Count > 0)
        {
            NameActors(Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionary(u => u.Id, u => (string?)u.DisplayName));
        }

        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (Exception e) when (WriteTransactions.IsBusy(e))
        {
            throw WriteTransactions.Busy();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        var actors = NewEventActors();
        if (actors.Count > 0)
        {
            NameActors(await Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (string?)u.DisplayName, cancellationToken));
        }

        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (Exception e) when (WriteTransactions.IsBusy(e))
        {
            // Nothing was written (a deadlock PostgreSQL broke, a lock wait past its timeout): the same "try again" as a busy
            // SQLite database, a message like a broken rule, so the session and the input stay.
            throw WriteTransactions.Busy();
        }
    }

    /// <summary>The shadow column on <see cref="LeadEvent"/> that names the lead version its save produced.</summary>
    public const string EventVersion = "LeadVersion";

    internal const string EventLeadId = nameof(LeadEvent.LeadId);

    /// <summary>The shadow column on <see cref="LeadEvent"/> and <see cref="CompanyEvent"/> that keeps the acting user's name as it was when the event happened.</summary>
    public const string EventUserName = "UserName";

    private IEnumerable<(EntityEntry Entry, string UserId)> NewEvents() =>
        ChangeTracker.Entries<LeadEvent>().Where(e => e.State == EntityState.Added).Select(e => ((EntityEntry)e, e.Entity.UserId))
            .Concat(ChangeTracker.Entries<CompanyEvent>().Where(e => e.State == EntityState.Added).Select(e => ((EntityEntry)e, e.Entity.UserId)))
            .Concat(ChangeTracker.Entries<ProjectEvent>().Where(e => e.State == EntityState.Added).Select(e => ((EntityEntry)e, e.Entity.UserId)));

    private List<string> NewEventActors() => [.. NewEvents().Select(e => e.UserId).Distinct()];

    private void NameActors(Dictionary<string, string?> names)
    {
        foreach (var (entry, userId) in NewEvents().ToList())
        {
            entry.Property(EventUserName).CurrentValue = names.GetValueOrDefault(userId);
        }
    }

    private void PrepareSave()
    {
        ChangeTracker.DetectChanges();
        GuardAppendOnlyHistory();
        RaiseLeadVersions();
        RaiseCompanyVersions();
        foreach (var offer in ChangeTracker.Entries<Offer>().Where(e => e.State == EntityState.Modified))
        {
            var version = offer.Property(o => o.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }

        RaiseProjectVersions();
    }

    // A project's version counts its history too: a note or a billed offer is a change another session must not overwrite.
    private void RaiseProjectVersions()
    {
        var projectsWithNewEvents = ChangeTracker.Entries<ProjectEvent>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.ProjectId)
            .ToHashSet();
        foreach (var entry in ChangeTracker.Entries<Project>())
        {
            if (entry.State == EntityState.Modified
                || (entry.State == EntityState.Unchanged && projectsWithNewEvents.Contains(entry.Entity.Id)))
            {
                var version = entry.Property(p => p.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    private void RaiseCompanyVersions()
    {
        var companiesWithNewEvents = ChangeTracker.Entries<CompanyEvent>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.CompanyId)
            .ToHashSet();
        foreach (var entry in ChangeTracker.Entries<Company>())
        {
            if (entry.State == EntityState.Modified
                || (entry.State == EntityState.Unchanged && companiesWithNewEvents.Contains(entry.Entity.Id)))
            {
                var version = entry.Property(c => c.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    // Rule 7: history is append-only. An event is only ever removed together with its lead.
    private void GuardAppendOnlyHistory()
    {
        foreach (var entry in ChangeTracker.Entries<LeadEvent>())
        {
            if (entry.State == EntityState.Modified
                || (entry.State == EntityState.Deleted && !ChangeTracker.Entries<Lead>().Any(l => l.State == EntityState.Deleted && l.Entity.Id == entry.Entity.LeadId)))
            {
                throw new InvalidOperationException("The history of a lead is append-only.");
            }
        }

        // A company's history too; a merge moves it to the surviving company, and that is the one change allowed.
        // (EF marks every column of a re-parented event modified, so what counts is a value that differs.)
        foreach (var entry in ChangeTracker.Entries<CompanyEvent>())
        {
            if ((entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(CompanyEvent.CompanyId) && !Equals(p.OriginalValue, p.CurrentValue)))
                || (entry.State == EntityState.Deleted && !ChangeTracker.Entries<Company>().Any(c => c.State == EntityState.Deleted && c.Entity.Id == entry.Entity.CompanyId)))
            {
                throw new InvalidOperationException("The history of a company is append-only.");
            }
        }

        foreach (var entry in ChangeTracker.Entries<ProjectEvent>())
        {
            if (entry.State == EntityState.Modified
                || (entry.State == EntityState.Deleted && !ChangeTracker.Entries<Project>().Any(p => p.State == EntityState.Deleted && p.Entity.Id == entry.Entity.ProjectId)))
            {
                throw new InvalidOperationException("The history of a project is append-only.");
            }
        }
    }

    // SQLite makes no row version, so the app raises the lead's version on every save that changes it
    // (its own columns or anything in its history); a concurrent save of the same version then fails.
    private void RaiseLeadVersions()
    {
        var leadsWithNewEvents = ChangeTracker.Entries<LeadEvent>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.LeadId)
            .ToHashSet();
        foreach (var entry in ChangeTracker.Entries<Lead>())
        {
            if (entry.State == EntityState.Modified
                || (entry.State == EntityState.Unchanged && leadsWithNewEvents.Contains(entry.Entity.Id)))
            {
                var version = entry.Property(l => l.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }

            // Each new event carries the version its save gives the lead (see EventVersion).
            foreach (var recorded in entry.Entity.History)
            {
                var eventEntry = Entry(recorded);
                if (eventEntry.State == EntityState.Added)
                {
                    eventEntry.Property(EventVersion).CurrentValue = entry.Property(l => l.Version).CurrentValue;
                }
            }
        }
    }
}
