using System.Collections.Concurrent;
using System.Data.Common;
using LeadsBlazor.Web.Data.Postgres;
using LeadsBlazor.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// Counts the SQL commands an app runs by the tag its query carries (EF's <c>TagWith</c>, a "-- tag" line in the SQL): how
/// often a view's query really reaches the database. Add it to an app with <see cref="AddTo"/>.
/// </summary>
public sealed class TaggedCommands : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _executed = new();

    /// <summary>How many commands carrying <paramref name="tag"/> ran so far.</summary>
    public int Count(string tag) => _executed.Count(text => text.Contains("-- " + tag, StringComparison.Ordinal));

    /// <summary>Puts this counter into every context of the app, on either database.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteLeadsDbContext>(options => options.AddInterceptors(this));
        services.ConfigureDbContext<PostgresLeadsDbContext>(options => options.AddInterceptors(this));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => _executed.Enqueue(command.CommandText);
}
