using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Pages.Styles;

/// <summary>A composed stylesheet under its content-hashed address (cacheable for ever; the next change gets a new one).</summary>
public sealed record Stylesheet(string Href, string Text)
{
    public byte[] Bytes { get; } = Encoding.UTF8.GetBytes(Text);

    public static Stylesheet Named(string stem, string text) =>
        new($"/css/{stem}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8]}.css", text);
}

/// <summary>
/// The site's and the card's stylesheets, each one file: the theme's design tokens (only those used), the NL Design
/// System component CSS Portal vendors (wwwroot/css/nlds/components), and Portal's own layout on top, written in the
/// same tokens. Switching the theme file restyles the live site, the static site and the cards alike.
/// </summary>
public sealed partial class SiteStyles
{
    public const string SitePath = "/css/portal.css";

    /// <summary>The neutral example theme of the NL Design System (EUPL-1.2), vendored with its licence.</summary>
    public static string DefaultTheme(string webRoot) => Path.Combine(webRoot, "css", "nlds", "themes", "voorbeeld.css");
    public const string CardPath = "/css/card.css";

    private SiteStyles(Stylesheet site, Stylesheet card) => (Site, Card) = (site, card);

    public Stylesheet Site { get; }

    public Stylesheet Card { get; }

    public IEnumerable<Stylesheet> All => [Site, Card];

    /// <summary>The href of a stylesheet by its source name (<see cref="SitePath"/>, <see cref="CardPath"/>); other assets unchanged.</summary>
    public string Href(string path) => path switch
    {
        SitePath => Site.Href,
        CardPath => Card.Href,
        _ => path,
    };

    public Stylesheet? ByHref(string href) => All.FirstOrDefault(s => s.Href == href);

    /// <param name="webRoot">wwwroot: css/portal.css, css/card.css and css/nlds/components/*.css.</param>
    /// <param name="themeFile">A tokens CSS file: one rule (<c>.x-theme { --token: value; … }</c> or <c>:root</c>).</param>
    public static SiteStyles Compose(string webRoot, string themeFile)
    {
        var tokens = ThemeTokens.Read(themeFile);
        var components = string.Concat(Directory.GetFiles(Path.Combine(webRoot, "css", "nlds", "components"), "*.css")
            .Order(StringComparer.Ordinal)
            .Select(f => ComponentCss.Prune(File.ReadAllText(f)) + "\n"));
        var site = Minify(File.ReadAllText(Path.Combine(webRoot, "css", "portal.css")));
        var card = Minify(File.ReadAllText(Path.Combine(webRoot, "css", "card.css")));
        var notice = $"/* Portal. NL Design System components (@utrecht/*-css, EUPL-1.2) and the theme '{Path.GetFileNameWithoutExtension(themeFile)}'; licences in /css/nlds/licenses/. */\n";
        return new SiteStyles(
            Stylesheet.Named("portal", notice + Root(tokens, components + site) + components + site),
            Stylesheet.Named("card", notice + Root(tokens, card) + card));
    }

    /// <summary>Portal's own CSS without its comments and spare white space (the source keeps them for people).</summary>
    private static string Minify(string css)
    {
        var plain = Whitespace().Replace(CssComment().Replace(css, ""), " ");
        // Only where a space can never matter: around braces, semicolons and commas (not before ':', a descendant combinator).
        return SpaceAroundPunctuation().Replace(plain, "$1").Trim() + "\n";
    }

    /// <summary>What is wrong with a theme file, or null.</summary>
    public static string? ThemeProblem(string themeFile)
    {
        if (!File.Exists(themeFile))
        {
            return $"theme file '{themeFile}' not found";
        }

        var theme = ThemeTokens.Read(themeFile);
        return theme.Problems.Count > 0 ? string.Join("; ", theme.Problems.Take(5)) + (theme.Problems.Count > 5 ? $"; and {theme.Problems.Count - 5} more" : "")
            : theme.Count == 0 ? $"theme file '{themeFile}' defines no design tokens (CSS custom properties like --utrecht-link-color: #00f;)" : null;
    }

    /// <summary>
    /// The tokens the CSS uses, as one :root rule, each with its value resolved through the theme's other tokens (a
    /// theme holds thousands, most pointing at a few base tokens): the page carries the values it shows, nothing more.
    /// </summary>
    private static string Root(ThemeTokens tokens, string css)
    {
        var used = new SortedSet<string>(VarReference().Matches(css).Select(m => m.Groups[1].Value).Where(tokens.Contains), StringComparer.Ordinal);
        return ":root{" + string.Concat(used.Select(n => $"{n}:{tokens.Resolve(n)};")) + "}\n";
    }

    [GeneratedRegex(@"var\(\s*(--[A-Za-z0-9_-]+)")]
    private static partial Regex VarReference();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([{};,])\s*")]
    private static partial Regex SpaceAroundPunctuation();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();
}
