using System.Text;
using System.Text.RegularExpressions;

namespace LeadsBlazor.Tests.Support;

/// <summary>A text key the code uses, or the fixed start of an interpolated key (<see cref="IsPrefix"/>), and where.</summary>
public sealed record TextKeyUse(string Key, bool IsPrefix, string File, int Line)
{
    public string Where => $"{File}:{Line}";
}

/// <summary>A <c>const string</c> of the code: its type, name and value.</summary>
public sealed record StringConstant(string File, string Type, string Name, string Value);

/// <summary>
/// Reads text keys out of C# and Razor source without compiling it, comments removed. The forms it reads are
/// listed on <see cref="LeadsBlazor.Tests.Components.ResourceTests"/>; what it cannot see (a key computed at
/// run time from data, such as a settings-log entry's stored key) it leaves alone.
/// </summary>
public static partial class TextKeyScanner
{
    /// <summary>The text keys used in one file.</summary>
    /// <param name="knownSegments">The first segments of the resource keys ("Status", "SettingsLog", …): a key-shaped literal outside a localizer counts as a key only when it starts with one of them.</param>
    /// <param name="constants">The string constants of the code, to resolve <c>T[AttachmentStore.TooLarge]</c>.</param>
    public static IReadOnlyList<TextKeyUse> Scan(string file, string source, IReadOnlySet<string> knownSegments, IReadOnlyList<StringConstant> constants)
    {
        var code = WithoutComments(source);
        var lines = new LineIndex(code);
        var uses = new List<TextKeyUse>();

        // 1. The first argument of a localizer indexer: T["Key", …], text[cond ? "A" : "B"], T[$"Status.{s}"], T[SomeType.SomeKey].
        foreach (Match indexer in LocalizerIndexer().Matches(code))
        {
            var start = indexer.Index + indexer.Length;
            var argument = code[start..FirstArgumentEnd(code, start)];
            var line = lines.LineOf(start);
            var literals = StringLiterals(argument).ToList();
            foreach (var (text, interpolated) in literals)
            {
                if (interpolated)
                {
                    uses.Add(new TextKeyUse(InterpolationPrefix(text), IsPrefix: true, file, line));
                }
                else
                {
                    // "Mud." + key: a literal that ends in a dot starts a composed key.
                    uses.Add(new TextKeyUse(text, IsPrefix: text.EndsWith('.'), file, line));
                }
            }

            if (literals.Count == 0 && ConstantReference().Match(argument.Trim()) is { Success: true } reference)
            {
                var type = reference.Groups["type"].Success ? reference.Groups["type"].Value : null;
                var name = reference.Groups["name"].Value;
                uses.AddRange(Resolve(constants, file, type, name).Select(c => new TextKeyUse(c.Value, IsPrefix: false, file, line)));
            }
        }

        // 2. Any other literal shaped like a key of a known area: keys handed to helpers (Log(db, "SettingsLog.StageAdded"),
        //    Fail(column, "Import.NotADate")), kept in tables (a settings tab's TitleKey) or in constants.
        foreach (Match literal in KeyShapedLiteral().Matches(code))
        {
            var key = literal.Groups["key"].Value;
            if (knownSegments.Contains(key[..key.IndexOf('.', StringComparison.Ordinal)]))
            {
                uses.Add(new TextKeyUse(key, IsPrefix: false, file, lines.LineOf(literal.Index)));
            }
        }

        // 3. Interpolated keys of a known area outside an indexer: HeaderKeyOf(column) => $"Sheet.{column}".
        foreach (Match interpolation in KeyShapedInterpolation().Matches(code))
        {
            var prefix = interpolation.Groups["prefix"].Value;
            if (knownSegments.Contains(prefix[..prefix.IndexOf('.', StringComparison.Ordinal)]))
            {
                uses.Add(new TextKeyUse(prefix, IsPrefix: true, file, lines.LineOf(interpolation.Index)));
            }
        }

        return [.. uses.Distinct()];
    }

    /// <summary>The <c>const string</c> declarations of one file, each with the type declared last before it.</summary>
    public static IEnumerable<StringConstant> Constants(string file, string source)
    {
        var code = WithoutComments(source);
        var types = TypeDeclaration().Matches(code).ToList();
        foreach (Match constant in ConstDeclaration().Matches(code))
        {
            var type = types.LastOrDefault(t => t.Index < constant.Index)?.Groups["type"].Value ?? Path.GetFileNameWithoutExtension(file);
            yield return new StringConstant(file, type, constant.Groups["name"].Value, constant.Groups["value"].Value);
        }
    }

    // SomeType.SomeKey resolves within that type; a bare SomeKey within the same file, else wherever the name is unique.
    private static IEnumerable<StringConstant> Resolve(IReadOnlyList<StringConstant> constants, string file, string? type, string name)
    {
        var named = constants.Where(c => c.Name == name).ToList();
        if (type is not null)
        {
            return named.Where(c => c.Type == type);
        }

        var local = named.Where(c => c.File == file).ToList();
        return local.Count > 0 ? local : named.Count == 1 ? named : [];
    }

    /// <summary>The source with every comment (//, /* */, @* *@) blanked out; strings, line breaks and positions kept.</summary>
    public static string WithoutComments(string source)
    {
        var result = new StringBuilder(source);
        var i = 0;
        Code(source, result, ref i, inHole: false);
        return result.ToString();
    }

    // Walks code up to the end, or up to the '}' that closes the interpolation hole it was called for.
    private static void Code(string s, StringBuilder? result, ref int i, bool inHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                i = Blank(s, result, i, s.IndexOf('\n', i) is var end and >= 0 ? end : s.Length);
            }
            else if ((c == '/' && next == '*') || (c == '@' && next == '*'))
            {
                var close = s.IndexOf(c == '/' ? "*/" : "*@", i + 2, StringComparison.Ordinal);
                i = Blank(s, result, i, close < 0 ? s.Length : close + 2);
            }
            else if (c == '"')
            {
                var (interpolated, verbatim) = KindOf(s, i);
                i = SkipString(s, result, i, interpolated, verbatim);
            }
            else if (c == '\'' && CharLiteralLength(s, i) is > 0 and var length)
            {
                i += length;
            }
            else
            {
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && depth-- == 0 && inHole)
                {
                    return;
                }

                i++;
            }
        }
    }

    // From the opening quote to just after the closing one; interpolation holes are code (with their own strings and comments).
    private static int SkipString(string s, StringBuilder? result, int i, bool interpolated, bool verbatim)
    {
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (!verbatim && c == '\\')
            {
                i += 2;
            }
            else if (c == '"' && verbatim && i + 1 < s.Length && s[i + 1] == '"')
            {
                i += 2;
            }
            else if (c == '"')
            {
                return i + 1;
            }
            else if (interpolated && c == '{' && i + 1 < s.Length && s[i + 1] == '{')
            {
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                i++;
                Code(s, result, ref i, inHole: true);
                i++;
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    // $"…", @"…", $@"…" or @$"…", from the characters before the opening quote.
    private static (bool Interpolated, bool Verbatim) KindOf(string s, int quote)
    {
        var before = quote > 0 ? s[quote - 1] : '\0';
        var twoBefore = quote > 1 ? s[quote - 2] : '\0';
        return (before == '$' || (before == '@' && twoBefore == '$'), before == '@' || (before == '$' && twoBefore == '@'));
    }

    // 'x' or '\x' (e.g. '"'); an apostrophe in Razor markup text is not a character literal.
    private static int CharLiteralLength(string s, int i) =>
        i + 2 < s.Length && s[i + 1] != '\\' && s[i + 2] == '\'' ? 3
        : i + 3 < s.Length && s[i + 1] == '\\' && s[i + 3] == '\'' ? 4
        : 0;

    private static int Blank(string s, StringBuilder? result, int from, int to)
    {
        for (var j = from; result is not null && j < to; j++)
        {
            if (s[j] is not ('\n' or '\r'))
            {
                result[j] = ' ';
            }
        }

        return to;
    }

    // Where the indexer's first argument ends: the first ',' or ']' outside brackets and strings.
    private static int FirstArgumentEnd(string code, int start)
    {
        var depth = 0;
        for (var i = start; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    var (interpolated, verbatim) = KindOf(code, i);
                    i = SkipString(code, null, i, interpolated, verbatim) - 1;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or '}':
                    depth--;
                    break;
                case ']' when depth == 0:
                    return i;
                case ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return code.Length;
    }

    // The string literals of an expression, in order, with whether each is interpolated (its text then still holds the holes).
    private static IEnumerable<(string Text, bool Interpolated)> StringLiterals(string expression)
    {
        for (var i = 0; i < expression.Length; i++)
        {
            if (expression[i] != '"')
            {
                continue;
            }

            var (interpolated, verbatim) = KindOf(expression, i);
            var end = SkipString(expression, null, i, interpolated, verbatim);
            yield return (expression[(i + 1)..Math.Max(i + 1, end - 1)], interpolated);
            i = end - 1;
        }
    }

    private static string InterpolationPrefix(string text)
    {
        var hole = text.IndexOf('{', StringComparison.Ordinal);
        return hole < 0 ? text : text[..hole];
    }

    [GeneratedRegex(@"(?<![\w.])(?:T|text|Text|Localizer)\[")]
    private static partial Regex LocalizerIndexer();

    [GeneratedRegex(@"^(?:(?<type>[A-Z]\w*)\.)?(?<name>[A-Z]\w*)$")]
    private static partial Regex ConstantReference();

    [GeneratedRegex(@"(?<![$@\w])""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex KeyShapedLiteral();

    [GeneratedRegex(@"\$""(?<prefix>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\.)\{")]
    private static partial Regex KeyShapedInterpolation();

    [GeneratedRegex(@"\bconst\s+string\s+(?<name>\w+)\s*=\s*""(?<value>[^""\\]*)""\s*;")]
    private static partial Regex ConstDeclaration();

    [GeneratedRegex(@"\b(?:class|record|struct|interface)\s+(?<type>\w+)")]
    private static partial Regex TypeDeclaration();

    /// <summary>Line numbers (1-based) by position.</summary>
    private sealed class LineIndex(string text)
    {
        private readonly int[] _starts = [0, .. text.Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1)];

        public int LineOf(int position)
        {
            var index = Array.BinarySearch(_starts, position);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
