using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.CardPrinting;
using Portal.Application.StaticSite;
using Portal.Cards;
using Portal.Pages;
using Portal.Pages.Styles;
using Portal.Tests.Web;
using Portal.Web.Cli;

namespace Portal.Tests.Theming;

/// <summary>
/// The house style is configuration: a tokens file restyles the live site, the static site and the cards. The second
/// theme here is the example theme with a green brand colour put over its violet.
/// </summary>
public sealed class ThemeTests(PortalFactory standardPortal) : IClassFixture<PortalFactory>, IDisposable
{
    private const string Green = "#0b6b3a";
    private readonly string _scratch = Directory.CreateTempSubdirectory("portal-theme-").FullName;

    private static string WebRoot => Path.Combine(TestContent.RepositoryRoot, "wwwroot");

    private string GreenTheme()
    {
        var file = Path.Combine(_scratch, "groen.css");
        File.WriteAllText(file, File.ReadAllText(SiteStyles.DefaultTheme(WebRoot)) + $"\n.groen-theme {{ --voorbeeld-kleuren-violet-500: {Green}; }}\n");
        return file;
    }

    [Fact]
    public async Task The_live_site_links_one_hashed_stylesheet_with_the_themes_colours_and_serves_it_for_ever()
    {
        using var standard = new PortalFactory();
        using var green = new PortalFactory { Settings = new Dictionary<string, string> { ["Portal:Theme"] = GreenTheme() } };
        var (standardCss, standardHref) = await StylesheetAsync(standard);
        var (greenCss, greenHref) = await StylesheetAsync(green);

        Assert.NotEqual(standardHref, greenHref);
        Assert.Matches(@"^/css/portal\.[0-9a-f]{8}\.css$", greenHref);
        Assert.Contains($"--utrecht-button-primary-action-background-color:{Green}", greenCss);
        Assert.DoesNotContain(Green, standardCss);
        // Only the tokens the pages use, with their values resolved: not the theme's thousands.
        Assert.True(Regex.Matches(greenCss, "--[a-z0-9-]+:").Count < 600, "the stylesheet carries the whole theme");
        Assert.DoesNotContain("--lux-", greenCss);

        var response = await green.CreateClient().GetAsync(greenHref);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await green.CreateClient().GetAsync("/css/portal.00000000.css")).StatusCode);
    }

    [Fact]
    public async Task The_static_site_and_the_cards_wear_the_same_theme()
    {
        await using var services = TestPortal.Services(TestContent.RepositoryContent, new Dictionary<string, string?> { ["Portal:Theme"] = GreenTheme() });
        var data = TestPortal.Load(TestContent.RepositoryContent);
        var styles = services.GetRequiredService<SiteStyles>();

        var folder = Path.Combine(_scratch, "site");
        await new StaticSiteExporter(services.GetRequiredService<PageRenderer>(), TimeProvider.System).ExportAsync(
            new StaticExportInput(data, WebRoot, new Uri("https://noodsteunpunt.example/"), Styles: styles),
            new StaticExportOptions(folder, null, null), TextWriter.Null);
        var home = await File.ReadAllTextAsync(Path.Combine(folder, "index.html"));
        var href = Regex.Match(home, @"href=""(css/portal\.[0-9a-f]{8}\.css)""").Groups[1].Value;
        Assert.Equal(styles.Site.Href.TrimStart('/'), href);
        Assert.Contains($"--utrecht-button-primary-action-background-color:{Green}", await File.ReadAllTextAsync(Path.Combine(folder, href)));

        var documents = services.GetRequiredService<CardDocuments>();
        var html = await documents.PrintHtmlAsync([documents.Card(data, data.Places.Buurten[0], data.Cultures.Default, CardSize.A6)]);
        Assert.Contains($"--utrecht-button-primary-action-background-color:{Green}", html);
        Assert.Contains("background: var(--mk-brand)", html);
        // Chromium prints the card on the server: the document itself forbids scripts and loads from anywhere.
        var policy = new HtmlParser().ParseDocument(html).QuerySelector("head > meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.StartsWith("default-src 'none';", policy);
        Assert.DoesNotContain("script-src", policy);
    }

    [Fact]
    public async Task A_hostile_theme_stops_the_start_with_the_token_it_names_and_nothing_is_composed()
    {
        var doubling = string.Concat(Enumerable.Range(1, 21).Select(i => $"--d{i}: var(--d{i - 1}) var(--d{i - 1});"));
        var cases = new[]
        {
            ("script.css", ".t { --mk-brand: red</style><script>document.title='x'</script><style>; }", "--mk-brand: '<' is not part of a CSS value"),
            ("tracker.css", ".t { --mk-brand: url(https://tracker.example/pixel.png); }", "loads from another address"),
            ("doubling.css", $".t {{ --d0: 0123456789; {doubling} }}", "--d7: its var() references expand to more than 1,000 characters"),
            ("loop.css", ".t { --a: var(--b); --b: var(--a); }", "refer back to itself"),
            ("huge.css", ".t { --x: red; }" + new string(' ', 3_000_000), "a theme has at most 2,000,000"),
        };
        foreach (var (name, css, message) in cases)
        {
            var theme = Path.Combine(_scratch, name);
            await File.WriteAllTextAsync(theme, css);
            var error = new StringWriter();
            var exit = await PortalCommandLine.RunAsync(["check-data", $"--Portal:Theme={theme}", "--content", TestContent.RepositoryContent], TextWriter.Null, error);
            Assert.Equal(2, exit);
            Assert.Contains("Portal:Theme", error.ToString());
            Assert.Contains(message, error.ToString());

            // Composed anyway (a file swapped after the check), no stylesheet carries what was refused.
            var card = SiteStyles.Compose(WebRoot, theme).Card.Text;
            Assert.DoesNotContain("<", card);
            Assert.DoesNotContain("tracker.example", card);
            Assert.True(card.Length < 100_000, $"{name}: the card stylesheet is {card.Length:N0} characters");
        }
    }

    [Fact]
    public async Task A_theme_file_that_is_missing_or_holds_no_tokens_stops_the_start_with_its_name()
    {
        var empty = Path.Combine(_scratch, "leeg.css");
        await File.WriteAllTextAsync(empty, "body { color: red; }");
        foreach (var (theme, message) in new[] { (Path.Combine(_scratch, "bestaat-niet.css"), "not found"), (empty, "defines no design tokens") })
        {
            var error = new StringWriter();
            var exit = await PortalCommandLine.RunAsync(["check-data", $"--Portal:Theme={theme}", "--content", TestContent.RepositoryContent], TextWriter.Null, error);
            Assert.Equal(2, exit);
            Assert.Contains("Portal:Theme", error.ToString());
            Assert.Contains(message, error.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(ResidentPageTests.EveryPageType), MemberType = typeof(ResidentPageTests))]
    public async Task Every_NL_Design_System_class_a_page_uses_is_kept_in_the_stylesheet(string path)
    {
        var client = standardPortal.CreateClient();
        foreach (var prefix in new[] { "", "/ar" })
        {
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync(prefix + path));
            var used = document.All.SelectMany(e => e.ClassList).Where(c => c.StartsWith("utrecht-", StringComparison.Ordinal)).Distinct();
            Assert.All(used, c => Assert.Contains(c, ComponentCss.UsedClasses));
        }
    }

    private static async Task<(string Css, string Href)> StylesheetAsync(PortalFactory portal)
    {
        var client = portal.CreateClient();
        var html = await client.GetStringAsync("/");
        var href = Regex.Match(html, @"<link rel=""stylesheet"" href=""([^""]+)""").Groups[1].Value;
        return (await client.GetStringAsync(href), href);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
