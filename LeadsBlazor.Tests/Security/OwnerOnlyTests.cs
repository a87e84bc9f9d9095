using System.Net;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Settings.Currencies;
using LeadsBlazor.Web.Features.Settings.LostReasons;
using LeadsBlazor.Web.Features.Settings.NumberRanges;
using LeadsBlazor.Web.Features.Settings.Offers;
using LeadsBlazor.Web.Features.Settings.Reminders;
using LeadsBlazor.Web.Features.Settings.Stages;
using LeadsBlazor.Web.Features.Settings.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Security;

/// <summary>The member matrix: every owner-only URL (found in the app's routing) and every settings use case refuses a member.</summary>
public abstract class OwnerOnlyTests(OwnerOnlyTests.App app)
{
    public abstract class App(DatabaseProvider provider) : IAsyncLifetime
    {
        public LeadsAppFactory Factory { get; } = new(provider: provider);

        public string MemberId { get; private set; } = "";

        public string OwnerId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            MemberId = (await Factory.CreateMemberAsync()).Id;
            OwnerId = await Factory.UserIdAsync(LeadsAppFactory.OwnerEmail);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    public sealed class SqliteApp() : App(DatabaseProvider.Sqlite);

    public sealed class PostgresApp() : App(DatabaseProvider.Postgres);

    private HttpClient Client() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public void Every_settings_page_is_owner_only()
    {
        var settings = AppEndpoints.All(app.Factory)
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("settings", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(settings.Count >= 6, $"Only {settings.Count} settings routes found.");
        Assert.All(settings, e => Assert.True(AppEndpoints.IsOwnerOnly(e), $"{e.RoutePattern.RawText} is open to members."));
    }

    [Fact]
    public async Task A_member_is_refused_every_owner_only_url_and_the_owner_is_not()
    {
        var member = Client();
        await member.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        var owner = Client();
        await owner.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var paths = AppEndpoints.OwnerOnlyPaths(app.Factory);

        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            var refused = await member.GetAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect && refused.RedirectPath().StartsWith("/Account/AccessDenied", StringComparison.Ordinal),
                $"{path}: a member got {(int)refused.StatusCode} {refused.Headers.Location}");

            var allowed = await owner.GetAsync(path);
            Assert.True(allowed.StatusCode == HttpStatusCode.OK || (allowed.StatusCode == HttpStatusCode.Redirect && allowed.RedirectPath().StartsWith("/settings", StringComparison.Ordinal)),
                $"{path}: the owner got {(int)allowed.StatusCode} {allowed.Headers.Location}");
        }
    }

    [Fact]
    public async Task An_anonymous_request_for_an_owner_only_url_is_sent_to_sign_in()
    {
        foreach (var path in AppEndpoints.OwnerOnlyPaths(app.Factory))
        {
            var response = await Client().GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> OwnerUseCases => new(UseCases.Keys);

    // Every settings use case, called as a member would reach it from a stale circuit or a crafted call.
    private static readonly Dictionary<string, Func<IServiceProvider, string, string, Task>> UseCases = new()
    {
        ["stage add"] = (s, member, _) => s.GetRequiredService<StageCommands>().AddAsync("Hijack", null, 50, member),
        ["stage update"] = (s, member, _) => s.GetRequiredService<StageCommands>().UpdateAsync(1, "Hijack", null, 50, member),
        ["stage move"] = (s, member, _) => s.GetRequiredService<StageCommands>().MoveAsync(1, 2, member),
        ["stage delete"] = (s, member, _) => s.GetRequiredService<StageCommands>().DeleteAsync(1, 2, member),
        ["currency rate"] = (s, member, _) => s.GetRequiredService<CurrencyCommands>().SetRateAsync("USD", 2m, member),
        ["currency remove"] = (s, member, _) => s.GetRequiredService<CurrencyCommands>().RemoveAsync("USD", member),
        ["lost reason add"] = (s, member, _) => s.GetRequiredService<CloseReasonCommands>().AddAsync("Hijack", member),
        ["lost reason rename"] = (s, member, _) => s.GetRequiredService<CloseReasonCommands>().RenameAsync(1, "Hijack", member),
        ["lost reason move"] = (s, member, _) => s.GetRequiredService<CloseReasonCommands>().MoveAsync(1, 0, member),
        ["lost reason retire"] = (s, member, _) => s.GetRequiredService<CloseReasonCommands>().RetireAsync(1, true, member),
        ["reminder settings"] = (s, member, _) => s.GetRequiredService<ReminderSettingsCommands>().ChangeAsync(member, new ReminderSettings(false, 3, "UTC")),
        ["invite user"] = (s, member, _) => s.GetRequiredService<UserCommands>().InviteAsync("Mallory", "mallory@evil.example", true, "de-DE", member),
        ["resend invitation"] = (s, member, owner) => s.GetRequiredService<UserCommands>().ResendInvitationAsync(owner, member),
        ["change role"] = (s, member, _) => s.GetRequiredService<UserCommands>().ChangeRoleAsync(member, true, member),
        ["deactivate"] = (s, member, owner) => s.GetRequiredService<UserCommands>().SetActiveAsync(owner, false, member),
        ["reassign leads"] = (s, member, owner) => s.GetRequiredService<UserCommands>().ReassignOpenLeadsAsync(owner, member, member),
        ["company delete"] = (s, member, _) => s.GetRequiredService<CompanyCommands>().DeleteAsync(1, member),
        ["company merge"] = (s, member, _) => s.GetRequiredService<CompanyCommands>().MergeAsync(1, 2, member),
        ["number range prefix"] = (s, member, _) => s.GetRequiredService<NumberRangeCommands>().ChangePrefixAsync(member, NumberRangeKind.Customer, "X-"),
        ["offer letterhead"] = (s, member, _) => s.GetRequiredService<OfferSettingsCommands>().ChangeLetterheadAsync(member, new OfferLetterhead("Hijack", null, null)),
        ["offer terms"] = (s, member, _) => s.GetRequiredService<OfferSettingsCommands>().ChangeTermsAsync(member, new OfferTerms(0m, null, 1)),
        ["offer texts"] = (s, member, _) => s.GetRequiredService<OfferSettingsCommands>().ChangeTextsAsync(member, OfferLanguage.German, new OfferTexts("Hallo", null, null)),
        ["offer logo"] = (s, member, _) => s.GetRequiredService<OfferSettingsCommands>().ChangeLogoAsync(member, null),
    };

    [Theory]
    [MemberData(nameof(OwnerUseCases))]
    public async Task A_member_calling_an_owner_use_case_is_refused(string useCase)
    {
        using var scope = app.Factory.Services.CreateScope();

        var refused = await Assert.ThrowsAsync<DomainException>(() => UseCases[useCase](scope.ServiceProvider, app.MemberId, app.OwnerId));

        Assert.Equal(ErrorKeys.OwnerOnly, refused.MessageKey);
    }
}

public sealed class OwnerOnlyTestsOnSqlite(OwnerOnlyTests.SqliteApp app) : OwnerOnlyTests(app), IClassFixture<OwnerOnlyTests.SqliteApp>;

public sealed class OwnerOnlyTestsOnPostgres(OwnerOnlyTests.PostgresApp app) : OwnerOnlyTests(app), IClassFixture<OwnerOnlyTests.PostgresApp>;
