using LeadsBlazor.Web.Components;
using LeadsBlazor.Web.Components.Account;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features;
using LeadsBlazor.Web.Features.Preferences;
using LeadsBlazor.Web.Features.Reminders;
using LeadsBlazor.Web.Infrastructure;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLeadsLocalization();
builder.Services.AddLeadsDatabase(builder.Configuration, builder.Environment);
builder.Services.AddLeadsIdentity(builder.Environment);
builder.Services.AddMail(builder.Configuration);
builder.Services.AddPipeline();
builder.Services.AddLeadsHealthChecks();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();

// Explicit, so that they run after the security headers are in place (implicitly they would run first).
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapPreferenceEndpoints();
app.MapLeadsHealthChecks();

await app.InitializeDatabaseAsync();
app.PrintStartBanner();
await app.RunAsync();

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
