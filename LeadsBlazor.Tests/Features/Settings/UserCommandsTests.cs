using System.Net;
using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Features.Settings;
using LeadsBlazor.Web.Features.Settings.Users;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LeadsBlazor.Tests.Features.Settings;

/// <summary>Rule 12: the owner invites, changes roles, deactivates and hands leads over; the account keeps an active owner.</summary>
public abstract partial class UserCommandsTests : IDisposable
{
    private readonly LeadsAppFactory _factory;
    private readonly IServiceScope _scope;
    private readonly string _ownerId;

    protected UserCommandsTests(DatabaseProvider provider)
    {
        _factory = new(settings: new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false", ["App:BaseUrl"] = "https://leads.example.com" }, provider: provider);
        _scope = _factory.Services.CreateScope();
        _ownerId = _factory.UserIdAsync(LeadsAppFactory.OwnerEmail).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _factory.Dispose();
    }

    private UserCommands Commands => _scope.ServiceProvider.GetRequiredService<UserCommands>();

    private Task<IReadOnlyList<UserRow>> UsersAsync() => _scope.ServiceProvider.GetRequiredService<UsersQuery>().GetAsync();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task An_invitation_mail_carries_a_link_with_which_the_new_user_sets_a_password_and_signs_in()
    {
        await Commands.InviteAsync("Nina Neu", "nina@test.example", owner: false, "de-DE", _ownerId);

        var file = Assert.Single(Directory.GetFiles(_factory.MailFolder, "*.eml"));
        using var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal(("nina@test.example", "Einladung zu LeadsBlazor"), (mail.To.Mailboxes.Single().Address, mail.Subject));
        var link = new Uri(InvitationLink().Match(mail.TextBody ?? "").Value);
        Assert.Equal("leads.example.com", link.Host);
        var pending = Assert.Single(await UsersAsync(), u => u.Email == "nina@test.example");
        Assert.True(pending.InvitationPending);

        var client = Client();
        var page = await client.GetStringAsync(link.PathAndQuery);
        Assert.Contains("Willkommen bei LeadsBlazor", page, StringComparison.Ordinal);
        Assert.Contains("value=\"nina@test.example\"", page, StringComparison.Ordinal);
        var set = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = "nina@test.example",
            ["Input.Password"] = "Nina-Password-1",
            ["Input.ConfirmPassword"] = "Nina-Password-1",
        });
        Assert.Equal("/Account/ResetPasswordConfirmation?invite=1", set.RedirectPath());

        var signIn = await Client().SignInAsync("nina@test.example", "Nina-Password-1");
        Assert.Equal("/leads", signIn.RedirectPath());
        Assert.False(Assert.Single(await UsersAsync(), u => u.Email == "nina@test.example").InvitationPending);
    }

    [Theory]
    [InlineData("/Account/ResetPassword?invite=abc&code=eA")]
    [InlineData("/Account/ResetPasswordConfirmation?invite=abc")]
    public async Task A_mangled_invitation_link_is_no_server_error(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("", "nina@test.example", "DisplayName", ErrorKeys.Required)]
    [InlineData("Nina Neu", "nina-at-test", "Email", ErrorKeys.InvalidEmail)]
    [InlineData("Nina Neu", "OWNER@test.example", "Email", ErrorKeys.DuplicateEmail)]
    public async Task Bad_invitations_are_refused_at_their_field_and_send_nothing(string name, string email, string field, string key)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.InviteAsync(name, email, false, "de-DE", _ownerId));

        Assert.Equal((field, key), (error.Field, error.MessageKey));
        Assert.Single(await UsersAsync());
        Assert.False(Directory.Exists(_factory.MailFolder) && Directory.GetFiles(_factory.MailFolder).Length > 0);
    }

    [Fact]
    public async Task The_last_active_owner_can_be_neither_demoted_nor_deactivated()
    {
        var demote = await Assert.ThrowsAsync<DomainException>(() => Commands.ChangeRoleAsync(_ownerId, owner: false, _ownerId));
        var deactivate = await Assert.ThrowsAsync<DomainException>(() => Commands.SetActiveAsync(_ownerId, active: false, _ownerId));

        Assert.Equal(("Role", ErrorKeys.LastOwner), (demote.Field, demote.MessageKey));
        Assert.Equal(("Active", ErrorKeys.LastOwner), (deactivate.Field, deactivate.MessageKey));
        var owner = Assert.Single(await UsersAsync());
        Assert.True(owner.IsOwner && owner.IsActive);
        Assert.Empty(await _scope.ServiceProvider.GetRequiredService<SettingsLogQuery>().LatestAsync(SettingsArea.Users));
    }

    [Fact]
    public async Task With_a_second_owner_the_first_may_step_down_and_the_log_says_so()
    {
        var member = await _factory.CreateMemberAsync();
        await Commands.ChangeRoleAsync(member.Id, owner: true, _ownerId);

        await Commands.ChangeRoleAsync(_ownerId, owner: false, _ownerId);

        var users = await UsersAsync();
        Assert.True(users.Single(u => u.Id == member.Id).IsOwner);
        Assert.False(users.Single(u => u.Id == _ownerId).IsOwner);
        var log = await _scope.ServiceProvider.GetRequiredService<SettingsLogQuery>().LatestAsync(SettingsArea.Users);
        Assert.Equal(["SettingsLog.UserMadeMember: owner", "SettingsLog.UserMadeOwner: Mia Member"], log.Select(e => $"{e.WhatKey}: {e.Detail}"));

        // The former owner is a member now: settings use cases refuse them.
        var refused = await Assert.ThrowsAsync<DomainException>(() => Commands.SetActiveAsync(member.Id, false, _ownerId));
        Assert.Equal(ErrorKeys.OwnerOnly, refused.MessageKey);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_keeps_their_leads_until_they_are_handed_over()
    {
        var member = await _factory.CreateMemberAsync();
        var leads = _scope.ServiceProvider.GetRequiredService<LeadCommands>();
        var today = DateOnly.FromDateTime(_factory.Time.GetUtcNow().UtcDateTime);
        var open = await leads.CreateAsync(new LeadInput { Name = "Offen", ResponsibleUserId = member.Id, Revenue = 1000m, NextActionOn = today }, _ownerId);
        var won = await leads.CreateAsync(new LeadInput { Name = "Gewonnen", ResponsibleUserId = member.Id, Revenue = 1000m, NextActionOn = today }, _ownerId);
        await leads.CloseAsync(won, 0, LeadStatus.Won, today, null, null, _ownerId);
        using var events = _scope.ServiceProvider.GetRequiredService<IEventBus>().Record();

        await Commands.SetActiveAsync(member.Id, active: false, _ownerId);

        var signIn = await Client().SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the sign-in page again, with its message
        Assert.Equal(1, Assert.Single(await UsersAsync(), u => u.Id == member.Id).OpenLeads);

        Assert.Equal(1, await Commands.ReassignOpenLeadsAsync(member.Id, _ownerId, _ownerId));

        await using var db = await _scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        var moved = await db.Leads.Include(l => l.History).SingleAsync(l => l.Id == open);
        Assert.Equal(_ownerId, moved.ResponsibleUserId);
        Assert.Contains(moved.History, e => e is { Kind: LeadEventKind.ResponsibleChanged, OldValue: "Mia Member", NewValue: "owner" }); // names as they were (Rule 7)
        Assert.Equal(member.Id, (await db.Leads.SingleAsync(l => l.Id == won)).ResponsibleUserId);
        // The deactivation ended the member's sessions (and told their circuits); the hand-over touched the views.
        Assert.Equal([new UserSessionsEnded(member.Id), new LeadsReassigned(member.Id, _ownerId)], await events.CountAsync(2));
    }

    [Fact]
    public async Task A_member_may_not_manage_users()
    {
        var member = await _factory.CreateMemberAsync();

        async Task Refused(Func<Task> action) => Assert.Equal(ErrorKeys.OwnerOnly, (await Assert.ThrowsAsync<DomainException>(action)).MessageKey);
        await Refused(() => Commands.InviteAsync("Nina Neu", "nina@test.example", true, "de-DE", member.Id));
        await Refused(() => Commands.ChangeRoleAsync(member.Id, true, member.Id));
        await Refused(() => Commands.SetActiveAsync(_ownerId, false, member.Id));
        await Refused(() => Commands.ReassignOpenLeadsAsync(_ownerId, member.Id, member.Id));

        Assert.Equal(2, (await UsersAsync()).Count);
        Assert.False((await UsersAsync()).Single(u => u.Id == member.Id).IsOwner);
    }

    [GeneratedRegex(@"https://leads\.example\.com/Account/ResetPassword\S+")]
    private static partial Regex InvitationLink();
}

public sealed class UserCommandsTestsOnSqlite() : UserCommandsTests(DatabaseProvider.Sqlite);

public sealed class UserCommandsTestsOnPostgres() : UserCommandsTests(DatabaseProvider.Postgres);
