using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Accounts;

/// <summary>
/// Rule 12: one entry of the settings log, who changed what and when. <see cref="WhatKey"/> names the
/// change in the resources and <see cref="Detail"/> holds its values (names, numbers), so each reader
/// sees the entry in their own language.
/// </summary>
public sealed class SettingsChange
{
    public const int DetailMaxLength = 500;

    private SettingsChange()
    {
        WhatKey = "";
        Detail = "";
        UserId = "";
    }

    public SettingsChange(SettingsArea area, string whatKey, string detail, Actor actor)
    {
        ArgumentException.ThrowIfNullOrEmpty(whatKey);
        Area = area;
        WhatKey = whatKey;
        Detail = detail.Length > DetailMaxLength ? detail[..DetailMaxLength] : detail;
        UserId = actor.UserId;
        At = actor.At;
    }

    public long Id { get; private set; }

    public SettingsArea Area { get; private set; }

    public string WhatKey { get; private set; }

    public string Detail { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}

public enum SettingsArea
{
    Stages = 0,
    Reminders = 1,
    Currencies = 2,
    LostReasons = 3,
    Users = 4,
    NumberRanges = 5,
    Offers = 6,
}
