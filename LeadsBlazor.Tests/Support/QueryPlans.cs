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

    /// <summary>
    /// PostgreSQL's plan for the very command EF sends, one line per plan row. Sequential scans are priced out first: the
    /// test tables are tiny and PostgreSQL rightly reads small tables whole, so what is left shows which index can serve
    /// the query once the table is large.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="bitmapScansOnly">
    /// Prices out plain index scans too: on a tiny table a whole primary-key scan with a filter costs as little as a trigram
    /// index, so what is left shows whether the query's conditions can use that index at all.
    /// </param>
    public static async Task<IReadOnlyList<string>> ExplainOnPostgresAsync<T>(this IQueryable<T> query, bool bitmapScansOnly = false)
    {
        await using var command = query.CreateDbCommand();
        if (command.Connection!.State != System.Data.ConnectionState.Open)
        {
            await command.Connection.OpenAsync();
        }

        await using (var noSeqScan = command.Connection.CreateCommand())
        {
            noSeqScan.CommandText = bitmapScansOnly ? "SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off" : "SET enable_seqscan = off";
            await noSeqScan.ExecuteNonQueryAsync();
        }

        command.CommandText = "EXPLAIN (COSTS OFF) " + command.CommandText;
        var rows = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
