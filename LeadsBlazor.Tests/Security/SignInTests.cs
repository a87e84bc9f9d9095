using System.Diagnostics;
using System.Net;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Security;

/// <summary>Sign-in tells nothing about which addresses have an account: not by its message, its time or its lockout.</summary>
public abstract class SignInTests(DatabaseProvider provider) : IDisposable
{
    private const string Invalid = "E-Mail-Adresse oder Passwort ist falsch.";

    private readonly LeadsAppFactory _factory = new(provider: provider);

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_wrong_password_takes_as_long_for_an_unknown_address_as_for_a_known_one()
    {
        var client = Client();
        var token = await client.AntiforgeryTokenAsync();
        var known = new List<double>();
        var unknown = new List<double>();

        // Alternating, so that a slow moment of the machine hits both alike; the known account's failures are
        // reset between tries (outside the measurement) so that it never locks and each try does the full work.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            unknown.Add(await TimeWrongSignInAsync(client, token, $"nobody{attempt}@test.example"));
            known.Add(await TimeWrongSignInAsync(client, token, LeadsAppFactory.OwnerEmail));
            await ResetFailuresAsync(LeadsAppFactory.OwnerEmail);
        }

        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        Assert.True(Math.Max(knownMedian, unknownMedian) < 2 * Math.Min(knownMedian, unknownMedian),
            $"Median of a wrong sign-in: known address {knownMedian:F1} ms, unknown address {unknownMedian:F1} ms.");
    }

    [Fact]
    public async Task An_unknown_address_locks_out_after_five_failures_like_a_known_one()
    {
        var client = Client();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await client.SignInAsync("nobody@test.example", $"Wrong-Password-{attempt}");
            Assert.Contains(Invalid, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("/Account/Lockout", (await client.SignInAsync("nobody@test.example", "Wrong-Password-5")).RedirectPath());
        Assert.Equal("/Account/Lockout", (await client.SignInAsync("NOBODY@test.example", "Wrong-Password-6")).RedirectPath());

        // Another address is not affected, and the lock ends after 15 minutes as an account's does.
        Assert.Contains(Invalid, await (await client.SignInAsync("someone@test.example", "Wrong-Password-1")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _factory.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Contains(Invalid, await (await client.SignInAsync("nobody@test.example", "Wrong-Password-7")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_user_reads_like_a_wrong_password()
    {
        var member = await _factory.CreateMemberAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(member.Id))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        var response = await Client().SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Invalid, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<double> TimeWrongSignInAsync(HttpClient client, string token, string email)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = "Wrong-Password-1",
        });
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/Account/Login", form);
        var html = await response.Content.ReadAsStringAsync();
        watch.Stop();
        Assert.Contains(Invalid, html, StringComparison.Ordinal);
        return watch.Elapsed.TotalMilliseconds;
    }

    private async Task ResetFailuresAsync(string email)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync(email))!);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}

[Collection(nameof(MeasuredAlone))]
public sealed class SignInTestsOnSqlite() : SignInTests(DatabaseProvider.Sqlite);

[Collection(nameof(MeasuredAlone))]
public sealed class SignInTestsOnPostgres() : SignInTests(DatabaseProvider.Postgres);
