using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Excel;

namespace LeadsBlazor.Tests.Components;

/// <summary>Every message a domain error carries, and every text key the code uses, can be shown in German and in English.</summary>
public sealed partial class ResourceTests
{
    private static readonly ResourceManager Texts = new("LeadsBlazor.Web.Resources.SharedResource", typeof(LeadsBlazor.Web.SharedResource).Assembly);

    public static TheoryData<string> MessageKeys() =>
        [.. typeof(ErrorKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Theory]
    [MemberData(nameof(MessageKeys))]
    public void Each_domain_error_has_a_German_and_a_different_English_text(string key)
    {
        var german = Texts.GetString(key, CultureInfo.GetCultureInfo("de-DE"));
        var english = Texts.GetString(key, CultureInfo.GetCultureInfo("en-US"));

        Assert.False(string.IsNullOrWhiteSpace(german), $"{key} has no German text");
        Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has no English text");
        Assert.NotEqual(german, english);
    }

    [Fact]
    public void The_English_texts_cover_every_German_one()
    {
        var german = Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
        var english = Texts.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

        Assert.Empty(german.Except(english));
    }

    /// <summary>
    /// Every text key in the code of LeadsBlazor.Web exists in both languages. The scan (<see cref="TextKeyScanner"/>,
    /// comments removed) reads:
    /// <list type="bullet">
    /// <item>the first argument of <c>T[…]</c>, <c>text[…]</c>, <c>Text[…]</c> and <c>Localizer[…]</c>: every literal in it
    /// (both sides of a ternary), a constant named there (<c>T[AttachmentStore.TooLarge]</c>), and a literal ending in a dot
    /// (<c>text["Mud." + key]</c>) as a prefix;</item>
    /// <item>every other literal shaped like a key whose first segment is one the resources use ("SettingsLog.StageAdded",
    /// "Import.NotADate", "Settings.Stages.Title", constants such as ErrorKeys): the keys that helpers pass on;</item>
    /// <item>interpolated keys, in an indexer or, with a known first segment, anywhere (<c>$"Sheet.{column}"</c>).</item>
    /// </list>
    /// An interpolated key's holes are resolved where <see cref="ResolvedHoles"/> knows the values (the enum names
    /// behind "Status.", "Close.Title.", "Import.Action.", "Sheet.", "History." and the field names behind "Field.");
    /// any other interpolated key needs at least one key with its fixed start. Keys that exist only as data (a
    /// settings-log entry's stored key) cannot be seen here.
    /// </summary>
    [Fact]
    public void Every_text_key_the_code_uses_exists_in_German_and_in_English()
    {
        var german = KeysOf(CultureInfo.InvariantCulture);
        var english = KeysOf(CultureInfo.GetCultureInfo("en"));
        var segments = german.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var files = SourceTree.SourceFiles(SourceTree.Web).Select(f => (Path: SourceTree.Relative(f), Source: File.ReadAllText(f))).ToList();
        var constants = files.Concat(SourceTree.SourceFiles(SourceTree.Domain).Select(f => (Path: SourceTree.Relative(f), Source: File.ReadAllText(f))))
            .SelectMany(f => TextKeyScanner.Constants(f.Path, f.Source)).ToList();
        var uses = files.SelectMany(f => TextKeyScanner.Scan(f.Path, f.Source, segments, constants)).ToList();

        // A scan that finds next to nothing has lost its way (wrong folder, broken pattern), and would pass for that.
        Assert.True(uses.Count(u => !u.IsPrefix) > 300, $"Only {uses.Count} key uses found under {SourceTree.Web}.");
        var prefixes = uses.Where(u => u.IsPrefix).Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        Assert.All(ResolvedHoles.Keys, prefix => Assert.True(prefixes.Contains(prefix), $"No code builds \"{prefix}{{…}}\" any more: drop it from {nameof(ResolvedHoles)}."));

        var missing = new StringBuilder();
        foreach (var (language, keys) in new[] { ("German (SharedResource.resx)", german), ("English (SharedResource.en.resx)", english) })
        {
            var gaps = uses.SelectMany(use => MissingKeys(use, keys).Select(key => $"  {key}  ({use.Where})")).Distinct().Order(StringComparer.Ordinal).ToList();
            if (gaps.Count > 0)
            {
                missing.AppendLine(CultureInfo.InvariantCulture, $"Missing in {language}:").AppendLine(string.Join(Environment.NewLine, gaps));
            }
        }

        Assert.True(missing.Length == 0, missing.ToString());
    }

    [Fact]
    public void The_key_scan_reads_each_form_it_claims_to()
    {
        const string source = """
            /// <see cref="Lead.IsDue"/> is a comment, and so is // T["Comment.Line"]
            /* T["Comment.Block"] */
            @* <p>@T["Comment.Razor"]</p> *@
            <p title="https://example.com/x">@T["Razor.Text", count]</p>
            <MudChip Color="Color.Primary">@T[$"Status.{lead.Status}"]</MudChip>
            <MudTabPanel Text="@($"{T[$"Close.Title.{Outcome}"]} ({counts[status]})")" />
            @code {
                public const string TooLarge = "Attachment.TooLarge";
                var a = text[confirm ? "Label.DeleteConfirm" : "Label.Delete"];
                var b = Text[Holder.TooLarge, limit];
                var c = Localizer["Mud." + key];
                var quote = '"'; var url = "http://not.a.comment";
                Log(db, "SettingsLog.StageAdded", "Stage.Name is not a key: Stage is known, but not this shape");
                var d = $"Sheet.{column}";
                var e = "Unknown.Area";
                var f = $"Data.{x}";
            }
            """;
        var known = new HashSet<string>(["Status", "Close", "SettingsLog", "Sheet", "Lead", "Comment"], StringComparer.Ordinal);
        var constants = TextKeyScanner.Constants("Holder.razor", source.Replace("@code {", "class Holder {", StringComparison.Ordinal)).ToList();

        var uses = TextKeyScanner.Scan("X.razor", source, known, constants);

        Assert.Equal(
            [
                "Attachment.TooLarge@10", "Close.Title.…@6", "Label.Delete@9", "Label.DeleteConfirm@9", "Mud.…@11",
                "Razor.Text@4", "SettingsLog.StageAdded@13", "Sheet.…@14", "Status.…@5",
            ],
            uses.Select(u => $"{u.Key}{(u.IsPrefix ? "…" : "")}@{u.Line}").Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The values an interpolated key's hole takes, by the key's fixed start, as the code that builds it allows them.
    /// </summary>
    private static readonly Dictionary<string, Func<IEnumerable<string>>> ResolvedHoles = new(StringComparer.Ordinal)
    {
        // $"Status.{status}": every status is shown somewhere (tabs, chips, export, history).
        ["Status."] = Enum.GetNames<LeadStatus>,
        // CloseLeadDialog's $"Close.Title.{Outcome}": the dialog closes a lead, so only the closed statuses.
        ["Close.Title."] = () => Enum.GetValues<LeadStatus>().Where(s => s.IsClosed()).Select(s => s.ToString()),
        // ImportPage's $"Import.Action.{context.Action}".
        ["Import.Action."] = Enum.GetNames<ImportAction>,
        // LeadSheet.HeaderKeyOf: $"Sheet.{column}".
        ["Sheet."] = Enum.GetNames<LeadColumn>,
        // LeadHistory's $"History.{entry.Kind}": the kinds it does not describe as "History.Changed".
        ["History."] = () => Enum.GetValues<LeadEventKind>()
            .Except([LeadEventKind.FieldChanged, LeadEventKind.StatusChanged, LeadEventKind.StageChanged, LeadEventKind.ResponsibleChanged])
            .Select(k => k.ToString()),
        // LeadHistory's $"Field.{entry.Field}" for those four kinds: the fields Lead records them for.
        ["Field."] = RecordedFields,
    };

    // The field names (nameof) that Lead.cs records in change events, read from its source so that a new one is checked too.
    private static IEnumerable<string> RecordedFields()
    {
        var source = File.ReadAllText(Path.Combine(SourceTree.Domain, "Leads", "Lead.cs"));
        var fields = RecordedField().Matches(source).Select(m => m.Groups["field"].Value).Distinct().ToList();
        Assert.True(fields.Count >= 10, $"Found only {fields.Count} recorded fields in Lead.cs: has the way it records changes moved?");
        return fields;
    }

    [GeneratedRegex(@"(?:Record\(LeadEventKind\.(?:FieldChanged|StatusChanged|StageChanged|ResponsibleChanged),\s*|SetField\()nameof\((?<field>\w+)\)")]
    private static partial Regex RecordedField();

    private static IEnumerable<string> MissingKeys(TextKeyUse use, IReadOnlySet<string> keys)
    {
        if (!use.IsPrefix)
        {
            return keys.Contains(use.Key) ? [] : [use.Key];
        }

        if (ResolvedHoles.TryGetValue(use.Key, out var values))
        {
            return values().Select(v => use.Key + v).Where(k => !keys.Contains(k));
        }

        return keys.Any(k => k.StartsWith(use.Key, StringComparison.Ordinal)) ? [] : [use.Key + "…"];
    }

    // One language's own keys, without falling back to the other, each with a text.
    private static HashSet<string> KeysOf(CultureInfo culture) =>
        Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .Where(e => !string.IsNullOrWhiteSpace(e.Value as string))
            .Select(e => (string)e.Key)
            .ToHashSet(StringComparer.Ordinal);
}
