using Portal.Application.StaticSite;

namespace Portal.Tests.StaticExport;

public sealed class InternalLinksTests
{
    [Fact]
    public void Links_resolve_against_the_page_s_own_folder()
    {
        var (links, problems) = InternalLinks.Of("en/steunpunt/x.html",
            """<a href="../noodplan.html#kit">plan</a> <link href="../../css/portal.1a2b3c4d.css"> <form action="../postcode.html?pc=6525"></form>""");

        Assert.Empty(problems);
        Assert.Equal(["en/noodplan.html", "css/portal.1a2b3c4d.css", "en/postcode.html"], links.Select(l => l.Target));
    }

    [Fact]
    public void Fragments_other_schemes_and_encoded_characters_are_handled()
    {
        var (links, problems) = InternalLinks.Of("index.html",
            """<a href="#inhoud">skip</a> <a href="tel:112">112</a> <a href="https://example.nl/">x</a> <a href="buurt/a&amp;b.html">a&b</a>""");

        Assert.Empty(problems);
        Assert.Equal(["buurt/a&b.html"], links.Select(l => l.Target));
    }

    [Fact]
    public void Absolute_links_and_links_above_the_site_root_are_problems_naming_the_page()
    {
        var (links, problems) = InternalLinks.Of("nl/index.html", """<a href="/noodplan">plan</a> <a href="../../elders.html">weg</a>""");

        Assert.Empty(links);
        Assert.Equal(
            ["nl/index.html: link '/noodplan' is absolute; the export must work under any base path and from file://",
             "nl/index.html: link '../../elders.html' leads outside the site"],
            problems);
    }
}
