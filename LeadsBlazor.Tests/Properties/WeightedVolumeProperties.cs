using CsCheck;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Excel;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Settings.Stages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Properties;

/// <summary>
/// Rule 4 holds everywhere it is shown: for random pipelines (odd cents, three currencies with rates, any
/// probability, filtered views), the board's total, the sum of its columns, the list's weighted column over
/// all its pages, the export's weighted column and the stage settings page agree to the cent, and equal the
/// per-lead rule summed by hand.
/// </summary>
public abstract class WeightedVolumeProperties(DatabaseProvider provider) : IDisposable
{
    private static readonly (Currency Currency, decimal Rate)[] Currencies =
        [(Currency.Eur, 1m), (Currency.Chf, 1.0637m), (Currency.Parse("USD"), 0.912345m)];

    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private sealed record RandomLead(int Status, int Stage, long Cents, int Currency, bool Mine);

    // Cents anywhere from 0 to 100 million euros, so half cents after a rate or a probability are common.
    private static readonly Gen<RandomLead> LeadGen =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 3], Gen.Long[0, 10_000_000_000L], Gen.Int[0, 2], Gen.Bool)
            .Select((status, stage, cents, currency, mine) => new RandomLead(status, stage, cents, currency, mine));

    [Fact]
    public async Task Board_columns_list_export_and_stage_page_agree_to_the_cent()
    {
        foreach (var (currency, rate) in Currencies.Skip(1))
        {
            await _app.AddCurrencyAsync(currency, rate);
        }

        var member = await _app.CreateMemberAsync();
        var stages = await _app.StagesAsync();
        var sample = 0;

        await Gen.Select(Gen.Int[0, 100].Array[4], LeadGen.Array[0, 25], Gen.Bool).SampleAsync(async (probabilities, leads, onlyMine) =>
        {
            var tag = $"S{++sample}-";
            for (var i = 0; i < stages.Count; i++)
            {
                await _app.Get<StageCommands>().UpdateAsync(stages[i].Id, stages[i].Name, stages[i].EnglishName, probabilities[i], _app.OwnerId);
            }

            await StoreAsync(tag, leads, stages);
            var filter = new LeadFilter(ResponsibleUserId: onlyMine ? _app.OwnerId : null, Search: tag);

            // The rule by hand, lead by lead.
            var counted = leads.Where(l => l.Status == (int)LeadStatus.Running && (!onlyMine || l.Mine)).ToList();
            decimal Weighted(RandomLead l) =>
                Money.ToCent(Money.ToCent(l.Cents / 100m * Currencies[l.Currency].Rate) * probabilities[l.Stage] / 100m);
            var expected = counted.Sum(Weighted);

            var board = await _app.Get<BoardQuery>().LoadAsync(filter);
            Assert.Equal(expected, board.Volume.Total.Weighted);
            Assert.Equal(expected, board.Columns.Sum(c => c.Figures.Weighted));
            for (var i = 0; i < stages.Count; i++)
            {
                Assert.Equal(counted.Where(l => l.Stage == i).Sum(Weighted), board.Columns.Single(c => c.StageId == stages[i].Id).Figures.Weighted);
            }

            Assert.Equal(expected, await ListSumAsync(filter with { Status = LeadStatus.Running }));
            Assert.Equal(expected, await ExportSumAsync(filter with { Status = LeadStatus.Running }));

            // The stage page shows the whole pipeline: it agrees with the unfiltered board.
            var everything = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter());
            var stagePage = await _app.Get<StageSettingsQuery>().GetAsync();
            Assert.Equal(everything.Volume.Total.Weighted, stagePage.Volume.Total.Weighted);
            Assert.Equal(everything.Volume.Total.Weighted, stagePage.Stages.Sum(s => s.Figures.Weighted));
            Assert.Equal(everything.Columns.Select(c => c.Figures.Weighted), stagePage.Stages.Select(s => s.Figures.Weighted));
        }, iter: 25, threads: 1);

        async Task StoreAsync(string tag, RandomLead[] leads, IReadOnlyList<Stage> stageList)
        {
            await using var db = _app.NewContext();
            var tracked = await db.Stages.OrderBy(s => s.Position).ToListAsync();
            var reason = await db.CloseReasons.OrderBy(r => r.Position).FirstAsync();
            var n = 0;
            foreach (var random in leads)
            {
                var revenue = Money.FromMinorUnits(random.Cents, Currencies[random.Currency].Currency);
                var lead = Lead.CreateRunning($"{tag}{++n}", random.Mine ? _app.OwnerId : member, revenue, _app.Today, null, tracked[random.Stage], _app.Actor);
                switch ((LeadStatus)random.Status)
                {
                    case LeadStatus.Potential:
                        lead.BackToPotential(_app.Actor);
                        break;
                    case LeadStatus.Won or LeadStatus.Lost or LeadStatus.Dropped:
                        lead.Close((LeadStatus)random.Status, _app.Today, reason, null, _app.Actor);
                        break;
                }

                db.Leads.Add(lead);
            }

            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_lead_of_1000_05_euros_in_a_10_percent_stage_weighs_100_01_euros_on_the_board_in_the_list_and_in_the_export()
    {
        var stages = await _app.StagesAsync();
        await _app.Get<StageCommands>().UpdateAsync(stages[1].Id, stages[1].Name, stages[1].EnglishName, 10, _app.OwnerId);
        await _app.AddRunningLeadAsync(stages[1].Id, revenue: 1_000.05m, name: "Halber Cent");
        var filter = new LeadFilter(Search: "Halber Cent", Status: LeadStatus.Running);

        Assert.Equal(100.01m, (await _app.Get<BoardQuery>().LoadAsync(filter)).Volume.Total.Weighted);
        Assert.Equal(100.01m, await ListSumAsync(filter));
        Assert.Equal(100.01m, await ExportSumAsync(filter));
        Assert.Equal(100.01m, (await _app.Get<StageSettingsQuery>().GetAsync()).Stages.Single(s => s.Id == stages[1].Id).Figures.Weighted);
    }

    // Every page of "Alle Leads" › Laufend, seven rows at a time, as the grid pages it.
    private async Task<decimal> ListSumAsync(LeadFilter filter)
    {
        var sum = 0m;
        for (var page = 0; ; page++)
        {
            var rows = await _app.Get<LeadListQuery>().GetAsync(filter, nameof(LeadRow.Revenue), descending: false, page, pageSize: 7);
            sum += rows.Rows.Sum(r => r.Weighted?.Amount ?? 0m);
            if ((page + 1) * 7 >= rows.Total)
            {
                return sum;
            }
        }
    }

    private async Task<decimal> ExportSumAsync(LeadFilter filter)
    {
        using var file = new MemoryStream();
        await _app.Get<LeadExport>().WriteAsync(filter, LeadView.All, file);
        file.Position = 0;
        var header = _app.Get<IStringLocalizer<SharedResource>>()[LeadSheet.HeaderKeyOf(LeadColumn.Weighted)].Value;
        return file.Query(useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Sum(row => row[header] is { } cell ? Convert.ToDecimal(cell, System.Globalization.CultureInfo.InvariantCulture) : 0m);
    }
}

public sealed class WeightedVolumePropertiesOnSqlite() : WeightedVolumeProperties(DatabaseProvider.Sqlite);

public sealed class WeightedVolumePropertiesOnPostgres() : WeightedVolumeProperties(DatabaseProvider.Postgres);
