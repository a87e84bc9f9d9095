using System.Data;
using System.Data.Common;
using LeadsBlazor.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadsBlazor.Bench;

/// <summary>One SQL command as the app sent it: its text and its parameters' values.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object? Value, DbType Type)> Parameters);

/// <summary>
/// Counts every command EF Core runs for the app (added to the bench host's contexts), and, inside <see cref="CaptureAsync"/>,
/// keeps the commands one flow of work ran, so that the bare baseline can run exactly the same SQL.
/// </summary>
internal sealed class SqlCommands : DbCommandInterceptor
{
    private static readonly AsyncLocal<List<CapturedCommand>?> Capturing = new();
    private long _executed;

    public long Executed => Interlocked.Read(ref _executed);

    /// <summary>Runs <paramref name="action"/> and returns the commands it (and only it) ran, in order.</summary>
    public static async Task<List<CapturedCommand>> CaptureAsync(Func<Task> action)
    {
        var captured = new List<CapturedCommand>();
        Capturing.Value = captured;
        try
        {
            await action();
        }
        finally
        {
            Capturing.Value = null;
        }

        return captured;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        Interlocked.Increment(ref _executed);
        Capturing.Value?.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value is DBNull ? null : p.Value, p.DbType))]));
    }

    /// <summary>
    /// A pooled connection for a bare baseline, set up as the app's are where it matters for reading: the search's fold
    /// function, and reads through memory-mapped pages (SqlitePragmas).
    /// </summary>
    public static SqliteConnection OpenBare(string database)
    {
        var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        TextSearch.AddTo(connection);
        using var mapped = connection.CreateCommand();
        mapped.CommandText = $"PRAGMA mmap_size = {SqlitePragmas.MemoryMapped}";
        mapped.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// The bare baseline: the captured commands run again through Microsoft.Data.Sqlite alone, on a connection like the app's
    /// (<see cref="OpenBare"/>), every column of every row read.
    /// </summary>
    public static async Task ReplayAsync(string database, IReadOnlyList<CapturedCommand> commands, Action<CapturedCommand, TimeSpan>? timed = null)
    {
        await using var connection = OpenBare(database);
        foreach (var captured in commands)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var command = connection.CreateCommand();
            command.CommandText = captured.Text;
            foreach (var (name, value, type) in captured.Parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value) { DbType = type });
            }

            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                }
            }
            while (await reader.NextResultAsync());
            timed?.Invoke(captured, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The command as a script for the sqlite3 shell: its parameters as <c>.parameter set</c> lines, then the SQL.</summary>
    public static string ToScript(CapturedCommand command)
    {
        var lines = command.Parameters.Select(p => $".parameter set {p.Name} {Literal(p.Value)}");
        return string.Join('\n', lines.Append(command.Text.TrimEnd().TrimEnd(';') + ";"));
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        bool flag => flag ? "1" : "0",
        DateOnly day => $"\"'{day:yyyy-MM-dd}'\"",
        DateTime time => $"\"'{time:yyyy-MM-dd HH:mm:ss.FFFFFFF}'\"",
        DateTimeOffset time => $"\"'{time:yyyy-MM-dd HH:mm:ss.FFFFFFFzzz}'\"",
        decimal amount => $"\"'{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}'\"",
        string text => "\"'" + text.Replace("'", "''", StringComparison.Ordinal) + "'\"",
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => "\"'" + value + "'\"",
    };
}
