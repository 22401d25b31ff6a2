using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Portal.Web.Cli;

namespace Portal.BrowserTests;

/// <summary>A real static export (with card PDFs) served by nginx on loopback, as a static host would.</summary>
public class StaticSite : IAsyncLifetime
{
    private Process? _nginx;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"portal-static-{Guid.NewGuid():N}");

    public string Folder => Path.Combine(Root, "site");

    public string BaseUrl { get; private set; } = "";

    /// <summary>The export's own card PDF cache, empty at the start, so the PDFs are really printed.</summary>
    public string PrintCache => Path.Combine(Root, "card-prints");

    /// <summary>What the export command wrote to its output.</summary>
    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await PortalCommandLine.RunAsync(["export-static", "--out", Folder, "--Portal:PrintCachePath", PrintCache, .. Arguments()], output, error);
        Assert.True(exit == 0, error.ToString());
        Output = output.ToString();

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var config = Path.Combine(Root, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            worker_processes 1;
            pid {{Root}}/nginx.pid;
            error_log {{Root}}/nginx-error.log;
            events { worker_connections 64; }
            http {
              include /etc/nginx/mime.types;
              access_log off;
              server {
                listen 127.0.0.1:{{port}};
                root {{Folder}};
                error_page 404 /404.html;
              }
            }
            """);
        // nginx's workers run as an unprivileged user: let them read the export.
        Process.Start("chmod", ["-R", "a+rX", Root])!.WaitForExit();
        _nginx = Process.Start(new ProcessStartInfo("nginx", ["-c", config]) { RedirectStandardError = true })!;
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/index.html")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"nginx did not serve the export: {await _nginx.StandardError.ReadToEndAsync()}");
    }

    /// <summary>More arguments for the export (another theme, no card PDFs).</summary>
    protected virtual IEnumerable<string> Arguments() => [];

    public Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit();
        }

        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One static export (printing its card PDFs once) for every test of the static site in the default theme.</summary>
[CollectionDefinition(Name)]
public sealed class StaticSiteCollection : ICollectionFixture<SharedChromium>, ICollectionFixture<StaticSite>
{
    public const string Name = "static site";
}

[Collection(StaticSiteCollection.Name)]
public class StaticSiteTests(SharedChromium chromium, StaticSite site)
{
    public static TheoryData<string> SampleOfEveryPageTypeInEveryLanguage()
    {
        var data = new TheoryData<string>();
        string[] pages = ["index.html", "noodpakket.html", "noodplan.html", "steunpunt/gemeentehuis-nijmegen.html", "buurt/BU02680202.html",
            "wijken.html", "wijk/WK026803.html", "kaart/BU02680202.html", "postcode.html", "postcode/6525.html", "buurten.html", "privacy.html"];
        foreach (var language in new[] { "", "en/", "ar/", "tr/", "pl/", "uk/" })
        {
            foreach (var page in language.Length == 0 || language == "ar/" ? pages : pages.Where((_, i) => i % 3 == language.Length % 3))
            {
                data.Add(language + page);
            }
        }

        data.Add("404.html");
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleOfEveryPageTypeInEveryLanguage))]
    public Task Has_no_axe_violations_with_JavaScript_disabled(string path) =>
        // axe itself is a script and cannot run where scripts are off. The exported pages contain no script (asserted
        // here), so they render the same with scripting off as the page axe checks with it on.
        chromium.WithPageAsync(async page =>
        {
            var response = await page.GotoAsync($"{site.BaseUrl}/{path}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(0, await page.Locator("script").CountAsync());

            var violations = await Axe.RunAsync(page);
            Assert.True(violations.Length == 0, string.Join("\n", violations));
        });

    [Fact]
    public async Task A_resident_finds_their_support_point_from_a_USB_stick()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(site.Folder, "index.html")).AbsoluteUri);

        await page.GetByRole(AriaRole.Link, new() { Name = "6512", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Basisschool Petrus Canisius (Cortenaerpad)" }).First.ClickAsync();

        Assert.StartsWith("file://", page.Url);
        Assert.Equal("Basisschool Petrus Canisius (Cortenaerpad)", await page.Locator("h1").InnerTextAsync());
        // The stylesheet loaded from the stick: the theme colours the heading (a browser alone draws it black).
        Assert.NotEqual("rgb(0, 0, 0)", await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await page.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_plain_form_works_on_a_static_host()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/en/index.html");

        await page.GetByLabel("First 4 digits of your postcode").SelectOptionAsync("6525");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the list" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "6525", Exact = true }).ClickAsync();

        Assert.Contains("Heijendaal", await page.Locator("main").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Card_pages_link_to_their_page_in_the_languages_card_PDF()
    {
        using var http = new HttpClient();

        var pdf = await http.GetAsync($"{site.BaseUrl}/kaarten/meterkastkaarten-ar-a6.pdf");
        var html = await http.GetStringAsync($"{site.BaseUrl}/ar/kaart/BU02680202.html");

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"../../kaarten/meterkastkaarten-ar-a6.pdf#page=", html);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{site.BaseUrl}/bestaat/niet.html")).StatusCode);
        Assert.Contains("<h1 ", await (await http.GetAsync($"{site.BaseUrl}/bestaat/niet.html")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_second_export_with_the_same_cards_reuses_their_PDFs_instead_of_printing()
    {
        var again = Path.Combine(site.Root, "again");
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await PortalCommandLine.RunAsync(["export-static", "--out", again, "--Portal:PrintCachePath", site.PrintCache], output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Card PDFs: 0 unchanged since the last export, 6 printed.", site.Output);
        Assert.Contains("Card PDFs: 6 unchanged since the last export, 0 printed.", output.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(site.Folder, "kaarten", "meterkastkaarten-uk-a6.pdf")),
            await File.ReadAllBytesAsync(Path.Combine(again, "kaarten", "meterkastkaarten-uk-a6.pdf")));
        Assert.Equal(6, Directory.GetFiles(site.PrintCache, "*.pdf").Length);
    }

    [Fact]
    public void Exported_without_a_base_URL_the_command_says_where_the_404_page_works()
    {
        Assert.Contains("Without --base-url, 404.html works when the site is served at a host's root", site.Output);
    }
}
