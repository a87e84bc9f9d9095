using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Support;

public static class QueryPlans
{
    /// <summary>SQLite's plan for the very command EF sends (same SQL, same parameters): one detail line per step.</summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync<T>(this IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        if (command.Connection!.State != System.Data.ConnectionState.Open)
        {
            await command.Connection.OpenAsync();
        }

        var details = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return details;
    }
}
