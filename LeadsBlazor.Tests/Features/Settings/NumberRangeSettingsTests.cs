using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Settings.NumberRanges;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure.Live;

namespace LeadsBlazor.Tests.Features.Settings;

/// <summary>The owner's number ranges: a new prefix applies to the next number, counting goes on, every change is logged.</summary>
public abstract class NumberRangeSettingsTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private NumberRangeCommands Commands => _app.Get<NumberRangeCommands>();

    [Fact]
    public async Task A_fresh_account_shows_each_range_with_its_first_number()
    {
        var ranges = await Commands.ListAsync();

        Assert.Equal(
            [(NumberRangeKind.Customer, "K-", "K-0001"), (NumberRangeKind.Offer, "A", "A2611-001"), (NumberRangeKind.Project, "P", "P2611-001")],
            ranges.Select(r => (r.Kind, r.Prefix, r.Next)));
    }

    [Fact]
    public async Task A_new_customer_prefix_numbers_the_next_company_and_counting_goes_on()
    {
        using var published = _app.Get<IEventBus>().Record();
        await _app.Get<CompanyCommands>().CreateAsync(new CompanyInput { Name = "Müller GmbH" }, _app.OwnerId);

        await Commands.ChangePrefixAsync(_app.OwnerId, NumberRangeKind.Customer, "KD-");

        Assert.Equal("KD-0002", (await Commands.ListAsync()).Single(r => r.Kind == NumberRangeKind.Customer).Next);
        var id = await _app.Get<CompanyCommands>().CreateAsync(new CompanyInput { Name = "Schmid AG" }, _app.OwnerId);
        await using var db = _app.NewContext();
        Assert.Equal("KD-0002", db.Companies.Single(c => c.Id == id).Number);
        var logged = Assert.Single(await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.NumberRanges));
        Assert.Equal(("SettingsLog.CustomerPrefix", "K- → KD-", "owner"), (logged.WhatKey, logged.Detail, logged.UserName));
        Assert.True((await published.ArrivalAsync<AccountSettingsChanged>()).Touches(LiveTopic.Customers));
    }

    [Fact]
    public async Task An_unchanged_prefix_logs_nothing()
    {
        await Commands.ChangePrefixAsync(_app.OwnerId, NumberRangeKind.Offer, "A");

        Assert.Empty(await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.NumberRanges));
    }

    [Fact]
    public async Task A_prefix_a_letter_cannot_carry_is_refused_at_its_field()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.ChangePrefixAsync(_app.OwnerId, NumberRangeKind.Customer, "Kunde Nr "));

        Assert.Equal(("Prefix", ErrorKeys.InvalidPrefix), (error.Field, error.MessageKey));
        Assert.Equal("K-", (await Commands.ListAsync())[0].Prefix);
    }

    [Fact]
    public async Task A_member_may_not_change_a_prefix()
    {
        var member = await _app.CreateMemberAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.ChangePrefixAsync(member, NumberRangeKind.Customer, "X-"));

        Assert.Equal(ErrorKeys.OwnerOnly, error.MessageKey);
        Assert.Equal("K-", (await Commands.ListAsync())[0].Prefix);
    }
}

public sealed class NumberRangeSettingsTestsOnSqlite() : NumberRangeSettingsTests(DatabaseProvider.Sqlite);

public sealed class NumberRangeSettingsTestsOnPostgres() : NumberRangeSettingsTests(DatabaseProvider.Postgres);
