using LeadsBlazor.Web.Components;
using LeadsBlazor.Web.Components.Account;
using LeadsBlazor.Web.Components.Account.Protection;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Copy;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Features.Attention;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Excel;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Outcomes;
using LeadsBlazor.Web.Features.Projects;
using LeadsBlazor.Web.Features.Preferences;
using LeadsBlazor.Web.Features.Reminders;
using LeadsBlazor.Web.Features.Settings;
using LeadsBlazor.Web.Features.Settings.Offers;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using LeadsBlazor.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// A command instead of the web app: the same configuration (appsettings, environment), no host started.
if (CopyDatabaseCommand.IsRequested(args))
{
    return await CopyDatabaseCommand.RunAsync(args, builder.Configuration, builder.Environment, Console.Out, Console.Error);
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents(options =>
    // A circuit whose browser went away is kept this long for it to come back (Blazor's default is 3 minutes). A network
    // blip or a sleeping tab reconnects within seconds; a tab that stays away costs a board's memory meanwhile (tens of MB),
    // and a browser that returns later resumes or reloads the page (ReconnectModal), which keeps its view in the URL.
    options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1));
builder.Services.AddMudServices();
builder.Services.AddTransient<MudBlazor.MudLocalizer, MudTexts>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLeadsLocalization();
builder.Services.AddLeadsDatabase(builder.Configuration, builder.Environment);
builder.Services.AddLeadsIdentity(builder.Environment);
builder.Services.AddAccountProtection(builder.Configuration);
builder.Services.AddLive(builder.Configuration);
builder.Services.AddMail(builder.Configuration);
builder.Services.AddLeadViews();
builder.Services.AddBoard();
builder.Services.AddAttention();
builder.Services.AddLeads();
builder.Services.AddCustomers();
builder.Services.AddOffers();
builder.Services.AddProjects();
builder.Services.AddForecast(builder.Configuration);
builder.Services.AddOutcomes();
builder.Services.AddLabels();
builder.Services.AddExcel();
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddSettings();
builder.Services.AddAttachments(builder.Configuration);
builder.Services.AddLeadsHealthChecks();
builder.Services.AddSingleton<AppUrls>();
builder.Services.AddScoped<AccountSettingsReader>();
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

var app = builder.Build();

// Behind a TLS-terminating proxy (on loopback unless KnownProxies says more), the original scheme counts.
app.UseForwardedHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAccountProtection();

// Explicit, so that they run after the security headers are in place (implicitly they would run first).
app.UseAuthentication();
app.UseAuthorization();
app.UseOwnerTwoFactorEnrolment();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapPreferenceEndpoints();
app.MapLeadsHealthChecks();
app.MapAttachmentDownloads();
app.MapOfferDownloads();
app.MapOfferSettingsPreview();
app.MapExcelEndpoints();

await app.InitializeDatabaseAsync();
app.PrintStartBanner();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
