using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Shared;

/// <summary>A settings change as the log shows it, its time in the account's time zone.</summary>
public sealed record SettingsLogEntry(DateTime At, string UserName, string WhatKey, string Detail);

/// <summary>The latest entries of the settings log of one settings page, newest first.</summary>
public sealed class SettingsLogQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account)
{
    public async Task<IReadOnlyList<SettingsLogEntry>> LatestAsync(SettingsArea area, int count = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.UserNamesAsync(cancellationToken);
        var zone = (await account.GetAsync(cancellationToken)).TimeZone;
        var changes = await db.SettingsChanges.AsNoTracking()
            .Where(c => c.Area == area)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        return [.. changes.Select(c => new SettingsLogEntry(TimeZoneInfo.ConvertTime(c.At, zone).DateTime, names.GetValueOrDefault(c.UserId, c.UserId), c.WhatKey, c.Detail))];
    }
}
