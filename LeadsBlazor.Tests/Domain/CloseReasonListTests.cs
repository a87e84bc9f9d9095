using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Tests.Domain;

/// <summary>The owner's lost/dropped reasons: unique names, an order, retired reasons kept behind the offered ones.</summary>
public sealed class CloseReasonListTests
{
    private static CloseReasonList Defaults() => new(CloseReason.Defaults());

    private static string Names(CloseReasonList list) => string.Join(", ", list.Reasons.Select(r => r.Retired ? $"({r.Name})" : r.Name));

    [Fact]
    public void A_new_reason_is_offered_last_before_the_retired_ones()
    {
        var list = Defaults();
        list.Retire(list.Reasons[0]);

        list.Add("Zu spät");

        Assert.Equal("Zeitpunkt, Wettbewerber, Kein Budget, Sonstiges, Zu spät, (Preis)", Names(list));
        Assert.Equal(Enumerable.Range(0, 6), list.Reasons.Select(r => r.Position));
    }

    [Fact]
    public void Moving_keeps_the_retired_reasons_at_the_end()
    {
        var list = Defaults();
        list.Retire(list.Reasons[1]);

        list.Move(list.Reasons.Single(r => r.Name == "Sonstiges"), 0);

        Assert.Equal("Sonstiges, Preis, Wettbewerber, Kein Budget, (Zeitpunkt)", Names(list));
    }

    [Fact]
    public void A_restored_reason_is_offered_again_as_the_last()
    {
        var list = Defaults();
        list.Retire(list.Reasons[0]);

        list.Restore(list.Reasons.Single(r => r.Name == "Preis"));

        Assert.Equal("Zeitpunkt, Wettbewerber, Kein Budget, Sonstiges, Preis", Names(list));
    }

    [Theory]
    [InlineData("", ErrorKeys.Required)]
    [InlineData(" preis ", ErrorKeys.DuplicateName)]
    public void A_name_must_be_there_and_unique(string name, string key)
    {
        var list = Defaults();

        Assert.Equal(key, Assert.Throws<DomainException>(() => list.Add(name)).MessageKey);
        Assert.Equal(key, Assert.Throws<DomainException>(() => list.Rename(list.Reasons[1], name)).MessageKey);
        Assert.Equal("Preis, Zeitpunkt, Wettbewerber, Kein Budget, Sonstiges", Names(list));
    }
}
