namespace LeadsBlazor.Tests.Security;

/// <summary>
/// Tests that measure memory or compare timings run alone: other test classes running beside them on a 2-core
/// machine would move the working set or one side of a timing comparison.
/// </summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;
