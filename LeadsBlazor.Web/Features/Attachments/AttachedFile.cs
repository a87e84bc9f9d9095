namespace LeadsBlazor.Web.Features.Attachments;

/// <summary>A file as <see cref="AttachmentPanel"/> lists it: the id it downloads by, its name, size and when it was attached.</summary>
public sealed record AttachedFile(int Id, string FileName, long SizeBytes, DateTimeOffset At);
