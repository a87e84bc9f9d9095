using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Leads;
using static LeadsBlazor.Tests.Domain.LeadBuilder;

namespace LeadsBlazor.Tests.Domain;

public sealed class LeadFieldTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_lead_needs_a_name(string? name)
    {
        var error = Assert.Throws<DomainException>(() =>
            Lead.CreatePotential(name!, "ben", Money.Zero(Currency.Eur), Today, null, Anna));

        Assert.Equal(("Name", ErrorKeys.Required), (error.Field, error.MessageKey));
    }

    [Fact]
    public void A_name_over_200_characters_is_refused()
    {
        var lead = Potential();

        var error = Assert.Throws<DomainException>(() => lead.Rename(new string('x', 201), Anna));

        Assert.Equal(("Name", ErrorKeys.TooLong, 200), (error.Field, error.MessageKey, error.Arguments[0]));
        Lead.CreatePotential(new string('x', 200), "ben", Money.Zero(Currency.Eur), Today, null, Anna);
    }

    [Fact]
    public void An_open_lead_keeps_a_next_action_date()
    {
        var lead = Potential();

        var error = Assert.Throws<DomainException>(() => lead.ScheduleNextAction(null, null, Anna));

        Assert.Equal(("NextActionOn", ErrorKeys.NextActionRequired), (error.Field, error.MessageKey));
    }

    [Fact]
    public void A_lead_is_due_on_its_next_action_date_and_after_while_open()
    {
        var lead = Potential(nextActionOn: Today);

        Assert.True(lead.IsDue(Today));
        Assert.True(lead.IsDue(Today.AddDays(1)));
        Assert.False(lead.IsDue(Today.AddDays(-1)));

        lead.Close(LeadStatus.Won, Today, null, null, Anna);
        Assert.False(lead.IsDue(Today.AddDays(1)));
    }

    [Fact]
    public void Every_change_is_recorded_with_old_and_new_values_and_who()
    {
        var lead = Potential(revenue: 1000m);

        lead.ChangeRevenue(new Money(2500m, Currency.Chf), Anna);
        lead.AssignTo("carla", id => id == "ben" ? "Ben Keller" : "Carla Roth", Anna);
        lead.ScheduleNextAction(Today.AddDays(10), "Angebot schicken", Anna);

        Assert.Contains(lead.History, e => e is { Kind: LeadEventKind.FieldChanged, Field: "Revenue", OldValue: "1000.00 EUR", NewValue: "2500.00 CHF" });
        Assert.Contains(lead.History, e => e is { Kind: LeadEventKind.ResponsibleChanged, Field: HistoryFields.Responsible, OldValue: "Ben Keller", NewValue: "Carla Roth" });
        Assert.Contains(lead.History, e => e is { Field: "NextActionOn", OldValue: "2026-12-03", NewValue: "2026-12-10" });
        Assert.All(lead.History, e => Assert.Equal(("anna", Anna.At), (e.UserId, e.At)));
    }

    [Fact]
    public void An_unchanged_value_writes_no_history()
    {
        var lead = Potential(revenue: 1000m);
        var before = lead.History.Count;

        lead.ChangeRevenue(Money.Revenue(1000m, Currency.Eur), Anna);
        lead.Rename(lead.Name, Anna);

        Assert.Equal(before, lead.History.Count);
    }

    [Fact]
    public void A_label_is_added_once_and_removed_with_a_record_each_time()
    {
        var lead = Potential();
        var label = new Label("Heiß", "#e53935");

        lead.AddLabel(label, Anna);
        lead.AddLabel(label, Anna);
        lead.RemoveLabel(label, Anna);

        Assert.Empty(lead.Labels);
        Assert.Single(lead.History, e => e.Kind == LeadEventKind.LabelAdded);
        Assert.Single(lead.History, e => e.Kind == LeadEventKind.LabelRemoved);
    }

    [Fact]
    public void Notes_keep_their_text_as_written()
    {
        var lead = Potential();

        var note = lead.AddNote("Zeile 1\nZeile 2 <script>alert(1)</script>", Anna);

        Assert.Equal("Zeile 1\nZeile 2 <script>alert(1)</script>", note.Text);
        Assert.Contains(lead.History, e => e.Kind == LeadEventKind.NoteAdded);
    }

    [Fact]
    public void A_service_period_may_not_end_before_it_starts()
    {
        var lead = Potential();

        var error = Assert.Throws<DomainException>(() => lead.ChangeServicePeriod(Today, Today.AddDays(-1), Anna));

        Assert.Equal(("ServiceTo", ErrorKeys.InvalidPeriod), (error.Field, error.MessageKey));
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#gggggg")]
    public void A_label_colour_is_a_hex_colour(string color)
    {
        var error = Assert.Throws<DomainException>(() => new Label("Website", color));

        Assert.Equal(ErrorKeys.InvalidColor, error.MessageKey);
    }

    [Fact]
    public void A_label_name_is_unique_ignoring_case()
    {
        var error = Assert.Throws<DomainException>(() => Label.EnsureUnique("website ", ["Website", "Branding"]));

        Assert.Equal(("Name", ErrorKeys.DuplicateName), (error.Field, error.MessageKey));
        Label.EnsureUnique("Webshop", ["Website"]);
    }
}
