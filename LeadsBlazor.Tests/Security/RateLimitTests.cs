using System.Diagnostics;
using System.Net;
using LeadsBlazor.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeadsBlazor.Tests.Security;

/// <summary>The anonymous account pages with the real limits (the rest of the suite runs with generous ones).</summary>
[Collection(nameof(MeasuredAlone))]
public sealed class RateLimitTests : IDisposable
{
    private LeadsAppFactory _factory = WithLimits(perIp: 5, perAddress: 5);

    public void Dispose() => _factory.Dispose();

    private static LeadsAppFactory WithLimits(int perIp, int perAddress) => new(settings: new Dictionary<string, string?>
    {
        ["AccountProtection:PostsPerIp"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AccountProtection:PostsPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_sixth_rapid_sign_in_from_one_address_gets_429_with_a_page_in_the_users_language()
    {
        var client = Client();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var allowed = await client.SignInAsync($"user{attempt}@test.example", "Wrong-Password-1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var sixth = await client.SignInAsync("user6@test.example", "Wrong-Password-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(sixth.Headers.RetryAfter is not null, "A 429 says when to come back.");
        var german = await sixth.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\">", german, StringComparison.Ordinal);
        Assert.Contains("Zu viele Versuche", german, StringComparison.Ordinal);

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var english = await (await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword)).Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", english, StringComparison.Ordinal);

        // Opening the page is not limited, only posting it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Theory]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResetPassword?code=YWJj")]
    [InlineData("/Account/ResetPassword?invite=1&code=YWJj")]
    [InlineData("/setup")]
    public async Task Every_anonymous_account_form_is_limited(string url)
    {
        var client = Client();
        var token = await client.AntiforgeryTokenAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var allowed = await client.PostAsync(url, Form(token, $"user{attempt}@test.example"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync(url, Form(token, "user6@test.example"))).StatusCode);
    }

    [Fact]
    public async Task One_address_is_limited_from_anywhere_while_others_go_on()
    {
        _factory.Dispose();
        _factory = WithLimits(perIp: 1000, perAddress: 5);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, $"Wrong-Password-{attempt}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client().SignInAsync(LeadsAppFactory.OwnerEmail.ToUpperInvariant(), "Wrong-Password-6")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client().SignInAsync("someone@test.example", "Wrong-Password-1")).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_sends_one_mail_per_address_per_15_minutes()
    {
        await _factory.CreateMemberAsync();
        var client = Client();

        Assert.Equal("/Account/ForgotPasswordConfirmation", (await ForgotAsync(client, LeadsAppFactory.OwnerEmail)).RedirectPath());
        await MailFolder.WaitForMailsAsync(_factory.MailFolder, 1);
        Assert.Equal("/Account/ForgotPasswordConfirmation", (await ForgotAsync(client, LeadsAppFactory.OwnerEmail)).RedirectPath());

        // Requests are handled in order: once the member's mail is there, the owner's second request was decided.
        await ForgotAsync(client, LeadsAppFactory.MemberEmail);
        var mails = await MailFolder.WaitForMailsAsync(_factory.MailFolder, 2);
        Assert.Equal(2, mails.Length);

        _factory.Time.Advance(TimeSpan.FromMinutes(15));
        await ForgotAsync(client, LeadsAppFactory.OwnerEmail);
        Assert.Equal(3, (await MailFolder.WaitForMailsAsync(_factory.MailFolder, 3)).Length);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_and_as_fast_for_an_unknown_address()
    {
        _factory.Dispose();
        _factory = WithLimits(perIp: 1000, perAddress: 1000);
        var client = Client();
        var token = await client.AntiforgeryTokenAsync();
        var known = new List<double>();
        var unknown = new List<double>();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (knownAnswer, knownTime) = await TimeAsync(() => client.PostAsync("/Account/ForgotPassword", Form(token, LeadsAppFactory.OwnerEmail, "forgot-password")));
            var (unknownAnswer, unknownTime) = await TimeAsync(() => client.PostAsync("/Account/ForgotPassword", Form(token, $"nobody{attempt}@test.example", "forgot-password")));
            Assert.Equal(knownAnswer.RedirectPath(), unknownAnswer.RedirectPath());
            known.Add(knownTime);
            unknown.Add(unknownTime);
        }

        // Both answers take a few milliseconds; one millisecond of slack keeps scheduling noise from deciding the ratio.
        var (knownMedian, unknownMedian) = (known.Order().ElementAt(10), unknown.Order().ElementAt(10));
        Assert.True(Math.Max(knownMedian, unknownMedian) < 2 * Math.Min(knownMedian, unknownMedian) + 1,
            $"Median answer to forgot-password: known address {knownMedian:F1} ms, unknown address {unknownMedian:F1} ms.");
    }

    private static FormUrlEncodedContent Form(string token, string email, string handler = "") => new(new Dictionary<string, string>
    {
        ["_handler"] = handler,
        ["__RequestVerificationToken"] = token,
        ["Input.Email"] = email,
    });

    private static Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });

    private static async Task<(HttpResponseMessage Response, double Milliseconds)> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var watch = Stopwatch.StartNew();
        var response = await request();
        return (response, watch.Elapsed.TotalMilliseconds);
    }
}
