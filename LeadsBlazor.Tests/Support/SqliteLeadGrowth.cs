using System.Globalization;
using LeadsBlazor.Web.Data;
using Microsoft.Data.Sqlite;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// Grows an SQLite database to a given number of leads in plain SQL, in seconds: each new lead is a copy of one already
/// there (the demo data's mix of statuses, stages, currencies, users, companies) with its labels and its history, its
/// name and amount varied by round so the amounts do not all repeat. Through the use cases 50,000 leads would take minutes.
/// </summary>
public static class SqliteLeadGrowth
{
    public static void GrowTo(string databasePath, int leads)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=false");
        connection.Open();
        // The lead search's triggers fold the new leads' names with the app's function.
        TextSearch.AddTo(connection);
        Execute(connection, "BEGIN");
        Execute(connection, "CREATE TEMP TABLE Originals AS SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) AS Rank FROM Leads");
        var originals = Scalar(connection, "SELECT COUNT(*) FROM Originals");
        var maxId = Scalar(connection, "SELECT MAX(Id) FROM Leads");
        var rounds = (leads - originals + originals - 1) / originals;
        Execute(connection, $"""
            CREATE TEMP TABLE Clones AS
            WITH RECURSIVE Rounds(Round) AS (SELECT 1 UNION ALL SELECT Round + 1 FROM Rounds WHERE Round < {rounds})
            SELECT o.Id AS Original, {maxId} + (r.Round - 1) * {originals} + o.Rank AS Id, r.Round AS Round
            FROM Originals o CROSS JOIN Rounds r
            WHERE (r.Round - 1) * {originals} + o.Rank <= {leads - originals}
            """);

        var leadColumns = Columns(connection, "Leads").Where(c => c != "Id").ToList();
        var leadValues = leadColumns.Select(c => c switch
        {
            "Name" => "l.Name || ' ' || c.Round",
            "RevenueMinor" => "l.RevenueMinor + (c.Round % 40) * 5000",
            _ => "l.\"" + c + "\"",
        });
        Execute(connection, $"""
            INSERT INTO Leads (Id, {string.Join(", ", leadColumns.Select(Quote))})
            SELECT c.Id, {string.Join(", ", leadValues)} FROM Clones c JOIN Leads l ON l.Id = c.Original ORDER BY c.Id
            """);
        Execute(connection, "INSERT INTO LeadLabels (LabelsId, LeadId) SELECT ll.LabelsId, c.Id FROM Clones c JOIN LeadLabels ll ON ll.LeadId = c.Original");

        var eventColumns = Columns(connection, "LeadEvents").Where(c => c != "Id").ToList();
        Execute(connection, $"""
            INSERT INTO LeadEvents ({string.Join(", ", eventColumns.Select(Quote))})
            SELECT {string.Join(", ", eventColumns.Select(c => c == "LeadId" ? "c.Id" : "e.\"" + c + "\""))}
            FROM Clones c JOIN LeadEvents e ON e.LeadId = c.Original ORDER BY c.Id, e.Id
            """);
        Execute(connection, "COMMIT");
    }

    private static string Quote(string column) => "\"" + column + "\"";

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
