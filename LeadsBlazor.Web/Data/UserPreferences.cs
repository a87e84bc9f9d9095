using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Data;

/// <summary>Reads and keeps a user's preferences (<see cref="UserPreference"/>); a missing or unreadable one is the default.</summary>
public sealed class UserPreferences(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<T?> GetAsync<T>(string userId, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var value = await db.UserPreferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Name == name).Select(p => p.Value).SingleOrDefaultAsync(cancellationToken);
        try
        {
            return value is null ? default : JsonSerializer.Deserialize<T>(value);
        }
        catch (JsonException)
        {
            // A choice written by an older version that no longer reads: the defaults serve until the user chooses again.
            return default;
        }
    }

    public async Task SetAsync<T>(string userId, string name, T value, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(value);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One statement, so two tabs choosing at once cannot collide on the key (SQLite and PostgreSQL both speak it).
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "UserPreferences" ("UserId", "Name", "Value") VALUES ({userId}, {name}, {json}) ON CONFLICT ("UserId", "Name") DO UPDATE SET "Value" = excluded."Value" """,
            cancellationToken);
    }
}
