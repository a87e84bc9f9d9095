using SQLitePCL;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// SQLite's settings for the whole process rather than one connection (those are <see cref="SqlitePragmas"/>). SQLite takes
/// them only before it initializes itself, which its first connection does; so they are applied when the database is
/// registered, before any connection opens.
/// </summary>
internal static class SqliteProcessSettings
{
    /// <summary>
    /// Turns off SQLite's memory statistics (<c>sqlite3_memory_used</c> and the like, which nothing here reads). Kept on, they
    /// take one lock for the whole process around every allocation SQLite makes, so connections working at once wait for
    /// each other: the two halves of a search at a million leads (see <c>BoardQuery</c>), 21 ms each alone, took 27 ms each
    /// side by side on two cores, and 21 ms without the statistics. One search alone got 10% quicker too.
    /// </summary>
    /// <remarks>
    /// SQLite refuses it once a connection has opened in this process (a host started after another in the same process,
    /// as tests do); it then keeps its default, which costs only speed.
    /// </remarks>
    public static void Apply()
    {
        Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
