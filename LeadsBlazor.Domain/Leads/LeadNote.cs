using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Leads;

/// <summary>A plain-text note on a lead; line breaks are kept and it is never rendered as HTML.</summary>
public sealed class LeadNote
{
    private LeadNote()
    {
        Text = "";
        UserId = "";
    }

    internal LeadNote(string text, Actor actor)
    {
        Text = Common.Text.Required(text, nameof(Text), Common.Text.LongTextMaxLength);
        UserId = actor.UserId;
        At = actor.At;
    }

    public int Id { get; private set; }

    public int LeadId { get; private set; }

    public string Text { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
