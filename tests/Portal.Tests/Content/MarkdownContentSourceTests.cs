using Portal.Content.Cultures;
using Portal.Content.Markdown;
using Portal.Content.Model;
using Portal.Content.Validation;
using Portal.Places.Catalog;

namespace Portal.Tests.Content;

public class MarkdownContentSourceTests
{
    private static readonly CultureSet AllLanguages = new(["nl", "en", "ar", "tr", "pl", "uk"]);

    [Fact]
    public void Every_page_exists_in_all_six_languages()
    {
        var (content, problems) = LoadContent(TestContent.RepositoryContent, AllLanguages);

        Assert.Empty(problems);
        string[] expected = ["drinkwater", "elkaar-helpen", "home", "noodpakket", "noodplan", "noodsteunpunt", "privacy", "stroomuitval", "toegankelijkheid"];
        foreach (var culture in AllLanguages.All)
        {
            Assert.Equal(expected, content!.For(culture).Pages.Select(p => p.Key).Order());
        }

        var water = content!.For(AllLanguages.Default).Find("noodpakket")!.Checklist[0];
        Assert.Equal(3, water.PerPersonPerDay);
        Assert.Equal([CampaignStep.Noodpakket, CampaignStep.Noodplan, CampaignStep.ElkaarHelpen],
            content.For(AllLanguages.Default).Pages.Where(p => p.Step != CampaignStep.None).Select(p => p.Step));
    }

    [Fact]
    public void Broken_front_matter_names_the_file_and_line()
    {
        using var content = new TestContent();
        content.Replace("en/pages/noodplan.md", "summary: \"Agree now", "summary: [\"Agree now");

        var problem = Assert.Single(Load(content));

        Assert.EndsWith(Path.Combine("en", "pages", "noodplan.md"), problem.File);
        Assert.Equal("line 3", problem.Location);
        Assert.Contains("not valid front matter", problem.Message);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        using var content = new TestContent();
        content.Replace("nl/pages/drinkwater.md", "title: \"Drinkwater bij een storing\"\n", "");

        var problem = Assert.Single(Load(content));

        Assert.Equal("title", problem.Field);
        Assert.Contains("drinkwater.md", problem.File);
    }

    [Fact]
    public void An_unknown_front_matter_key_is_an_error_not_ignored()
    {
        using var content = new TestContent();
        content.Replace("pl/pages/privacy.md", "order: 91", "ordre: 91");

        var problem = Assert.Single(Load(content));

        Assert.Contains("privacy.md", problem.File);
        Assert.Contains("ordre", problem.Message);
    }

    [Fact]
    public void A_page_not_yet_translated_is_no_error_but_is_on_the_translators_list()
    {
        using var content = new TestContent();
        File.Delete(Path.Combine(content.Root, "uk", "pages", "drinkwater.md"));

        var (site, problems) = LoadContent(content.Root, AllLanguages);

        Assert.Empty(problems);
        var missing = Assert.Single(TranslationStatus.Behind(site!, AllLanguages));
        Assert.Equal(("uk", "drinkwater", 0), (missing.Culture, missing.Key, missing.TranslatedFrom));
    }

    [Fact]
    public void A_translation_without_a_source_page_is_reported()
    {
        using var content = new TestContent();
        File.Copy(Path.Combine(content.Root, "en", "pages", "privacy.md"), Path.Combine(content.Root, "en", "pages", "cookies.md"));

        var problem = Assert.Single(Load(content));

        Assert.EndsWith(Path.Combine("en", "pages", "cookies.md"), problem.File);
        Assert.Contains("has no nl source page", problem.Message);
    }

    [Fact]
    public void Settings_values_are_text_even_where_a_page_is_HTML()
    {
        using var content = new TestContent();
        content.Replace("site.yml", "broadcaster: \"Omroep Gelderland\"", "broadcaster: \"Omroep <img src=x onerror=alert(1)> Gelderland\"");

        var (site, problems) = LoadContent(content.Root, AllLanguages);

        Assert.Empty(problems);
        var html = site!.For(AllLanguages.Default).Find("stroomuitval")!.BodyHtml;
        Assert.Contains("Omroep &lt;img src=x onerror=alert(1)&gt; Gelderland", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void A_translation_cannot_claim_a_newer_source_than_exists()
    {
        using var content = new TestContent();
        content.Replace("tr/pages/noodplan.md", "source-version: 1", "source-version: 2");

        var problem = Assert.Single(Load(content));

        Assert.Equal("source-version", problem.Field);
    }

    [Fact]
    public void A_changed_Dutch_page_makes_its_translations_behind()
    {
        using var content = new TestContent();
        content.Replace("nl/pages/noodplan.md", "version: 1", "version: 2");

        var (site, problems) = LoadContent(content.Root, AllLanguages);

        Assert.Empty(problems);
        var behind = TranslationStatus.Behind(site!, AllLanguages);
        Assert.Equal(["ar", "en", "pl", "tr", "uk"], behind.Select(b => b.Culture).Order());
        Assert.All(behind, b => Assert.Equal(("noodplan", 1, 2), (b.Key, b.TranslatedFrom, b.SourceVersion)));
    }

    [Fact]
    public void Raw_html_and_script_links_in_markdown_never_reach_the_page()
    {
        using var content = new TestContent();
        content.AppendLine("nl/pages/privacy.md", "<script>alert(1)</script> <b onclick=\"x()\">vet</b> [klik](javascript:alert(1)) [goed](/noodplan)");

        var (site, _) = LoadContent(content.Root, AllLanguages);
        var html = site!.For(AllLanguages.Default).Find("privacy")!.BodyHtml;
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

        Assert.Empty(body.QuerySelectorAll("script, b"));
        Assert.DoesNotContain(body.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.DoesNotContain(body.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.Ordinal));
        Assert.Contains("href=\"/noodplan\"", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Settings_tokens_are_filled_in()
    {
        var (site, _) = LoadContent(TestContent.RepositoryContent, AllLanguages);

        var html = site!.For(AllLanguages.Find("uk")!).Find("stroomuitval")!.BodyHtml;

        Assert.Contains("Omroep Gelderland", html);
        Assert.DoesNotContain("{broadcaster}", html);
    }

    [Fact]
    public void The_content_version_changes_when_content_changes()
    {
        using var content = new TestContent();
        var before = LoadContent(content.Root, AllLanguages).Content!.Version;
        content.Replace("en/pages/privacy.md", "No cookies.", "No cookies at all.");

        Assert.NotEqual(before, LoadContent(content.Root, AllLanguages).Content!.Version);
    }

    private static (SiteContent? Content, IReadOnlyList<DataProblem> Problems) LoadContent(string root, CultureSet cultures) =>
        ContentValidator.Validate(MarkdownContentSource.Read(root, cultures), cultures);

    private static IReadOnlyList<DataProblem> Load(TestContent content)
    {
        var (site, problems) = LoadContent(content.Root, AllLanguages);
        Assert.Null(site);
        return problems;
    }
}
