using System.Diagnostics.Metrics;
using System.Globalization;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>The board of one view: its columns with their figures, the first cards of each column, and today in the account's time zone.</summary>
public sealed record BoardData(IReadOnlyList<BoardColumn> Columns, IReadOnlyList<BoardCard> Cards, WeightedVolume Volume, DateOnly Today);

/// <summary>
/// Loads the board without loading the pipeline: the figures come from the weighted-volume query,
/// the cards page by page per column, the most urgent next action first, so that due leads are on top.
/// </summary>
public sealed class BoardQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time, IMeterFactory meters)
{
    public const int PageSize = 50;

    /// <summary>The meter with <see cref="LoadsCounter"/>: how often boards are loaded, for operators and for the test that a page open loads once.</summary>
    public const string MeterName = "LeadsBlazor.Board";

    public const string LoadsCounter = "leads.board.loads";

    private readonly Counter<long> _loads = meters.Create(MeterName).CreateCounter<long>(LoadsCounter, description: "Board loads (every column page and figure of one view)");

    public async Task<BoardData> LoadAsync(LeadFilter filter, IReadOnlyDictionary<int, int>? cardsPerStage = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _loads.Add(1);
        // One context, one read of the settings and the stages, for the figures and the cards alike.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var today = settings.Today(time);
        var english = Formats.English;
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var volume = await WeightedVolumeQuery.GetAsync(db, filter, settings, stages, cancellationToken);

        var names = await db.UserNamesAsync(cancellationToken);

        var cards = new List<BoardCard>();
        var columns = new List<BoardColumn>();
        foreach (var stage in stages)
        {
            var take = cardsPerStage?.GetValueOrDefault(stage.Id, PageSize) ?? PageSize;
            var page = await CardsAsync(db, filter, stage, take, settings, today, names, cancellationToken);
            cards.AddRange(page);
            columns.Add(new BoardColumn(stage.Id, stage.DisplayName(english), stage.Probability, volume.For(stage.Id), page.Count));
        }

        return new BoardData(columns, cards, volume, today);
    }

    /// <summary>The reasons a lead can be lost or dropped for, in the owner's order; retired ones are not offered.</summary>
    private static async Task<List<BoardCard>> CardsAsync(LeadsDbContext db, LeadFilter filter, Stage stage, int take, AccountSettings settings, DateOnly today, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        var stageId = stage.Id;
        var rows = await (filter with { Status = LeadStatus.Running }).Apply(db.Leads.AsNoTracking())
            .Where(l => l.StageId == stageId)
            .OrderBy(l => l.NextActionOn).ThenBy(l => l.Id)
            .Take(take)
            // One query for the cards, one for their labels: a single join would make SQLite build the whole label table per column.
            .AsSplitQuery()
            .Select(l => new
            {
                l.Id,
                l.Version,
                l.Name,
                Customer = l.Company != null ? l.Company.Name : null,
                Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor),
                Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency),
                l.ResponsibleUserId,
                l.NextActionOn,
                l.LastChangedAt,
                Labels = l.Labels.OrderBy(x => x.Name).Select(x => new LabelChip(x.Id, x.Name, x.Color)).ToList(),
            })
            .ToListAsync(cancellationToken);

        return [.. rows.Select(r => new BoardCard
        {
            Id = r.Id,
            Version = r.Version,
            Name = r.Name,
            Customer = r.Customer,
            Revenue = Money.FromMinorUnits(r.Cents, Currency.Parse(r.Currency)),
            ResponsibleName = names.GetValueOrDefault(r.ResponsibleUserId, ""),
            ResponsibleInitials = ApplicationUser.InitialsOf(names.GetValueOrDefault(r.ResponsibleUserId)),
            NextActionOn = r.NextActionOn,
            IsDue = r.NextActionOn <= today,
            IdleDays = Idleness.DaysIdle(stage, LeadStatus.Running, r.LastChangedAt, settings, today),
            Labels = r.Labels,
            Zone = BoardColumn.ZoneOf(stageId),
        })];
    }
}
