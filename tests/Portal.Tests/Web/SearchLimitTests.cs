using System.Net;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Web;

/// <summary>
/// A flood of distinct searches may use only the search slots: the rest get 429 with a page that still leads to the
/// postcode form, and the other pages are answered as usual.
/// </summary>
public sealed class SearchLimitTests
{
    [Fact]
    public async Task Searches_beyond_the_slots_get_429_with_Retry_After_and_the_way_to_a_support_point()
    {
        // One slot and no queue, so a burst of searches overlaps for certain.
        using var portal = new PortalFactory { Settings = new Dictionary<string, string> { ["Portal:SearchConcurrency"] = "1", ["Portal:SearchQueue"] = "0" } };
        var client = portal.CreateClient();
        await client.GetAsync("/zoeken?q=water");   // the index and the page renderer are warm before the burst

        var searches = Enumerable.Range(0, 120).Select(i => client.GetAsync($"/{(i % 2 == 0 ? "" : "ar/")}zoeken?q=water{i}")).ToList();
        var home = client.GetAsync("/");
        var responses = await Task.WhenAll(searches);

        Assert.Equal(HttpStatusCode.OK, (await home).StatusCode);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in refused.Take(10))
        {
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var arabic = response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/ar/", StringComparison.Ordinal);
            Assert.Equal(arabic ? "ar" : "nl", page.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(page.QuerySelector($"main a[href='{(arabic ? "/ar" : "/")}']"));
            Assert.NotNull(page.QuerySelector($"main a[href='{(arabic ? "/ar" : "")}/steunpunten']"));
        }
    }
}
