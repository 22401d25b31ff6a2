using System.Xml.Linq;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Application.ContentPipeline;

namespace Portal.Application.PageCatalogue;

/// <summary>
/// The sitemap of the live site and of the static export, from one rule: every instance of every page type the static
/// export enumerates, in every language. Answers to one resident's question (lookup, search) and the 404 page are no
/// pages to index; the live site also leaves out the static stand-ins it has no route for (postcode and A–Z pages).
/// </summary>
public static class Sitemap
{
    public const string Path = "/sitemap.xml";

    /// <summary>The site paths listed for one language.</summary>
    /// <param name="cards">That language's cards, in the order of the buurten (the card pages are theirs).</param>
    public static IEnumerable<string> SitePaths(PortalData data, PortalCulture culture, IReadOnlyList<MeterkastCard> cards, bool live) =>
        PortalPages.All.Where(type => type.Export is not null && (!live || type.Route is not null))
            .SelectMany(type => type.Export!(new ExportRequest(data, culture, cards, null)))
            .Select(page => page.SitePath);

    /// <summary>
    /// sitemaps.org XML: one url per page and language, each with its alternates in every language and x-default (the
    /// default language), so a search engine shows a resident the page in their own language.
    /// </summary>
    /// <param name="paths">The site paths of each language, as <see cref="SitePaths"/> lists them.</param>
    /// <param name="absolute">The full public address of a site path in a language.</param>
    public static byte[] Xml(CultureSet cultures, IReadOnlyDictionary<PortalCulture, IReadOnlyList<string>> paths, Func<PortalCulture, string, string> absolute)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var sets = paths.ToDictionary(p => p.Key, p => p.Value.ToHashSet(StringComparer.Ordinal));
        XElement Alternate(string hreflang, PortalCulture culture, string path) => new(xhtml + "link",
            new XAttribute("rel", "alternate"), new XAttribute("hreflang", hreflang), new XAttribute("href", absolute(culture, path)));

        var urls = cultures.All.Where(paths.ContainsKey).SelectMany(culture => paths[culture].Distinct(StringComparer.Ordinal).Select(path =>
        {
            var alternates = cultures.All.Where(other => sets.TryGetValue(other, out var set) && set.Contains(path))
                .Select(other => Alternate(other.Code, other, path)).ToList();
            if (sets.TryGetValue(cultures.Default, out var defaults) && defaults.Contains(path))
            {
                alternates.Add(Alternate("x-default", cultures.Default, path));
            }

            return new XElement(ns + "url", new XElement(ns + "loc", absolute(culture, path)), alternates);
        }));
        var sitemap = new XDocument(new XElement(ns + "urlset", new XAttribute(XNamespace.Xmlns + "xhtml", xhtml), urls));
        using var bytes = new MemoryStream();
        // UTF-8 without a byte order mark: some crawlers read one as junk before the XML declaration.
        using (var writer = System.Xml.XmlWriter.Create(bytes, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            sitemap.Save(writer);
        }

        return bytes.ToArray();
    }
}

/// <summary>The live site's sitemap.xml, made once per served data (a content change or status change serves new data).</summary>
public sealed class LiveSitemap(CardPrinting.CardDocuments cards, Microsoft.Extensions.Options.IOptions<PortalOptions> options)
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<PortalData, byte[]> _made = [];

    public byte[] For(PortalData data) => _made.GetValue(data, served =>
    {
        var publicBase = options.Value.PublicBaseUrl.ToString().TrimEnd('/');
        return Sitemap.Xml(served.Cultures,
            served.Cultures.All.ToDictionary(c => c, c => (IReadOnlyList<string>)[.. Sitemap.SitePaths(served, c, cards.All(served, c, CardSize.A6), live: true)]),
            (culture, path) => publicBase + culture.Path(path));
    });
}
