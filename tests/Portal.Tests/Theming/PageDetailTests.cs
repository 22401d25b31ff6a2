using AngleSharp.Html.Parser;
using Portal.Tests.Web;

namespace Portal.Tests.Theming;

/// <summary>Details from the visual pass that a resident notices: mixed-direction text in Arabic, and maps with context.</summary>
public sealed class PageDetailTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const char LeftToRightIsolate = '\u2066';
    private const char FirstStrongIsolate = '\u2068';
    private const char PopIsolate = '\u2069';

    [Fact]
    public async Task In_Arabic_a_postcode_and_the_phone_numbers_keep_their_own_order()
    {
        var document = new HtmlParser().ParseDocument(await portal.CreateClient().GetStringAsync("/ar/"));

        // "6525 AG" inside an Arabic hint would otherwise show as "AG 6525".
        Assert.Contains($"{LeftToRightIsolate}6525 AG{PopIsolate}", document.QuerySelector("#postcode-hint")?.TextContent ?? document.Body!.TextContent);
        var emergency = document.QuerySelector(".emergency")!.TextContent;
        Assert.Contains($"{FirstStrongIsolate}0900-8844{PopIsolate}", emergency);
        Assert.Contains($"{FirstStrongIsolate}Nijmegen{PopIsolate}", emergency);

        // Left-to-right languages are left as they are.
        var dutch = new HtmlParser().ParseDocument(await portal.CreateClient().GetStringAsync("/"));
        Assert.DoesNotContain(PopIsolate, dutch.Body!.TextContent);
    }

    [Fact]
    public async Task A_buurt_map_shows_the_buurten_around_it_its_wijk_the_municipal_boundary_and_a_scale()
    {
        var document = new HtmlParser().ParseDocument(await portal.CreateClient().GetStringAsync("/buurt/BU02680202"));
        var map = document.QuerySelector(".area-map svg")!;

        Assert.NotNull(map.QuerySelector("path.map-area"));
        Assert.True(map.QuerySelector("path.map-neighbours")!.GetAttribute("d")!.Count(c => c == 'M') >= 3, "fewer than three neighbouring outlines");
        Assert.NotNull(map.QuerySelector("path.map-outline"));
        Assert.Matches(@"^[\d.,]+ (meter|m|km)$", map.QuerySelector(".map-scale text")!.TextContent.Trim());
        // Cut to the view and simplified: context costs little.
        Assert.True(map.OuterHtml.Length < 12_000, $"the map is {map.OuterHtml.Length} characters");
    }
}
