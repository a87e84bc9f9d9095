using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Tests.Domain;

/// <summary>A number range gives each number once, whatever the owner does to its prefix.</summary>
public sealed class NumberRangeTests
{
    private static readonly DateOnly December = new(2026, 12, 1);

    private static NumberRange Range(NumberRangeKind kind) => NumberRange.Defaults().Single(r => r.Kind == kind);

    [Fact]
    public void Customers_count_on_from_K_0001()
    {
        var range = Range(NumberRangeKind.Customer);

        Assert.Equal(["K-0001", "K-0002", "K-0003"], new[] { range.Take(December), range.Take(December.AddMonths(1)), range.Take(December.AddYears(1)) });
    }

    [Fact]
    public void A_monthly_range_writes_the_month_and_starts_again_each_month()
    {
        var offers = Range(NumberRangeKind.Offer);

        var numbers = new[] { offers.Take(December), offers.Take(new DateOnly(2026, 12, 31)), offers.Take(new DateOnly(2027, 1, 2)) };

        Assert.Equal(["A2612-001", "A2612-002", "A2701-001"], numbers);
        Assert.Equal("P2612-001", Range(NumberRangeKind.Project).Take(December));
    }

    [Fact]
    public void A_new_prefix_keeps_counting()
    {
        var range = Range(NumberRangeKind.Customer);
        range.Take(December);
        range.Take(December);

        range.ChangePrefix("KD-");

        Assert.Equal("KD-0003", range.Take(December));
    }

    [Fact]
    public void No_number_is_given_twice_even_when_the_prefix_goes_back()
    {
        var range = Range(NumberRangeKind.Customer);
        var given = new List<string>();
        foreach (var prefix in new[] { "K-", "KD-", "K-", "KD-" })
        {
            range.ChangePrefix(prefix);
            given.Add(range.Take(December));
            given.Add(range.Take(December));
        }

        Assert.Equal(given.Count, given.Distinct().Count());
    }

    [Fact]
    public void Peek_shows_the_number_the_next_take_gives()
    {
        var range = Range(NumberRangeKind.Offer);
        range.Take(December);

        Assert.Equal("A2612-002", range.Peek(December));
        Assert.Equal("A2701-001", range.Peek(new DateOnly(2027, 1, 1)));
        Assert.Equal(range.Peek(December), range.Take(December));
    }

    [Fact]
    public void An_upgraded_range_goes_on_after_the_numbers_already_given()
    {
        var range = Range(NumberRangeKind.Customer);

        range.SkipTo(10);

        Assert.Equal("K-0011", range.Take(December));
    }

    [Theory]
    [InlineData("K 1")]
    [InlineData("Kunde-Nummer-")]
    [InlineData("K<script>")]
    public void A_prefix_a_letter_cannot_carry_is_refused(string prefix)
    {
        var range = Range(NumberRangeKind.Customer);

        var error = Assert.Throws<DomainException>(() => range.ChangePrefix(prefix));

        Assert.Equal((nameof(NumberRange.Prefix), ErrorKeys.InvalidPrefix), (error.Field, error.MessageKey));
        Assert.Equal("K-", range.Prefix);
    }
}
