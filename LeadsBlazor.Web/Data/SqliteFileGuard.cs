using Microsoft.Data.Sqlite;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// SQLite serves one app instance per database file: a second one would run its own reminder runner and snapshot job and
/// its own event bus, so its sessions would miss the first one's changes. At start the instance takes an exclusive lock on
/// <c>&lt;database file&gt;.lock</c> (FileShare.None, which .NET maps to flock on Linux and macOS and to a share lock on
/// Windows) and holds it until its host is disposed; the operating system frees it when the process dies. A second instance
/// finds it taken and refuses to start with the reason. The lock file stays behind, empty: deleting it while another
/// instance opens it would let two hold "the" lock on two different files.
/// </summary>
public sealed class SqliteFileGuard : IDisposable
{
    private readonly FileStream _lock;

    private SqliteFileGuard(FileStream lockFile) => _lock = lockFile;

    /// <summary>The lock file beside the database of <paramref name="connectionString"/>, or null for an in-memory database.</summary>
    public static string? LockFileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            ? Path.GetFullPath(file) + ".lock"
            : null;
    }

    /// <summary>Takes the database file for this instance, or fails saying that another instance has it.</summary>
    public static SqliteFileGuard Take(string lockFile)
    {
        try
        {
            return new SqliteFileGuard(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new InvalidOperationException(
                $"Another LeadsBlazor instance is running on the SQLite database '{lockFile[..^".lock".Length]}' (it holds '{lockFile}'). " +
                "SQLite serves one instance: stop the other one first, or run several instances on PostgreSQL (Database:Provider = Postgres).", e);
        }
    }

    public void Dispose() => _lock.Dispose();
}
