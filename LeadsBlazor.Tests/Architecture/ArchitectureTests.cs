using System.Xml.Linq;
using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace LeadsBlazor.Tests.Architecture;

/// <summary>
/// The dependency rules the code keeps: a domain without dependencies, features without cycles, and
/// components that reach the database only through queries and commands.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly DomainAssembly = typeof(Lead).Assembly;
    private static readonly System.Reflection.Assembly WebAssembly = typeof(Program).Assembly;

    // Loading reads both assemblies' IL once (a few seconds); every rule checks the same model. ArchUnitNET folds
    // compiler-generated types (lambda closures such as <>c, async state machines) into the methods that use
    // them, so what a component's lambdas and async methods touch counts as the component's own dependency.
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Code =
        new(() => new ArchLoader().LoadAssemblies(DomainAssembly, WebAssembly).Build());

    [Fact]
    public void The_domain_project_references_no_project_and_no_package()
    {
        var project = XDocument.Load(Path.Combine(SourceTree.Domain, "LeadsBlazor.Domain.csproj"));
        // What Directory.Build.props or a central GlobalPackageReference adds reaches the domain too.
        var shared = new[] { "Directory.Build.props", "Directory.Packages.props" }
            .Select(f => Path.Combine(SourceTree.Root, f)).Where(File.Exists).Select(f => XDocument.Load(f));

        var references = project.Descendants().Concat(shared.SelectMany(d => d.Descendants()))
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "GlobalPackageReference" or "FrameworkReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}");

        Assert.Empty(references);
    }

    [Fact]
    public void The_domain_assembly_references_only_the_base_library()
    {
        var references = DomainAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name is "System" or "netstandard" or "mscorlib" or "Microsoft.CSharp" || name.StartsWith("System.", StringComparison.Ordinal),
            $"LeadsBlazor.Domain references {name}."));
    }

    [Fact]
    public void The_domain_types_depend_on_nothing_of_the_web_project()
    {
        Types().That().ResideInAssembly(DomainAssembly)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(WebAssembly))
            .Check(Code.Value);
    }

    [Fact]
    public void The_features_are_free_of_cycles()
    {
        // One slice per top-level feature (Board, Leads, LeadViews, Labels, Excel, Reminders, Settings, …), its
        // sub-namespaces included. Not Matching("LeadsBlazor.Web.Features.(*).."): in ArchUnitNET 0.13 that makes
        // every sub-namespace a slice of its own (Settings.Stages apart from Settings), unlike ArchUnit's (*)..,
        // and "(**).." drops the types of the top-level namespace itself.
        var slices = new SliceRuleCreator();
        slices.SetSliceAssignment(new SliceAssignment(TopLevelFeature, "by top-level feature under LeadsBlazor.Web.Features"));

        // Free of cycles only counts if the slices see the dependencies between features at all.
        Assert.Contains(Code.Value.Types.Where(t => TopLevelFeature(t).Identifier == "Board").SelectMany(t => t.GetTypeDependencies()),
            t => TopLevelFeature(t).Identifier == "LeadViews");
        new GivenSlices(slices).Should().BeFreeOfCycles().Check(Code.Value);
    }

    [Fact]
    public void The_areas_within_a_feature_are_free_of_cycles_too()
    {
        // Settings.Stages, Settings.Users … share Settings.Shared (shell, log, owner check) and are registered by
        // Settings itself: one slice per namespace keeps those arrows pointing one way.
        var slices = new SliceRuleCreator();
        slices.SetSliceAssignment(new SliceAssignment(FeatureNamespace, "by namespace under LeadsBlazor.Web.Features"));

        Assert.Contains(Code.Value.Types.Where(t => FeatureNamespace(t).Identifier == "Settings.Stages").SelectMany(t => t.GetTypeDependencies()),
            t => FeatureNamespace(t).Identifier == "Settings.Shared");
        new GivenSlices(slices).Should().BeFreeOfCycles().Check(Code.Value);
    }

    [Fact]
    public void The_feature_slices_cover_every_feature_folder()
    {
        // A rule over slices that match nothing would pass for that: every feature folder must show up as a slice.
        var folders = Directory.EnumerateDirectories(Path.Combine(SourceTree.Web, "Features")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        var namespaces = WebAssembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("LeadsBlazor.Web.Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(folders, namespaces);
    }

    [Fact]
    public void No_component_depends_on_the_database_context()
    {
        var components = ComponentNames(WebAssembly);
        Assert.True(components.Count > 50, $"Only {components.Count} components found.");
        Assert.Equal(components.Count, Code.Value.Types.Count(t => components.Contains(t.FullName)));

        NoDatabaseInComponents(components).Check(Code.Value);
    }

    [Fact]
    public void The_component_rule_sees_the_database_in_lambdas_and_async_methods()
    {
        var fixtures = typeof(Fixtures.NoDatabase);
        var architecture = new ArchLoader().LoadNamespacesWithinAssembly(fixtures.Assembly, fixtures.Namespace!).Build();
        var components = ComponentNames(fixtures.Assembly, fixtures.Namespace);

        var failing = NoDatabaseInComponents(components).Evaluate(architecture)
            .Where(r => !r.Passed).Select(r => ((IType)r.EvaluatedObject).Name).Order(StringComparer.Ordinal);

        Assert.Equal([nameof(Fixtures.DatabaseInAsyncMethod), nameof(Fixtures.DatabaseInRenderLambda), nameof(Fixtures.DatabaseInjected)], failing);
    }

    private static SliceIdentifier FeatureNamespace(IType type)
    {
        const string features = "LeadsBlazor.Web.Features.";
        var name = type.Namespace.FullName;
        return name.StartsWith(features, StringComparison.Ordinal) ? SliceIdentifier.Of(name[features.Length..]) : SliceIdentifier.Ignore();
    }

    private static SliceIdentifier TopLevelFeature(IType type)
    {
        const string features = "LeadsBlazor.Web.Features.";
        var name = type.Namespace.FullName;
        return name.StartsWith(features, StringComparison.Ordinal)
            ? SliceIdentifier.Of(name[features.Length..].Split('.')[0])
            : SliceIdentifier.Ignore();
    }

    // Reflection finds the components by their real base chain (LayoutComponentBase, ErrorBoundaryBase,
    // MudComponentBase and code-behind partials included), which ArchUnitNET cannot follow into framework
    // assemblies it has not loaded. Compiler-generated nested types are no components: ArchUnitNET counts
    // what they do to the component whose method uses them.
    private static HashSet<string> ComponentNames(System.Reflection.Assembly assembly, string? inNamespace = null) =>
        assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => inNamespace is null || t.Namespace == inNamespace)
            .Select(t => t.FullName!.Replace('+', '/'))
            .ToHashSet(StringComparer.Ordinal);

    private static IArchRule NoDatabaseInComponents(IReadOnlySet<string> components) =>
        Types().That().FollowCustomPredicate(t => components.Contains(t.FullName), "are Razor components")
            .Should().NotDependOnAny(typeof(DbContext), typeof(LeadsDbContext), typeof(IDbContextFactory<>))
            .Because("components read and write through the features' queries and commands (Identity pages through UserManager and SignInManager)");
}
