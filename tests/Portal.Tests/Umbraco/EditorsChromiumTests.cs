using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Umbraco;

/// <summary>
/// The officers' page where Chromium is needed: the static site's card PDFs after a publish, and the PDF of a draft card.
/// </summary>
[Trait("Category", "Chromium")]
public sealed class EditorsChromiumTests : IDisposable
{
    private const string NoodplanId = "5a1e0c43-7c2d-4b8e-9f00-000000000004";
    private const string Password = "lange-zin-als-wachtwoord";
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"portal-editors-chromium-{Guid.NewGuid():N}");
    private readonly List<UmbracoPortalFactory> _factories = [];

    [Fact]
    public async Task After_a_publish_the_officer_sees_when_the_static_site_was_exported_again()
    {
        var umbraco = new FakeUmbraco();
        // The stand-in's alert links to /stroomuitval, a page only content/ has: the export (rightly) refuses the broken link.
        umbraco.Publish("nl", "5a1e0c43-7c2d-4b8e-9f00-000000000005", "linkUrl", "/noodplan");
        var factory = Start(umbraco);
        var client = Officer(factory.CreateClient());
        var published = DateTimeOffset.UtcNow;

        umbraco.Publish("nl", NoodplanId, "title", "Maak vandaag een noodplan");
        await client.SendAsync(UmbracoPortalFactory.Webhook(NoodplanId));
        // The first export prints every card PDF of the stand-in's card texts (then shared through the print cache).
        try
        {
            await Eventually.TrueAsync(async () => EditorsPageTests.Rebuilt(await EditorsPageTests.Report(client), "static site") is { } site
                && site.TryGetProperty("succeeded", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String && at.GetDateTimeOffset() >= published
                && site.GetProperty("version").GetString() == (await EditorsPageTests.Report(client)).GetProperty("contentVersion").GetString(), 300);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{e.Message}: {await EditorsPageTests.Report(client)}\n{string.Join("\n", factory.LogLines.TakeLast(30))}", e);
        }

        var report = await EditorsPageTests.Report(client);
        var version = report.GetProperty("contentVersion").GetString()!;
        Assert.Equal(version, EditorsPageTests.Rebuilt(report, "static site")!.Value.GetProperty("version").GetString());
        Assert.Contains("Maak vandaag een noodplan", await File.ReadAllTextAsync(Path.Combine(_scratch, "static", "noodplan.html")));
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/redactie"));
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.StartsWith("Noodsite (statische kopie)", StringComparison.Ordinal));
        Assert.Contains($"inhoudsversie {version}", row.TextContent);
        Assert.Contains(Portal.Content.Model.MunicipalTime.ToLocal(published).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), row.TextContent);
    }

    [Fact]
    public async Task An_officer_opens_the_PDF_of_a_draft_card_and_it_is_never_cached_or_served_to_residents()
    {
        const string CardId = "5a1e0c43-7c2d-4b8e-9f00-000000000009";
        var umbraco = new FakeUmbraco();
        var client = Officer(Start(umbraco).CreateClient());
        umbraco.SaveDraft("nl", CardId, "title", "Conceptkaart winter");

        var preview = await client.GetStringAsync($"/redactie/voorbeeld/{CardId}");
        var link = new HtmlParser().ParseDocument(preview).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(href => href?.StartsWith("/redactie/voorbeeld/", StringComparison.Ordinal) == true)!;
        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var pdf = Path.Combine(_scratch, "draft.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Conceptkaart winter", PdfText(pdf));

        // Residents' card and the caches never hold the draft.
        client.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(link)).StatusCode);
        var cards = Path.Combine(_scratch, "cards");
        Assert.False(Directory.Exists(cards) && Directory.EnumerateFiles(cards, "*", SearchOption.AllDirectories).Any(), "the draft card went into the card cache");
        var live = Path.Combine(_scratch, "live.pdf");
        var code = System.Text.RegularExpressions.Regex.Match(link, "buurt=(BU[0-9]+)").Groups[1].Value;
        await File.WriteAllBytesAsync(live, await client.GetByteArrayAsync($"/kaart/{code}.pdf"));
        Assert.DoesNotContain("Conceptkaart winter", PdfText(live));
    }

    private static string PdfText(string file)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
    }

    private static HttpClient Officer(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"anna:{Password}")));
        return client;
    }

    private UmbracoPortalFactory Start(FakeUmbraco umbraco)
    {
        var factory = new UmbracoPortalFactory(umbraco, Path.Combine(_scratch, "snapshot.json"), new Dictionary<string, string>
        {
            ["Portal:Editors:Users:anna"] = Password,
            ["Portal:Editors:MonitoringKey"] = "monitoring-key-1234567890",
            ["Portal:StaticOutputPath"] = Path.Combine(_scratch, "static"),
            ["Portal:PrintCachePath"] = TestContent.SharedPrintCache,
            ["Portal:CardCachePath"] = Path.Combine(_scratch, "cards"),
            ["Portal:CapLedgerPath"] = Path.Combine(_scratch, "cap-ledger.json"),
        });
        _factories.Add(factory);
        return factory;
    }


    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        TestContent.DeleteScratch(_scratch);
    }
}
