namespace Portal.BrowserTests;

/// <summary>axe-core (WCAG 2.1 A and AA) on the pages as residents see them in a disruption, in Dutch and in Arabic.</summary>
[Collection(CrisisPortalServerCollection.Name)]
public class CrisisAccessibilityTests(CrisisPortalServer server)
{
    public static TheoryData<string, string> CrisisPages()
    {
        var data = new TheoryData<string, string>();
        string[] pages =
        [
            "/", "/steunpunten", "/steunpunt/gemeentehuis-nijmegen", "/steunpunt/brandweerkazerne-nijmegen-centrum",
            "/steunpunt/brandweerkazerne-nijmegen-noord", "/buurt/BU02680100", "/opzoeken?lat=51.8466&lon=5.8651",
        ];
        foreach (var language in new[] { "", "/ar" })
        {
            foreach (var page in pages)
            {
                data.Add(language, page);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrisisPages))]
    public Task Has_no_axe_violations(string language, string path) =>
        AccessibilityTests.AssertNoViolationsAsync(server, server.BaseUrl + language + path,
            async page => Assert.NotNull(await page.QuerySelectorAsync(".point-status")));
}
