using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application;
using Portal.Application.ContentPipeline;
using Portal.Application.StaticSite;
using Portal.Content.Cultures;
using Portal.Content.Drafts;
using Portal.Content.Umbraco;
using Portal.Content.Umbraco.Seeding;
using Portal.Places;
using Portal.Tests.Umbraco;
using Portal.Web.Cli;

namespace Portal.Benchmarks;

/// <summary>
/// Seconds from an officer's status change to residents seeing it: `portal status set` (content/) or an Umbraco publish
/// and its webhook, until the support point's live page and its file in the static fallback folder show the new
/// status, and until the CAP feed (live, and in the static folder) lists its new message. Two real portals (Kestrel on loopback, static export configured) run in this process during a crisis (two
/// fire stations open); each operation flips the town hall between open and full and polls every 10 ms. The peer: a full static re-export of the same site,
/// which every status change cost before re-exports were limited to the pages it touches.
/// </summary>
[Config(typeof(OnceEach))]
public class PropagationBenchmarks
{
    /// <summary>Each operation is one whole change, measured as it happens (no batching), in this process.</summary>
    private sealed class OnceEach : ManualConfig
    {
        public OnceEach() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(2).WithIterationCount(12)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private const string Point = "gemeentehuis-nijmegen";
    private static readonly CultureSet Cultures = new(PortalOptions.DefaultCultures);

    // BenchmarkDotNet makes one instance per benchmark in this process: each has its own folder and portals.
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"portal-propagation-{Guid.NewGuid():N}");
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _portals = [];
    private readonly HttpClient _http = new();
    private string _contentUrl = "";
    private string _umbracoUrl = "";
    private DeliveryApiStandIn _umbraco = default!;
    private ContentDraft _draft = default!;
    private IReadOnlyList<SupportPoint> _points = [];
    private ServiceProvider _exportServices = default!;
    private PortalData _data = default!;
    private bool _full;

    private string Content => Path.Combine(_work, "content");

    /// <summary>Synchronous: the in-process toolchain does not wait for an asynchronous set-up before measuring.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        CopyFolder(Path.GetDirectoryName(LookupBenchmarks.DataDirectory())!, Content);
        // A crisis under way: two fire stations are open; the town hall goes between open and full (its backup: one of them).
        File.WriteAllText(Path.Combine(Content, "status.yml"), """
            points:
              brandweerkazerne-nijmegen-centrum: { status: open }
              brandweerkazerne-nijmegen-west: { status: open }
            """);
        var (draft, load) = new ContentPipeline(Content, Cultures).ReadContentFolder();
        (_draft, _points, _data) = (draft, load.Data!.Places.SupportPoints, load.Data);
        _umbraco = new DeliveryApiStandIn(DemoDocuments.From(draft, _points, Cultures), Cultures);

        _contentUrl = Start("content", []);
        _umbracoUrl = Start("umbraco", ["--Portal:Umbraco:BaseUrl=https://cms.test/", "--Portal:Umbraco:ApiKey=test-key",
            "--Portal:Umbraco:StartItem=nijmegen", "--Portal:Umbraco:WebhookSecret=benchmark-secret",
            $"--Portal:Umbraco:SnapshotPath={Path.Combine(_work, "umbraco-snapshot.json")}"]);
        await UntilAsync(() => File.Exists(Path.Combine(_work, "static-content", "index.html")) && File.Exists(Path.Combine(_work, "static-umbraco", "index.html")), 120);
        await UntilAsync(async () => (await _http.GetStringAsync($"{_umbracoUrl}/health")).Contains("\"source\":\"umbraco\"", StringComparison.Ordinal), 60);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:ContentPath"] = Content,
            ["Portal:WebRootPath"] = Path.Combine(Path.GetDirectoryName(LookupBenchmarks.DataDirectory())!, "..", "wwwroot"),
            ["Portal:PrintCachePath"] = Path.Combine(_work, "prints-content"),
        }).Build();
        _exportServices = new ServiceCollection().AddLogging().AddPortalApplication(configuration).BuildServiceProvider();
    }

    [Benchmark(Description = "status set → live page")]
    public async Task StatusSetToLivePage()
    {
        var state = await StatusSetAsync();
        await UntilAsync(async () => (await _http.GetStringAsync($"{_contentUrl}/steunpunt/{Point}")).Contains($"point-status status-{state}", StringComparison.Ordinal));
    }

    [Benchmark(Description = "status set → static folder")]
    public async Task StatusSetToStaticFolder()
    {
        var state = await StatusSetAsync();
        await UntilAsync(() => File.ReadAllText(Path.Combine(_work, "static-content", "steunpunt", $"{Point}.html")).Contains($"point-status status-{state}", StringComparison.Ordinal));
    }

    [Benchmark(Description = "status set → CAP feed (live)")]
    public async Task StatusSetToCapFeed()
    {
        var state = await StatusSetAsync();
        await UntilAsync(async () => (await _http.GetStringAsync($"{_contentUrl}/open-data/cap.atom")).Contains(CapTitle(state), StringComparison.Ordinal));
    }

    [Benchmark(Description = "status set → CAP feed (static folder)")]
    public async Task StatusSetToStaticCapFeed()
    {
        var state = await StatusSetAsync();
        await UntilAsync(() => File.ReadAllText(Path.Combine(_work, "static-content", "open-data", "cap.atom")).Contains(CapTitle(state), StringComparison.Ordinal));
    }

    [Benchmark(Description = "Umbraco publish + webhook → CAP feed (live)")]
    public async Task WebhookToCapFeed()
    {
        var state = await PublishAsync();
        await UntilAsync(async () => (await _http.GetStringAsync($"{_umbracoUrl}/open-data/cap.atom")).Contains(CapTitle(state), StringComparison.Ordinal));
    }

    /// <summary>The feed entry's title for the town hall in that state: the Dutch headline.</summary>
    private static string CapTitle(string state) => $"<title>Gemeentehuis Nijmegen: {(state == "full" ? "Vol" : "Open")}</title>";

    [Benchmark(Description = "Umbraco publish + webhook → live page")]
    public async Task WebhookToLivePage()
    {
        var state = await PublishAsync();
        await UntilAsync(async () => (await _http.GetStringAsync($"{_umbracoUrl}/steunpunt/{Point}")).Contains($"point-status status-{state}", StringComparison.Ordinal));
    }

    [Benchmark(Description = "Umbraco publish + webhook → static folder")]
    public async Task WebhookToStaticFolder()
    {
        var state = await PublishAsync();
        await UntilAsync(() => File.ReadAllText(Path.Combine(_work, "static-umbraco", "steunpunt", $"{Point}.html")).Contains($"point-status status-{state}", StringComparison.Ordinal));
    }

    [Benchmark(Description = "peer: full static re-export (card PDFs cached)")]
    public Task<StaticExportResult> FullStaticExport() =>
        _exportServices.GetRequiredService<StaticSitePublisher>().ExportAsync(_data, Path.Combine(_work, "static-full"), null, withPdf: true, TextWriter.Null);

    private async Task<string> StatusSetAsync()
    {
        var state = Flip();
        using var output = new StringWriter();
        if (await PortalCommandLine.RunAsync(["status", "set", Point, state, "--backup", "brandweerkazerne-nijmegen-centrum", "--content", Content], output, output) != 0)
        {
            throw new InvalidOperationException(output.ToString());
        }

        return state;
    }

    private async Task<string> PublishAsync()
    {
        var state = Flip();
        var now = DateTimeOffset.UtcNow;
        var points = _points.Select(p => p.Slug == Point
            ? p with { Status = SupportPointStatus.Standby with
            {
                State = state == "full" ? SupportPointState.Full : SupportPointState.Open, ChangedAt = now, BackupSlug = "brandweerkazerne-nijmegen-centrum",
            } }
            : p).ToList();
        _umbraco.Publish(DemoDocuments.From(_draft, points, Cultures).Single(d => d.Key == UmbracoDocument.StableKey($"support-point:{Point}")));
        using var webhook = new HttpRequestMessage(HttpMethod.Post, $"{_umbracoUrl}/hooks/umbraco")
        {
            Content = new StringContent($$"""{"id":"{{UmbracoDocument.StableKey($"support-point:{Point}")}}"}""", Encoding.UTF8, "application/json"),
        };
        webhook.Headers.TryAddWithoutValidation("Authorization", "Bearer benchmark-secret");
        (await _http.SendAsync(webhook)).EnsureSuccessStatusCode();
        return state;
    }

    private string Flip() => (_full = !_full) ? "full" : "open";

    /// <summary>A real portal on a free loopback port, its static site exported into this run's folder.</summary>
    private string Start(string name, string[] settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        string[] args = ["--urls", url, "--content", Content, $"--Portal:StaticOutputPath={Path.Combine(_work, $"static-{name}")}",
            $"--Portal:PrintCachePath={Path.Combine(_work, $"prints-{name}")}", $"--Portal:CardCachePath={Path.Combine(_work, $"cards-{name}")}",
            $"--Portal:CapLedgerPath={Path.Combine(_work, $"cap-{name}.json")}",
            "--Logging:LogLevel:Default=Warning", .. settings];
        _portals.Add(Task.Run(() => PortalCommandLine.RunAsync(args, TextWriter.Null, Console.Error, services =>
        {
            services.AddHttpClient<DeliveryApiClient>().ConfigurePrimaryHttpMessageHandler(() => _umbraco);
            services.AddHostedService(provider => new StopWith(provider.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(), _stop.Token));
        })));
        return url;
    }

    private static async Task UntilAsync(Func<bool> done, int seconds = 30) => await UntilAsync(() => Task.FromResult(done()), seconds);

    private static async Task UntilAsync(Func<Task<bool>> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                if (await done())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                // Not serving yet, or a file being swapped: look again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not there within {seconds} s");
            }

            await Task.Delay(10);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }

    /// <summary>Stops a portal started in this process when the benchmark is done.</summary>
    private sealed class StopWith(Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime, CancellationToken stop) : Microsoft.Extensions.Hosting.BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            stop.Register(lifetime.StopApplication);
            return Task.CompletedTask;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        Task.WaitAll([.. _portals], TimeSpan.FromSeconds(30));
        _exportServices.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _http.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A publish still finishing in the background; the temporary folder goes with the machine.
        }
    }
}
