using System.Collections.Concurrent;
using System.Data.Common;
using LeadsBlazor.Web.Data.Postgres;
using LeadsBlazor.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// Counts the SQL commands an app runs, in all and by the tag its query carries (EF's <c>TagWith</c>, a "-- tag" line in the SQL): how
/// often a view's query really reaches the database. Add it to an app with <see cref="AddTo"/>.
/// </summary>
public sealed class TaggedCommands : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _executed = new();

    /// <summary>How many commands ran so far, tagged or not.</summary>
    public int Total => _executed.Count;

    /// <summary>How many commands carrying <paramref name="tag"/> ran so far.</summary>
    public int Count(string tag) => _executed.Count(text => text.Contains("-- " + tag, StringComparison.Ordinal));

    /// <summary>Puts this counter into every context of the app, on either database.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteLeadsDbContext>(options => options.AddInterceptors(this));
        services.ConfigureDbContext<PostgresLeadsDbContext>(options => options.AddInterceptors(this));
    }

    // Every command EF runs (reader, scalar, non-query) is initialized once, with its text: one hook counts them all.
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Record(result);
        return result;
    }

    private void Record(DbCommand command) => _executed.Enqueue(command.CommandText);
}
