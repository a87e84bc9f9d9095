namespace LeadsBlazor.Tests.Support;

/// <summary>The repository's source folders, found from the test output by walking up to LeadsBlazor.sln.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string Web => Path.Combine(Root, "LeadsBlazor.Web");

    public static string Domain => Path.Combine(Root, "LeadsBlazor.Domain");

    /// <summary>The project's own .cs and .razor files, without build output.</summary>
    public static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(project, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(project, f)))
            .Order(StringComparer.Ordinal);

    /// <summary>A path relative to the repository, with forward slashes, as a failure message shows it.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0] is "bin" or "obj";

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LeadsBlazor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LeadsBlazor.sln not found above the test output.");
    }
}
