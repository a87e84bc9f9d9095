using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Offers;

namespace LeadsBlazor.Tests.Features.Offers;

/// <summary>
/// The offer list and the lead page's offers on the real database: statuses, responsible user, search, dates, the sort by the
/// stored gross cents and paging.
/// </summary>
public abstract class OfferListQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private IServiceProvider Services => _app.Factory.Services;

    /// <summary>
    /// Four offers: "Webshop" (1.190 € gross, the owner's, Müller GmbH) dated first; ten days later "Broschüre" (5.950 €, the member's,
    /// Schmid AG), "Flyer" (archived) and "Reise" (2.380 CHF, the owner's, no customer).
    /// </summary>
    private async Task<(string MemberId, DateOnly First, DateOnly Later)> ArrangeAsync()
    {
        var member = await _app.CreateMemberAsync();
        await _app.AddCurrencyAsync(Currency.Chf, 1.05m);
        var first = _app.Today;
        await Services.CreateOfferAsync(await Services.CreateCustomerLeadAsync("Relaunch Website", _app.OwnerId, "Müller GmbH"), _app.OwnerId, "Webshop", 1_000m);
        _app.Time.Advance(TimeSpan.FromDays(10));
        var campaign = await Services.CreateCustomerLeadAsync("Kampagne Frühjahr", member, "Schmid AG");
        await Services.CreateOfferAsync(campaign, member, "Broschüre", 5_000m);
        var flyer = await Services.CreateOfferAsync(campaign, member, "Flyer", 300m);
        await Services.ChangeOfferAsync(flyer, member, (c, id, version, user) => c.ArchiveAsync(id, version, user));
        await Services.CreateOfferAsync(await Services.CreateCustomerLeadAsync("Alpen Tour", _app.OwnerId, null, currency: "CHF"), _app.OwnerId, "Reise", 2_000m);
        return (member, first, _app.Today);
    }

    private async Task<string> OwnerNameAsync()
    {
        await using var db = _app.NewContext();
        return db.Users.Single(u => u.Id == _app.OwnerId).DisplayName;
    }

    private async Task<IReadOnlyList<string>> TitlesAsync(OfferFilter filter) =>
        [.. (await _app.Get<OfferListQuery>().GetAsync(filter, nameof(OfferRow.Title), false, 0, 25)).Rows.Select(r => r.Title)];

    [Fact]
    public async Task The_list_leaves_archived_offers_out_until_they_are_asked_for()
    {
        await ArrangeAsync();

        Assert.Equal(["Broschüre", "Reise", "Webshop"], await TitlesAsync(new OfferFilter()));
        Assert.Equal(["Flyer"], await TitlesAsync(new OfferFilter([OfferStatus.Archived])));
        Assert.Equal(["Broschüre", "Flyer", "Reise", "Webshop"], await TitlesAsync(new OfferFilter(Enum.GetValues<OfferStatus>())));
    }

    [Fact]
    public async Task The_responsible_user_and_the_date_range_narrow_the_list()
    {
        var (member, first, later) = await ArrangeAsync();

        Assert.Equal(["Broschüre"], await TitlesAsync(new OfferFilter(ResponsibleUserId: member)));
        Assert.Equal(["Reise", "Webshop"], await TitlesAsync(new OfferFilter(ResponsibleUserId: _app.OwnerId)));
        Assert.Equal(["Broschüre", "Reise"], await TitlesAsync(new OfferFilter(From: later)));
        Assert.Equal(["Webshop"], await TitlesAsync(new OfferFilter(To: first.AddDays(1))));
    }

    [Theory]
    [InlineData("müller", "Webshop")]
    [InlineData("MUELLER", "Webshop")]
    [InlineData("schmid ag", "Broschüre")]
    [InlineData("KAMPAGNE", "Broschüre")]
    [InlineData("brosch", "Broschüre")]
    [InlineData("REISE", "Reise")]
    public async Task The_search_finds_offers_by_title_lead_or_customer_whatever_the_case(string search, string title)
    {
        await ArrangeAsync();

        Assert.Equal([title], await TitlesAsync(new OfferFilter(Search: search)));
    }

    [Fact]
    public async Task The_search_finds_an_offer_by_its_number_and_takes_wildcards_as_text()
    {
        await ArrangeAsync();
        var all = (await _app.Get<OfferListQuery>().GetAsync(new OfferFilter(), null, false, 0, 25)).Rows;
        var reise = all.Single(r => r.Title == "Reise");

        Assert.Equal(["Reise"], await TitlesAsync(new OfferFilter(Search: reise.Number.ToLowerInvariant())));
        Assert.Empty(await TitlesAsync(new OfferFilter(Search: "%")));
    }

    [Fact]
    public async Task Sorted_by_gross_the_largest_come_first_each_in_its_own_currency_and_the_pages_follow_on()
    {
        await ArrangeAsync();
        var query = _app.Get<OfferListQuery>();

        var first = await query.GetAsync(new OfferFilter(), nameof(OfferRow.Gross), true, 0, 2);
        var second = await query.GetAsync(new OfferFilter(), nameof(OfferRow.Gross), true, 1, 2);

        Assert.Equal((3, 3), (first.Total, second.Total));
        Assert.Equal(
            [("Broschüre", 5_950m, "EUR", "Kampagne Frühjahr", "Schmid AG", "Mia Member"), ("Reise", 2_380m, "CHF", "Alpen Tour", null, await OwnerNameAsync())],
            first.Rows.Select(r => (r.Title, r.Gross.Amount, r.Gross.Currency.Code, r.LeadName, r.Customer, r.Responsible)));
        Assert.Equal([("Webshop", 1_190m)], second.Rows.Select(r => (r.Title, r.Gross.Amount)));
        Assert.Equal(["Webshop", "Reise", "Broschüre"], (await query.GetAsync(new OfferFilter(), nameof(OfferRow.Gross), false, 0, 25)).Rows.Select(r => r.Title));
    }

    [Fact]
    public async Task The_newest_offer_comes_first_when_the_list_is_not_sorted()
    {
        await ArrangeAsync();

        var rows = (await _app.Get<OfferListQuery>().GetAsync(new OfferFilter(), null, false, 0, 25)).Rows;

        Assert.Equal("Webshop", rows[^1].Title);
        Assert.True(rows[0].Date > rows[^1].Date);
    }

    [Fact]
    public async Task The_lead_page_shows_a_variant_beside_the_offer_it_came_from_and_archived_offers_apart()
    {
        var lead = await Services.CreateCustomerLeadAsync("Relaunch Website", _app.OwnerId, "Müller GmbH");
        var first = await Services.CreateOfferAsync(lead, _app.OwnerId, "Webshop", 1_000m);
        var other = await Services.CreateOfferAsync(lead, _app.OwnerId, "Wartung", 200m);
        var variant = await _app.Get<OfferCommands>().CopyAsVariantAsync(first, _app.OwnerId);
        var archived = await _app.Get<OfferCommands>().CopyAsVariantAsync(first, _app.OwnerId);
        await Services.ChangeOfferAsync(archived, _app.OwnerId, (c, id, version, user) => c.ArchiveAsync(id, version, user));

        var offers = (await _app.Get<LeadOffersQuery>().GetAsync(lead))!;

        Assert.Equal([(first, false), (variant, true), (other, false)], offers.Current.Select(o => (o.Id, o.IsVariant)));
        Assert.Equal([archived], offers.Archived.Select(o => o.Id));
        Assert.Equal((1_190m, "EUR"), (offers.Current[0].Gross.Amount, offers.Current[0].Gross.Currency.Code));
        Assert.True(offers.TakesOffers);
        Assert.Null(await _app.Get<LeadOffersQuery>().GetAsync(lead + 1000));
    }
}

public sealed class OfferListQueryTestsOnSqlite() : OfferListQueryTests(DatabaseProvider.Sqlite);

public sealed class OfferListQueryTestsOnPostgres() : OfferListQueryTests(DatabaseProvider.Postgres);
