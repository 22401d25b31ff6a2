using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// The one headless Debian Chromium of the test assembly, and a page kept open in it. The static site's tests need only
/// this; <see cref="PortalServer"/> adds a running portal.
/// </summary>
public class SharedChromium : IAsyncLifetime
{
    /// <summary>
    /// One headless Chromium for the whole test assembly, whichever portal a test talks to: a browser start costs
    /// seconds; each test opens its own page (or context) in it. It ends with the test process.
    /// </summary>
    private static readonly Lazy<Task<IBrowser>> SharedBrowser = new(async () =>
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1",
            ],
        });
    });

    private readonly SemaphoreSlim _pageGate = new(1, 1);
    private IPage? _page;

    public IBrowser Browser { get; private set; } = default!;

    public virtual async Task InitializeAsync() => Browser = await SharedBrowser.Value;

    /// <summary>
    /// A page kept open between checks that only load a URL and read it (axe): opening a fresh page costs more than
    /// the check. One check at a time uses it (one page per fixture, so collections running side by side each have theirs).
    /// </summary>
    public async Task WithPageAsync(Func<IPage, Task> work)
    {
        await _pageGate.WaitAsync();
        try
        {
            _page ??= await Browser.NewPageAsync();
            await work(_page);
        }
        finally
        {
            _pageGate.Release();
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.CloseAsync();
        }
    }
}

/// <summary>
/// The real `portal` binary on a free loopback port, in the shared Chromium. A real server (not the in-memory test host)
/// so the browser loads pages exactly as a resident's would.
/// </summary>
public class PortalServer : SharedChromium
{
    private Process? _process;

    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var portal = Path.Combine(AppContext.BaseDirectory, "portal.dll");
        _process = Process.Start(new ProcessStartInfo("dotnet", [portal, "--urls", BaseUrl, "--Portal:PublicBaseUrl", BaseUrl + "/",
            "--Portal:CardCachePath", Path.Combine(Path.GetTempPath(), $"portal-cards-{port}"), .. Arguments()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync();
        await base.InitializeAsync();
    }

    /// <summary>More arguments for the portal (another content folder).</summary>
    protected virtual IEnumerable<string> Arguments() => [];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        // A loaded CI machine starting several portals and Chromium at once can take a while.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"portal exited with code {_process.ExitCode} before serving");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("portal did not start serving within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PortalServerCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "portal server";
}

/// <summary>
/// The screenshot set's live pages, on a portal of their own: xUnit runs one collection's tests one after another, so
/// the browser checks are spread over collections that run side by side (they wait on Chromium more than on a core).
/// </summary>
[CollectionDefinition(Name)]
public sealed class LayoutPortalServerCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "layout portal server";
}

/// <summary>
/// The portal during a disruption: an active alert, and support points open, full (with a backup), closed and on
/// standby, with messages in Dutch and Arabic — the crisis versions of the home, support point, buurt and lookup pages.
/// </summary>
public sealed class CrisisPortalServer : PortalServer
{
    private readonly string _content = Path.Combine(Path.GetTempPath(), $"portal-crisis-content-{Guid.NewGuid():N}");

    protected override IEnumerable<string> Arguments()
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "content"), _content);
        File.WriteAllText(Path.Combine(_content, "status.yml"), """
            points:
              brandweerkazerne-nijmegen-centrum:
                status: open
                services-now: [information, drinking-water]
                message: { nl: "Open tot 22.00 uur. Neem een fles mee.", ar: "مفتوحة حتى الساعة 22:00. أحضر زجاجة." }
                changed: 2026-11-23T08:00:00+01:00
              gemeentehuis-nijmegen: { status: full, backup: brandweerkazerne-nijmegen-centrum, changed: 2026-11-23T09:30:00+01:00 }
              brandweerkazerne-nijmegen-noord: { status: closed, message: { nl: "Gesloten door wateroverlast." } }
            """);
        var settings = Path.Combine(_content, "site.yml");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("alerts: []", """
            alerts:
              - id: "stroomstoring"
                severity: "danger"
                active-from: "2026-01-01T00:00:00+01:00"
                text:
                  nl: "De stroom is uitgevallen in heel Nijmegen. Ga bij nood naar een open noodsteunpunt."
                  ar: "انقطعت الكهرباء في كل نيميخن. في حالة الطوارئ، اذهب إلى نقطة دعم مفتوحة."
            """, StringComparison.Ordinal));
        return ["--content", _content];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_content, recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CrisisPortalServerCollection : ICollectionFixture<CrisisPortalServer>
{
    public const string Name = "crisis portal server";
}
