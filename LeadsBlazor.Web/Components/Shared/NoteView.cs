namespace LeadsBlazor.Web.Components.Shared;

/// <summary>A note as <see cref="NotesPanel"/> shows it: its text, its author's name and when it was written.</summary>
public sealed record NoteView(string Text, string UserName, DateTimeOffset At);
