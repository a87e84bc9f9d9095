using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>
/// One offer: its letter and positions, editable while it is a draft, with its sums from the domain and the steps its
/// status allows. Live for every session; input the user has not saved is never overwritten by someone else's save.
/// </summary>
public sealed partial class OfferPage
{
    private OfferPageData? data;
    private OfferEditorModel? model;
    private OfferEditorReading? reading;
    private string loadedInput = "";
    private long modelVersion;
    private bool loaded;
    private bool saving;
    private bool changedMeanwhile;
    private Dictionary<string, string> saveErrors = [];
    private string userId = "";

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private OfferDetailsQuery Query { get; set; } = default!;

    [Inject]
    private OfferCommands Commands { get; set; } = default!;

    [Inject]
    private OfferSending Sending { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Editable => data?.Offer.IsDraft == true;

    private bool HasUnsavedInput => model is not null && model.InputState() != loadedInput;

    private IReadOnlyDictionary<string, string> Errors =>
        reading is null ? saveErrors : saveErrors.Concat(reading.Errors.Where(e => !saveErrors.ContainsKey(e.Key))).ToDictionary();

    protected override async Task OnInitializedAsync() => userId = await AuthenticationState.UserIdAsync();

    protected override async Task OnParametersSetAsync()
    {
        // Another offer (a variant just made): its own input, not the last one's.
        if (data is not null && data.Offer.Id != Id)
        {
            model = null;
        }

        await LoadAsync(takeInput: true);
    }

    private async Task LoadAsync(bool takeInput)
    {
        data = await Query.GetAsync(Id);
        loaded = true;
        if (data is null)
        {
            model = null;
            reading = null;
            return;
        }

        if (takeInput || model is null)
        {
            model = OfferEditorModel.Of(data.Offer, CultureInfo.CurrentCulture);
            loadedInput = model.InputState();
            modelVersion = data.Offer.Version;
            changedMeanwhile = false;
            saveErrors = [];
        }

        Read();
    }

    // Someone saved: input the user has not saved stays as typed and the page says so; otherwise the page takes the new offer.
    private async Task RefreshAsync()
    {
        var unsaved = HasUnsavedInput;
        await LoadAsync(takeInput: false);
        if (data is null || model is null || data.Offer.Version == modelVersion)
        {
            return;
        }

        if (unsaved && Editable)
        {
            changedMeanwhile = true;
        }
        else
        {
            await LoadAsync(takeInput: true);
        }
    }

    private Task ReloadAsync() => LoadAsync(takeInput: true);

    private void Read() => reading = model?.Read(T, CultureInfo.CurrentCulture);

    private void InputChanged()
    {
        saveErrors = [];
        Read();
    }

    private async Task SaveAsync()
    {
        if (model is null || data is null || saving)
        {
            return;
        }

        Read();
        if (reading is not { IsValid: true })
        {
            return;
        }

        saving = true;
        try
        {
            await Commands.UpdateAsync(Id, modelVersion, model.Details(reading), [.. reading.Positions.Select(p => p!)], userId);
            Snackbar.Add(T["OfferPage.Saved", data.Offer.Number], Severity.Success);
            await LoadAsync(takeInput: true);
        }
        catch (DomainException error) when (error.MessageKey == OfferCommands.ChangedMeanwhile)
        {
            changedMeanwhile = true;
        }
        catch (DomainException error)
        {
            var field = OfferEditorModel.FieldOf(error);
            if (OfferLetterForm.Fields.Contains(field))
            {
                saveErrors = new() { [field] = error.Describe(T) };
            }
            else
            {
                Snackbar.Add(error.Describe(T), Severity.Error);
            }
        }
        finally
        {
            saving = false;
        }
    }

    private async Task SendAsync()
    {
        var offer = data!.Offer;
        var text = data.ContactEmail is { } email ? T["OfferPage.SendText", offer.Number, email] : T["OfferPage.SendTextNoMail", offer.Number];
        if (await Dialogs.ShowMessageBoxAsync(T["OfferPage.Send"], text.Value, yesText: T["OfferPage.Send"], cancelText: T["Common.Cancel"]) != true)
        {
            return;
        }

        string? mailedTo = null;
        if (await RunAsync(async () => mailedTo = await Sending.SendAsync(offer.Id, offer.Version, userId)))
        {
            Snackbar.Add(mailedTo is null ? T["OfferPage.MarkedSent", offer.Number] : T["OfferPage.SentTo", offer.Number, mailedTo], Severity.Success);
        }
    }

    private Task ConfirmAsync() => RunAsync(() => Commands.ConfirmAsync(data!.Offer.Id, data.Offer.Version, userId));

    private Task ArchiveAsync() => RunAsync(() => Commands.ArchiveAsync(data!.Offer.Id, data.Offer.Version, userId));

    private async Task CopyAsVariantAsync()
    {
        var variant = 0;
        if (await RunAsync(async () => variant = await Commands.CopyAsVariantAsync(data!.Offer.Id, userId)))
        {
            Navigation.NavigateTo($"offers/{variant}");
        }
    }

    private async Task TakeRevenueAsync()
    {
        var offer = data!.Offer;
        if (await RunAsync(() => Commands.TakeRevenueAsync(offer.Id, userId)))
        {
            Snackbar.Add(T["OfferPage.RevenueTaken", Formats.Money(offer.Net, 2), data.LeadName], Severity.Success);
        }
    }

    private async Task DeleteAsync()
    {
        var (offer, leadId) = (data!.Offer, data.LeadId);
        if (await Dialogs.ShowMessageBoxAsync(T["OfferPage.Delete"], T["OfferPage.DeleteText", offer.Number].Value, yesText: T["OfferPage.Delete"], cancelText: T["Common.Cancel"]) != true)
        {
            return;
        }

        if (await RunAsync(() => Commands.DeleteAsync(offer.Id, offer.Version, userId)))
        {
            Navigation.NavigateTo($"leads/{leadId}");
        }
    }

    // Each step through the domain: a refusal reads in the user's words, and the page shows the offer as it now is.
    private async Task<bool> RunAsync(Func<Task> action)
    {
        if (await Snackbar.TryAsync(T, action))
        {
            await LoadAsync(takeInput: true);
            return true;
        }

        await LoadAsync(takeInput: !HasUnsavedInput);
        return false;
    }
}
