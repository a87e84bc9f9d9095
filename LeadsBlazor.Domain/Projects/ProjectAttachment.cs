using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Projects;

/// <summary>A file attached to a project: its metadata; the bytes live in the attachment store under <see cref="StoredName"/>.</summary>
public sealed class ProjectAttachment
{
    private ProjectAttachment()
    {
        FileName = "";
        StoredName = "";
        ContentType = "";
        UserId = "";
    }

    internal ProjectAttachment(string fileName, string storedName, string contentType, long sizeBytes, Actor actor)
    {
        FileName = Text.Required(fileName, nameof(FileName), 255);
        StoredName = Text.Required(storedName, nameof(StoredName), 100);
        ContentType = Text.Required(contentType, nameof(ContentType), 200);
        SizeBytes = sizeBytes;
        UserId = actor.UserId;
        At = actor.At;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string FileName { get; private set; }

    public string StoredName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
