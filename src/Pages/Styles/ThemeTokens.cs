using System.Text.RegularExpressions;

namespace Portal.Pages.Styles;

/// <summary>
/// A theme's design tokens (CSS custom properties), each checked as a plain CSS value before any page or card carries
/// it: a theme file is configuration, but it lands inside the site's stylesheet and the card printer's &lt;style&gt;, so
/// a value may not close that element, load from another host or expand without bound.
/// </summary>
public sealed partial class ThemeTokens
{
    /// <summary>The NL Design System example theme is 208 KB with 2,780 tokens.</summary>
    public const long MaxFileBytes = 2_000_000;

    /// <summary>The longest value in the example theme is 82 characters, and 30 once its references are resolved.</summary>
    public const int MaxValueLength = 1_000;

    /// <summary>The example theme nests var() five deep.</summary>
    public const int MaxDepth = 10;

    private ThemeTokens(IReadOnlyDictionary<string, string> declared, IReadOnlyList<string> problems) => (_declared, Problems) = (declared, problems);

    private readonly IReadOnlyDictionary<string, string> _declared;

    private readonly Dictionary<string, (string Value, int Depth, string? Problem)> _resolved = new(StringComparer.Ordinal);

    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    /// <summary>What is wrong with the theme, one line each; empty when every token may be used.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Declared and usable: a token whose references go wrong is left out of every stylesheet.</summary>
    public bool Contains(string name) => _declared.ContainsKey(name) && Resolved(name).Problem is null;

    public int Count => _declared.Count;

    /// <summary>Reads and checks a tokens CSS file; only valid tokens are kept, and each problem names the token.</summary>
    public static ThemeTokens Read(string themeFile)
    {
        var problems = new List<string>();
        var name = Path.GetFileName(themeFile);
        if (new FileInfo(themeFile).Length > MaxFileBytes)
        {
            return new ThemeTokens(new Dictionary<string, string>(), [$"theme file '{name}' is {new FileInfo(themeFile).Length:N0} bytes; a theme has at most {MaxFileBytes:N0}"]);
        }

        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match declaration in TokenDeclaration().Matches(CssComment().Replace(File.ReadAllText(themeFile), "")))
        {
            var (token, value) = (declaration.Groups[1].Value, declaration.Groups[2].Value.Trim());
            if (ValueProblem(value) is { } problem)
            {
                problems.Add($"theme file '{name}', token {token}: {problem}");
            }
            else
            {
                declared[token] = value;
            }
        }

        var theme = new ThemeTokens(declared, problems);
        foreach (var token in declared.Keys)
        {
            if (theme.Resolved(token).Problem is { } problem)
            {
                problems.Add($"theme file '{name}', token {token}: {problem}");
            }
        }

        return theme;
    }

    /// <summary>A token's value with every var() it references replaced by that token's value (as declared when that goes wrong).</summary>
    public string Resolve(string name) => Resolved(name).Value;

    /// <summary>
    /// Each token resolved once, whoever asks first (a theme of a few thousand tokens nests a few deep), so no value is
    /// expanded twice; how deep its references nest is the token's own, whatever refers to it.
    /// </summary>
    private (string Value, int Depth, string? Problem) Resolved(string name)
    {
        if (_resolved.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_resolving.Add(name))
        {
            return (_declared[name], 0, "its var() references refer back to itself");
        }

        var (depth, problem) = (0, (string?)null);
        var value = TokenReference().Replace(_declared[name], m =>
        {
            if (problem is not null || !_declared.ContainsKey(m.Groups[1].Value))
            {
                return m.Value;
            }

            (var text, var inner, problem) = Resolved(m.Groups[1].Value);
            depth = Math.Max(depth, inner + 1);
            return text;
        });
        _resolving.Remove(name);
        problem ??= depth > MaxDepth ? $"its var() references nest {depth} deep; at most {MaxDepth}"
            : value.Length > MaxValueLength ? $"its var() references expand to more than {MaxValueLength:N0} characters" : null;
        return _resolved[name] = (problem is null ? value : _declared[name], depth, problem);
    }

    /// <summary>A CSS value: no markup, escapes or at-rules, and nothing loaded from elsewhere (data: URLs only).</summary>
    private static string? ValueProblem(string value)
    {
        if (value.Length > MaxValueLength)
        {
            return $"the value is {value.Length:N0} characters; a token value has at most {MaxValueLength:N0}";
        }

        if (value.IndexOfAny(['<', '>', '\\', '@']) is var at && at >= 0)
        {
            return $"'{value[at]}' is not part of a CSS value";
        }

        foreach (Match url in ExternalUrl().Matches(value))
        {
            return $"'{url.Value}' loads from another address; a theme may only use data: URLs";
        }

        return null;
    }

    /// <summary>var(--token) or var(--token, fallback) without nested parentheses in the fallback.</summary>
    [GeneratedRegex(@"var\(\s*(--[A-Za-z0-9_-]+)\s*(?:,[^()]*)?\)")]
    private static partial Regex TokenReference();

    [GeneratedRegex(@"(--[A-Za-z0-9_-]+)\s*:\s*([^;{}]+);")]
    private static partial Regex TokenDeclaration();

    /// <summary>url(…), image-set(…) or src(…) with anything but a data: URL.</summary>
    [GeneratedRegex(@"\b(?:url|src|image-set)\(\s*(?!['""]?\s*data:)[^)]*", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();
}
