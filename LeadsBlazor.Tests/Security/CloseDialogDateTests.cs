using Bunit;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LeadsBlazor.Tests.Security;

/// <summary>The close dialog asks the domain's date rule before it closes: 31.12.9999 gets its message at the field.</summary>
public sealed class CloseDialogDateTests
{
    [Fact]
    public async Task A_closed_on_date_in_the_year_9999_is_refused_at_the_field_and_the_dialog_stays_open()
    {
        await using var context = ComponentContext.Create();
        // Closing as won needs no reasons, so the query is never asked.
        context.Services.AddSingleton(new CloseReasonsQuery(null!));
        var provider = context.Render<MudDialogProvider>();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        IDialogReference? shown = null;
        await provider.InvokeAsync(async () => shown = await dialogs.ShowAsync<CloseLeadDialog>("Close", new DialogParameters<CloseLeadDialog>
        {
            { d => d.Outcome, LeadStatus.Won },
            { d => d.LeadName, "Relaunch Website" },
            { d => d.Today, new DateOnly(2026, 11, 30) },
        }));

        await provider.Find("input[data-testid=closed-on], [data-testid=closed-on] input").ChangeAsync(new() { Value = "31.12.9999" });
        await provider.Find("[data-testid=close-confirm]").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Contains("Das Datum muss zwischen 1900 und 2199 liegen.", provider.Markup, StringComparison.Ordinal));
        Assert.False(shown!.Result.IsCompleted);
    }
}
