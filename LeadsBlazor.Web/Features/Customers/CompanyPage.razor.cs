using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>
/// One customer: details, contact persons, leads by status with their weighted volume, and history, live for every
/// session. A company deleted or merged away while the page is open says where it went instead of failing.
/// </summary>
public sealed partial class CompanyPage
{
    private const int HistoryPage = 20;
    private CompanyPageData? data;
    private bool loaded;
    private int shownId;
    private int historyLimit = HistoryPage;
    private string userId = "";
    private bool isOwner;

    // The company as last shown, to say what happened once it is gone, and where it went when it was merged.
    private (string Name, string Number)? gone;
    private (string Name, string Number)? lastShown;
    private MergedInto? mergedInto;

    [Parameter]
    public int CompanyId { get; set; }

    [Inject]
    private CompanyDetailsQuery Query { get; set; } = default!;

    [Inject]
    private CompanyCommands Commands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        userId = user.UserId();
        isOwner = user.IsInRole(Roles.AccountOwner);
    }

    protected override Task OnParametersSetAsync()
    {
        if (shownId != CompanyId)
        {
            (shownId, historyLimit, gone, lastShown, mergedInto) = (CompanyId, HistoryPage, null, null, null);
        }

        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        data = await Query.GetAsync(CompanyId, historyLimit);
        if (data is null && lastShown is { } last && gone is null)
        {
            gone = last;
            mergedInto = await Query.MergedIntoAsync(last.Name, last.Number);
        }

        lastShown = data is null ? lastShown : (data.Company.Name, data.Company.Number);
        loaded = true;
    }

    private Task MoreHistoryAsync()
    {
        historyLimit += HistoryPage;
        return LoadAsync();
    }

    // A saved change comes back through the bus (CustomersChanged) and reloads the page there.
    private Task EditAsync() =>
        Dialogs.ShowAsync<CompanyDialog>(T["CompanyPage.Edit"], new DialogParameters<CompanyDialog> { { d => d.CompanyId, CompanyId } }, CompanyDialog.Options);

    private Task AddPersonAsync() =>
        Dialogs.ShowAsync<PersonDialog>(T["CompanyPage.AddPerson"], new DialogParameters<PersonDialog> { { d => d.CompanyId, CompanyId } }, PersonDialog.Options);

    private Task EditPersonAsync(Person person) =>
        Dialogs.ShowAsync<PersonDialog>(T["CompanyPage.EditPerson"], new DialogParameters<PersonDialog> { { d => d.CompanyId, CompanyId }, { d => d.PersonId, person.Id } }, PersonDialog.Options);

    private async Task RemovePersonAsync(Person person)
    {
        if (await Dialogs.ShowMessageBoxAsync(T["CompanyPage.RemovePerson"], T["CompanyPage.RemovePersonText", person.Name], yesText: T["CompanyPage.RemovePerson"], cancelText: T["Common.Cancel"]) == true)
        {
            await Snackbar.TryAsync(T, () => Commands.RemovePersonAsync(person.Id, userId));
        }
    }

    private async Task DeleteAsync()
    {
        var name = data!.Company.Name;
        if (await Dialogs.ShowMessageBoxAsync(T["CompanyPage.Delete"], T["CompanyPage.DeleteText", name], yesText: T["CompanyPage.Delete"], cancelText: T["Common.Cancel"]) != true)
        {
            return;
        }

        try
        {
            await Commands.DeleteAsync(CompanyId, userId);
            Navigation.NavigateTo("companies");
        }
        catch (DomainException refused) when (refused.MessageKey == ErrorKeys.CompanyHasLeads)
        {
            // A company with leads is merged instead: the refusal offers that way at once.
            if (await Dialogs.ShowMessageBoxAsync(T["CompanyPage.Delete"], refused.Describe(T), yesText: T["CompanyPage.Merge"], cancelText: T["Common.Cancel"]) == true)
            {
                await MergeAsync();
            }
        }
        catch (DomainException refused)
        {
            Snackbar.Add(refused.Describe(T), Severity.Error);
        }
    }

    private async Task MergeAsync()
    {
        var company = data!.Company;
        var parameters = new DialogParameters<MergeCompanyDialog>
        {
            { d => d.CompanyId, CompanyId },
            { d => d.Leads, data.Leads.Total },
            { d => d.People, company.People.Count },
        };
        var dialog = await Dialogs.ShowAsync<MergeCompanyDialog>(T["CompanyPage.MergeTitle", company.Name], parameters, PersonDialog.Options);
        if (await dialog.Result is { Canceled: false, Data: int targetId }
            && await Snackbar.TryAsync(T, () => Commands.MergeAsync(CompanyId, targetId, userId)))
        {
            Navigation.NavigateTo($"companies/{targetId}");
        }
    }
}
