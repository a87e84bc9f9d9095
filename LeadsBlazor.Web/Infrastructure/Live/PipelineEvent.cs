namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>Something that changed in the pipeline, published after the change is committed.</summary>
public abstract record PipelineEvent;

/// <summary>A lead was created or changed. Both responsible users are named, so a reassignment reaches the old and the new one.</summary>
public sealed record LeadChanged(int LeadId, string ResponsibleUserId, string? PreviousResponsibleUserId = null) : PipelineEvent;

/// <summary>The owner handed all open leads of one user to another at once: one event for the whole batch.</summary>
public sealed record LeadsReassigned(string FromUserId, string ToUserId) : PipelineEvent;

/// <summary>An import created or changed many leads at once (and maybe labels): every view reloads once.</summary>
public sealed record LeadsImported(int Created, int Updated) : PipelineEvent;

/// <summary>The stage list changed: names, probabilities, order, or a stage was deleted (its leads moved).</summary>
public sealed record StagesChanged : PipelineEvent;

/// <summary>A label was created, renamed, recoloured or deleted (a deletion took it off its leads too).</summary>
public sealed record LabelsChanged : PipelineEvent;

/// <summary>A new day began in the account's time zone: leads whose date it is are now due.</summary>
public sealed record DayChanged(DateOnly Today) : PipelineEvent;
