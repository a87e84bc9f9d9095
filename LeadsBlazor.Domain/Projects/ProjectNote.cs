using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Projects;

/// <summary>A plain-text note on a project, like a lead's: line breaks kept, never rendered as HTML.</summary>
public sealed class ProjectNote
{
    private ProjectNote()
    {
        Text = "";
        UserId = "";
    }

    internal ProjectNote(string text, Actor actor)
    {
        Text = Common.Text.Required(text, nameof(Text), Common.Text.LongTextMaxLength);
        UserId = actor.UserId;
        At = actor.At;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string Text { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
