using System.Diagnostics;
using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Bench;

/// <summary>
/// Fills the bench database with a realistic pipeline of any size in about a minute for a million leads, in two steps.
/// First the few things people create by hand go through the domain and EF Core, so they are valid by construction
/// (about 20 users, four currencies with rates, labels); the companies (one with its contact persons per hundred leads,
/// each with its history and number) are built by the domain too. Then the companies as built, and the leads, their labels
/// and their history, go in by plain SQL in one transaction with prepared commands, the leads shaped as <see cref="Lead"/> writes them: most running over the account's stages, some potential,
/// won, lost or dropped (with date and reason), next-action dates around today (some due), and the history rows the
/// domain records for that life (created, stage entered and moved, customer and contact, labels, closing).
/// </summary>
internal static class BulkSeeding
{
    private static readonly string[] Projects =
    [
        "Relaunch Website", "Markenauftritt", "Intranet-Portal", "Online-Shop", "Kampagne Frühjahr", "App-Prototyp", "SEO-Audit",
        "Messestand", "Jahresbericht", "Newsletter-System", "CRM-Integration", "Barrierefreiheit-Check", "Social-Media-Betreuung",
        "Karriereseite", "Produktvideo", "UX-Workshop", "Corporate Design", "Datenmigration", "Hosting & Wartung", "Landingpages",
    ];

    private static readonly string[] Surnames =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch",
        "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
        "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann",
        "König", "Walter", "Mayer", "Huber",
    ];

    private static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Katrin", "Lukas", "Mia", "Noah", "Olga",
        "Paul", "Rita", "Simon", "Tina", "Uwe",
    ];

    private static readonly string[] Trades = ["Bau", "Druck", "Hotels", "Logistik", "Medien", "Möbel", "Software", "Technik", "Reisen", "Weinbau", "Bäckerei", "Elektro"];

    private static readonly string[] Forms = ["GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."];

    private static readonly string[] Cities = ["Lindau", "Bregenz", "Zürich", "München", "Stuttgart", "Wien", "Konstanz", "Ulm", "Basel", "Innsbruck"];

    private static readonly string[] NextActions = ["Angebot nachfassen", "Erstgespräch vereinbaren", "Unterlagen senden", "Rückruf", "Workshop planen", null!];

    private static readonly (string Name, string Color)[] LabelNames =
    [
        ("Website", "#1e88e5"), ("Branding", "#8e24aa"), ("Retainer", "#43a047"), ("Heiß", "#e53935"), ("Öffentliche Hand", "#fb8c00"),
        ("Messe", "#00897b"), ("Empfehlung", "#5e35b1"), ("Bestandskunde", "#3949ab"), ("Ausschreibung", "#6d4c41"), ("Förderung", "#c0ca33"),
        ("Schweiz", "#d81b60"), ("Österreich", "#f4511e"), ("E-Commerce", "#039be5"), ("Video", "#7cb342"), ("Print", "#757575"),
        ("Social Media", "#ffb300"), ("SEO", "#26a69a"), ("Hosting", "#546e7a"), ("Workshop", "#ab47bc"), ("Strategie", "#ec407a"),
    ];

    /// <summary>The label the one-label board filters by: on about one lead in ten.</summary>
    public const string FilterLabel = "Heiß";

    /// <summary>What the search scenario types: a surname with an umlaut, typed in lower case (matches "Köhler" and "Koehler").</summary>
    public const string SearchText = "köhler";

    /// <summary>
    /// Step 1, through the running app's services: users, currencies, labels; and the companies with contact persons, built
    /// by the domain for step 2 to write (their numbers are taken from the account's range here).
    /// </summary>
    public static async Task<IReadOnlyList<Company>> SeedPeopleAndCustomersAsync(IServiceProvider services, int leadCount, string ownerEmail)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>();
        var watch = Stopwatch.StartNew();
        var owner = await users.FindByEmailAsync(ownerEmail) ?? throw new InvalidOperationException("The bench owner is missing.");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        // Colleagues sign in with nothing here, so they get no password (hashing 19 of them would cost seconds).
        for (var i = 0; i < 19; i++)
        {
            var email = $"kollege{i + 1:D2}@example.com";
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{FirstNames[i % FirstNames.Length]} {Surnames[(i * 7) % Surnames.Length]}" };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("A bench user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var settings = await db.AccountSettings.Include(a => a.Currencies).SingleAsync();
            settings.AddOrUpdateCurrency(Currency.Chf, 1.06m, today);
            settings.AddOrUpdateCurrency(Currency.Parse("USD"), 0.92m, today);
            settings.AddOrUpdateCurrency(Currency.Parse("GBP"), 1.17m, today);
            db.Labels.AddRange(LabelNames.Select(l => new Label(l.Name, l.Color)));
            await db.SaveChangesAsync();
        }

        var usersAndLabels = watch.Elapsed;
        // One company per hundred leads (at least 50), each with one contact person and every third with a second one. Built by
        // the domain (names, name keys, numbers from the account's range, history), written with the leads in step 2: saved
        // through EF Core, 10,000 of them took 5-7 s of the minute.
        var count = Math.Max(50, leadCount / 100);
        var actor = new Actor(owner.Id, now.AddDays(-800));
        var companies = new List<Company>(count);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var range = await db.NumberRangeAsync(NumberRangeKind.Customer);
            for (var i = 0; i < count; i++)
            {
                var surname = Surnames[i % Surnames.Length];
                var name = $"{surname} {Trades[(i / Surnames.Length) % Trades.Length]} {Forms[i % Forms.Length]} {Cities[(i / 7) % Cities.Length]} {i / 600 + 1}";
                var company = new Company(name, range.Take(today), actor);
                company.AddPerson(new PersonDetails(Salutation.Ms, FirstNames[i % FirstNames.Length], Surnames[(i * 3 + 1) % Surnames.Length], "Marketing"), actor);
                if (i % 3 == 0)
                {
                    company.AddPerson(new PersonDetails(Salutation.Mr, FirstNames[(i + 5) % FirstNames.Length], surname, "Geschäftsführung"), actor);
                }

                companies.Add(company);
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  users, currencies and labels {usersAndLabels.TotalSeconds:F1} s, {count:N0} companies built {(watch.Elapsed - usersAndLabels).TotalSeconds:F1} s");
        return companies;
    }

    /// <summary>
    /// Step 2, with the app stopped: the <paramref name="companies"/> step 1 built, then <paramref name="leadCount"/> leads
    /// with labels and history, in one transaction. The
    /// secondary indexes of the three tables are dropped before and built again after (from their own SQL, so an index
    /// another change adds comes back too): building an index over a million rows once is far quicker than keeping it
    /// in order row by row. The search index is built beside, on the other core, and copied in at the end
    /// (<see cref="SideSearchIndex"/>); the label totals are filled once at the end; neither is kept row by row by its
    /// triggers, and the searched boards' change log gets no row per new lead. Other triggers stay (the history's guard, the
    /// totals' triggers for changes).
    /// </summary>
    public static TimeSpan InsertLeads(string database, int leadCount, IReadOnlyList<Company> companies)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();

        // Triggers may fold names for the search as the app does (its function, registered on each of its connections).
        TextSearch.AddTo(connection);
        Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000; PRAGMA temp_store = MEMORY; PRAGMA threads = 2;");
        using var search = new SideSearchIndex(connection, "LeadSearch");

        // Deferred: an immediate transaction (Microsoft.Data.Sqlite's default) would lock the attached side database too.
        using var transaction = connection.BeginTransaction(deferred: true);
        InsertCompanies(connection, companies);
        var companiesInserted = watch.Elapsed;
        var world = World.Read(connection);
        var indexes = Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Leads', 'LeadEvents', 'LeadLabels')", r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var index in indexes)
        {
            Execute(connection, $"DROP INDEX \"{index.Name}\"");
        }

        // The search index and the label totals are filled once, rather than row by row by their triggers. The searched boards'
        // change log needs no row for the new leads: the app reads every lead's facts when it first needs them (LeadFacts).
        var fillTriggers = Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('LeadSearch_LeadAdded', 'LabelRevenueGroups_LabelAdded', 'LeadFactChanges_LeadAdded')", r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var trigger in fillTriggers)
        {
            Execute(connection, $"DROP TRIGGER \"{trigger.Name}\"");
        }

        var leads = Insert(connection, "Leads",
            "Id", "Name", "CompanyId", "ContactPersonId", "ResponsibleUserId", "Status", "StageId", "NextActionOn", "NextAction", "ClosedOn",
            "CloseReasonId", "ServiceFrom", "ServiceTo", "CreatedAt", "CreatedBy", "Version", "RevenueCurrency", "RevenueMinor", "LastChangedAt");
        var labels = Insert(connection, "LeadLabels", "LabelsId", "LeadId");

        var random = new Random(20);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstId = world.NextLeadId;
        var hotLabel = world.Labels.FindIndex(l => l.Name == FilterLabel);
        Span<int> chosen = stackalloc int[3];
        for (var n = 0; n < leadCount; n++)
        {
            var id = firstId + n;
            var roll = random.Next(100);
            var status = roll switch { < 70 => LeadStatus.Running, < 80 => LeadStatus.Potential, < 90 => LeadStatus.Won, < 96 => LeadStatus.Lost, _ => LeadStatus.Dropped };
            var user = world.Users[Skewed(random, world.Users.Count)];
            var stageIndex = status == LeadStatus.Potential ? -1 : Skewed(random, world.Stages.Count);
            var company = random.Next(10) == 0 ? -1 : random.Next(world.Companies.Count);
            var contact = company >= 0 && random.Next(10) < 7 ? world.Companies[company].People[random.Next(world.Companies[company].People.Count)] : (Named?)null;
            var currency = random.Next(100) switch { < 80 => "EUR", < 90 => "CHF", < 97 => "USD", _ => "GBP" };
            var created = now.AddDays(-random.Next(1, 730)).AddMinutes(-random.Next(1_440));
            var closed = status.IsClosed() ? created.AddDays(random.Next(1, 200)) : (DateTimeOffset?)null;
            if (closed > now)
            {
                closed = now.AddHours(-1);
            }

            var moved = status == LeadStatus.Running && stageIndex > 0 ? created.AddDays(random.Next(1, 60)) : (DateTimeOffset?)null;
            if (moved > now)
            {
                moved = now.AddMinutes(-5);
            }

            var name = company >= 0 && random.Next(2) == 0
                ? $"{Projects[random.Next(Projects.Length)]} {world.Companies[company].Short}"
                : $"{Projects[random.Next(Projects.Length)]} {Surnames[random.Next(Surnames.Length)]} {id}";
            search.Add(id, name, company >= 0 ? world.Companies[company].Name : null, contact?.Name);
            var nextActionOn = today.AddDays(random.Next(-20, 70));
            var labelCount = random.Next(10) switch { < 3 => 0, < 7 => 1, < 9 => 2, _ => 3 };
            for (var k = 0; k < labelCount; k++)
            {
                int label;
                do
                {
                    label = k == 0 && random.Next(10) < 3 ? hotLabel : random.Next(world.Labels.Count);
                }
                while (chosen[..k].Contains(label));
                chosen[k] = label;
            }

            var last = closed ?? moved ?? created;
            var stage = stageIndex >= 0 ? world.Stages[stageIndex] : default;
            leads.Run(
                id, name, company >= 0 ? world.Companies[company].Id : (int?)null, contact?.Id, user.Id, (int)status,
                stageIndex >= 0 ? stage.Id : (int?)null, Date(nextActionOn), NextActions[random.Next(NextActions.Length)], closed is { } c ? Date(DateOnly.FromDateTime(c.UtcDateTime)) : null,
                status.NeedsReason() ? world.Reasons[random.Next(world.Reasons.Count)].Id : (int?)null,
                status is LeadStatus.Won or LeadStatus.Running && random.Next(3) == 0 ? Date(nextActionOn.AddDays(14)) : null,
                status is LeadStatus.Won or LeadStatus.Running && random.Next(3) == 0 ? Date(nextActionOn.AddDays(120)) : null,
                Stored(created), user.Id, (moved ?? closed) is null ? 0L : 1L, currency, random.Next(10, 2_000) * 5_000L, Stored(last));

            for (var k = 0; k < labelCount; k++)
            {
                labels.Run(world.Labels[chosen[k]].Id, id);
            }
        }

        search.Complete();
        var leadsInserted = watch.Elapsed;
        InsertHistory(connection, firstId, world.Stages[0].Id);

        var inserted = watch.Elapsed;
        foreach (var index in indexes)
        {
            Execute(connection, index.Sql);
        }

        var indexed = watch.Elapsed;

        search.Copy();
        var searched = watch.Elapsed;
        Execute(connection, "DELETE FROM \"LabelRevenueGroups\"");
        Execute(connection, LabelRevenueGroup.FillSql);
        foreach (var trigger in fillTriggers)
        {
            Execute(connection, trigger.Sql);
        }

        transaction.Commit();
        Console.WriteLine($"  companies {companiesInserted.TotalSeconds:F1} s, leads and labels {(leadsInserted - companiesInserted).TotalSeconds:F1} s, history rows {(inserted - leadsInserted).TotalSeconds:F1} s, their indexes {(indexed - inserted).TotalSeconds:F1} s, the search index {(searched - indexed).TotalSeconds:F1} s (waited for and copied; built beside in {search.Built.TotalSeconds:F1} s), the label totals {(watch.Elapsed - searched).TotalSeconds:F1} s");
        // The main database only: the side one is still attached.
        Execute(connection, "PRAGMA main.journal_mode = WAL;");
        return watch.Elapsed;
    }

    /// <summary>
    /// The companies step 1 built, with their contact persons and history, as EF Core would save them (ids in order after any
    /// already there, each event with its author's name as the app records it).
    /// </summary>
    private static void InsertCompanies(SqliteConnection connection, IReadOnlyList<Company> companies)
    {
        var names = Rows(connection, "SELECT Id, DisplayName FROM AspNetUsers", r => (Id: r.GetString(0), Name: r.IsDBNull(1) ? null : r.GetString(1))).ToDictionary(u => u.Id, u => u.Name);
        int Next(string table) => Rows(connection, $"SELECT COALESCE(MAX(Id), 0) + 1 FROM \"{table}\"", r => r.GetInt32(0))[0];
        var (companyId, personId, eventId) = (Next("Companies"), Next("People"), Next("CompanyEvents"));
        var companyRows = Insert(connection, "Companies", "Id", "Name", "NameKey", "Number", "CreatedAt", "Version");
        var personRows = Insert(connection, "People", "Id", "Name", "CompanyId", "Salutation", "FirstName", "LastName", "Role", "Email", "Phone", "Mobile");
        var eventRows = Insert(connection, "CompanyEvents", "Id", "CompanyId", "Kind", "Subject", "Field", "OldValue", "NewValue", "UserId", "At", "UserName");
        foreach (var company in companies)
        {
            companyRows.Run(companyId, company.Name, company.NameKey, company.Number, Stored(company.CreatedAt), company.Version);
            foreach (var person in company.People)
            {
                personRows.Run(personId++, person.Name, companyId, (int)person.Salutation, person.FirstName, person.LastName, person.Role, person.Email, person.Phone, person.Mobile);
            }

            foreach (var change in company.History)
            {
                eventRows.Run(eventId++, companyId, (int)change.Kind, change.Subject, change.Field, change.OldValue, change.NewValue, change.UserId, Stored(change.At), names.GetValueOrDefault(change.UserId));
            }

            companyId++;
        }
    }

    /// <summary>
    /// The history as the domain writes it, derived from the leads just inserted, one statement per kind of row (in SQL, not
    /// row by row from here: five million rows at 1M leads). The save creating a lead (version 0) records its status, its
    /// stage, customer, contact and labels at its creation; one later save (version 1) records a running lead's move from
    /// the first stage, or a closed lead's status and closing date. Each lead's rows keep the order the domain writes them in.
    /// </summary>
    private static void InsertHistory(SqliteConnection connection, int firstId, int firstStageId)
    {
        var closedStatuses = Enum.GetValues<LeadStatus>().Where(s => s.IsClosed()).ToList();
        var moved = $"l.\"Status\" = {(int)LeadStatus.Running} AND l.\"StageId\" <> {firstStageId}";
        var closed = $"l.\"Status\" IN ({string.Join(", ", closedStatuses.Select(s => (int)s))})";

        // One kind of row: what it says, when and at which version, for the leads the joins and the condition select, each
        // by its author (the lead's creator) in lead order.
        void Rows(LeadEventKind kind, string field, string oldValue, string newValue, string at, int version, string stageId, string joins = "", string where = "TRUE", string from = "\"Leads\" AS l", string order = "l.\"Id\"") =>
            Execute(connection, $"""
                INSERT INTO "LeadEvents" ("LeadId", "Kind", "Field", "OldValue", "NewValue", "UserId", "At", "LeadVersion", "UserName", "StageId")
                SELECT l."Id", {(int)kind}, {field}, {oldValue}, {newValue}, l."CreatedBy", {at}, {version}, u."DisplayName", {stageId}
                FROM {from} JOIN "AspNetUsers" AS u ON u."Id" = l."CreatedBy" {joins}
                WHERE l."Id" >= {firstId} AND {where}
                ORDER BY {order}
                """);

        const string Created = "l.\"CreatedAt\"";
        const string Later = "l.\"LastChangedAt\"";
        Rows(LeadEventKind.Created, "NULL", "NULL", $"CASE WHEN l.\"Status\" = {(int)LeadStatus.Potential} THEN 'Potential' ELSE 'Running' END", Created, 0, "NULL");
        Rows(LeadEventKind.StageChanged, "'Stage'", "NULL", "s.\"Name\"", Created, 0, "s.\"Id\"",
            joins: $"JOIN \"Stages\" AS s ON s.\"Id\" = CASE WHEN {moved} THEN {firstStageId} ELSE l.\"StageId\" END");
        Rows(LeadEventKind.FieldChanged, "'Company'", "NULL", "c.\"Name\"", Created, 0, "NULL", joins: "JOIN \"Companies\" AS c ON c.\"Id\" = l.\"CompanyId\"");
        Rows(LeadEventKind.FieldChanged, "'ContactPerson'", "NULL", "p.\"Name\"", Created, 0, "NULL", joins: "JOIN \"People\" AS p ON p.\"Id\" = l.\"ContactPersonId\"");
        Rows(LeadEventKind.LabelAdded, "'Labels'", "NULL", "x.\"Name\"", Created, 0, "NULL",
            from: "\"LeadLabels\" AS ll JOIN \"Leads\" AS l ON l.\"Id\" = ll.\"LeadId\"", joins: "JOIN \"Labels\" AS x ON x.\"Id\" = ll.\"LabelsId\"", order: "ll.rowid");
        Rows(LeadEventKind.StageChanged, "'Stage'", "f.\"Name\"", "s.\"Name\"", Later, 1, "s.\"Id\"",
            joins: $"JOIN \"Stages\" AS s ON s.\"Id\" = l.\"StageId\" JOIN \"Stages\" AS f ON f.\"Id\" = {firstStageId}", where: moved);
        Rows(LeadEventKind.StatusChanged, "'Status'", "'Running'", "CASE l.\"Status\" " + string.Concat(closedStatuses.Select(s => $"WHEN {(int)s} THEN '{s}' ")) + "END", Later, 1, "NULL", where: closed);
        Rows(LeadEventKind.FieldChanged, "'ClosedOn'", "NULL", "l.\"ClosedOn\"", Later, 1, "NULL", where: closed);
    }

    // A few users, stages and labels carry most leads, as in a real team: index i with weight 1/(i+1).
    private static int Skewed(Random random, int count)
    {
        var total = 0.0;
        for (var i = 1; i <= count; i++)
        {
            total += 1.0 / i;
        }

        var x = random.NextDouble() * total;
        for (var i = 0; i < count; i++)
        {
            x -= 1.0 / (i + 1);
            if (x <= 0)
            {
                return i;
            }
        }

        return count - 1;
    }

    // Instants as the app's SQLite model stores them (EF's DateTimeOffset-to-binary conversion, see LeadsDbContext).
    private static readonly Func<DateTimeOffset, long> ToStored = new DateTimeOffsetToBinaryConverter().ConvertToProviderExpression.Compile();

    private static long Stored(DateTimeOffset instant) => ToStored(instant);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static PreparedInsert Insert(SqliteConnection connection, string table, params string[] columns) => new(connection, table, columns);

    /// <summary>One prepared INSERT whose parameters are set and run row by row.</summary>
    private sealed class PreparedInsert
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public PreparedInsert(SqliteConnection connection, string table, string[] columns)
        {
            _command = connection.CreateCommand();
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            _parameters = [.. columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter("$p" + i, null)))];
            _command.Prepare();
        }

        public void Run(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
        }
    }

    private readonly record struct Named(int Id, string Name);

    private sealed record Customer(int Id, string Name, string Short, List<Named> People);

    private sealed record User(string Id, string Name);

    /// <summary>What step 1 made, read back by id.</summary>
    private sealed record World(List<User> Users, List<Named> Stages, List<Named> Labels, List<Named> Reasons, List<Customer> Companies, int NextLeadId)
    {
        public static World Read(SqliteConnection connection)
        {
            var companies = Rows(connection, "SELECT Id, Name FROM Companies ORDER BY Id", r => new Customer(r.GetInt32(0), r.GetString(1), r.GetString(1).Split(' ')[0], []));
            var byId = companies.ToDictionary(c => c.Id);
            foreach (var (person, companyId) in Rows(connection, "SELECT Id, Name, CompanyId FROM People WHERE CompanyId IS NOT NULL ORDER BY Id", r => (new Named(r.GetInt32(0), r.GetString(1)), r.GetInt32(2))))
            {
                byId[companyId].People.Add(person);
            }

            return new World(
                Rows(connection, "SELECT Id, DisplayName FROM AspNetUsers ORDER BY Email", r => new User(r.GetString(0), r.GetString(1))),
                Rows(connection, "SELECT Id, Name FROM Stages ORDER BY Position", r => new Named(r.GetInt32(0), r.GetString(1))),
                Rows(connection, "SELECT Id, Name FROM Labels ORDER BY Id", r => new Named(r.GetInt32(0), r.GetString(1))),
                Rows(connection, "SELECT Id, Name FROM CloseReasons ORDER BY Position", r => new Named(r.GetInt32(0), r.GetString(1))),
                [.. companies.Where(c => c.People.Count > 0)],
                Rows(connection, "SELECT COALESCE(MAX(Id), 0) + 1 FROM Leads", r => r.GetInt32(0))[0]);
        }
    }
}
