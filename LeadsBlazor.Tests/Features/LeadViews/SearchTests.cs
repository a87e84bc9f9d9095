using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.LeadViews;

/// <summary>The search box finds a lead whatever the case and however its umlauts are spelt, the same on both databases.</summary>
public abstract class SearchTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    [Theory]
    [InlineData("müller", "Müller Relaunch")]
    [InlineData("MÜLLER", "Müller Relaunch")]
    [InlineData("Mueller", "Müller Relaunch")]
    [InlineData("relaunch", "Müller Relaunch")]
    [InlineData("cafe", "Café Central")]
    [InlineData("CAFÉ", "Café Central")]
    [InlineData("strasse", "Webshop Hauptstraße")]
    [InlineData("50%", "50% Rabatt-Aktion")]
    public async Task A_search_finds_the_lead_whatever_its_case_and_umlauts(string typed, string expected)
    {
        Assert.Equal([expected], await SearchAsync(typed));
    }

    [Theory]
    [InlineData("Muller")]
    [InlineData("_")]
    public async Task A_search_finds_nothing_that_does_not_read_alike(string typed)
    {
        Assert.Empty(await SearchAsync(typed));
    }

    private async Task<List<string>> SearchAsync(string typed)
    {
        var stage = (await _app.StagesAsync())[0];
        foreach (var name in new[] { "Müller Relaunch", "Café Central", "Webshop Hauptstraße", "50% Rabatt-Aktion", "Intranet" })
        {
            await _app.AddRunningLeadAsync(stage.Id, name: name);
        }

        await using var db = _app.NewContext();
        return await new LeadFilter(Search: typed).Apply(db.Leads).Select(l => l.Name).OrderBy(n => n).ToListAsync();
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SearchTestsOnSqlite() : SearchTests(DatabaseProvider.Sqlite);

public sealed class SearchTestsOnPostgres() : SearchTests(DatabaseProvider.Postgres);
