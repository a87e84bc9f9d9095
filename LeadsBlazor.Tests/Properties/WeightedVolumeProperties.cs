using LeadsBlazor.Web.Features.Settings.Stages;
using LeadsBlazor.Web.Features.LeadViews;
using CsCheck;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Properties;

/// <summary>For random pipelines, the database's weighted volume equals a plain sum over the leads, to the cent.</summary>
public sealed class WeightedVolumeProperties : IDisposable
{
    private static readonly (Currency Currency, decimal Rate)[] Currencies =
        [(Currency.Eur, 1m), (Currency.Chf, 1.0637m), (Currency.Parse("USD"), 0.912345m)];

    private readonly PipelineApp _app = new();

    public void Dispose() => _app.Dispose();

    private sealed record RandomLead(int Status, int Stage, long Cents, int Currency, bool Mine);

    private static readonly Gen<RandomLead> LeadGen =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 3], Gen.Long[0, 10_000_000_000L], Gen.Int[0, 2], Gen.Bool)
            .Select((status, stage, cents, currency, mine) => new RandomLead(status, stage, cents, currency, mine));

    [Fact]
    public async Task The_databases_weighted_volume_equals_the_in_memory_sum_to_the_cent()
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

            var volume = await _app.Get<WeightedVolumeQuery>().GetAsync(filter);

            var counted = leads.Where(l => l.Status == (int)LeadStatus.Running && (!onlyMine || l.Mine)).ToList();
            decimal Revenue(RandomLead l) => l.Cents / 100m * Currencies[l.Currency].Rate;
            decimal Weighted(RandomLead l) => Revenue(l) * probabilities[l.Stage] / 100m;
            Assert.Equal(counted.Count, volume.Total.Count);
            Assert.Equal(Cents(counted.Sum(Revenue)), volume.Total.Revenue);
            Assert.Equal(Cents(counted.Sum(Weighted)), volume.Total.Weighted);
            for (var i = 0; i < stages.Count; i++)
            {
                var inStage = counted.Where(l => l.Stage == i).ToList();
                var figures = volume.For(stages[i].Id);
                Assert.Equal((inStage.Count, Cents(inStage.Sum(Revenue)), Cents(inStage.Sum(Weighted))), (figures.Count, figures.Revenue, figures.Weighted));
            }
        }, iter: 40, threads: 1);

        async Task StoreAsync(string tag, RandomLead[] leads, IReadOnlyList<LeadsBlazor.Domain.Pipeline.Stage> stageList)
        {
            await using var db = _app.NewContext();
            var tracked = await db.Stages.OrderBy(s => s.Position).ToListAsync();
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
                        lead.Close((LeadStatus)random.Status, _app.Today, 1, null, _app.Actor);
                        break;
                }

                db.Leads.Add(lead);
            }

            await db.SaveChangesAsync();
        }
    }

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
