using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Portal.Application;
using Portal.Application.ContentPipeline;
using Portal.Application.StaticSite;
using Portal.Pages;

namespace Portal.Benchmarks;

/// <summary>
/// The static export of the demo site (6 languages, 895 pages, no card PDFs) in a warm process: what rendering, the
/// size and link checks and writing cost once start-up is paid. Written to /dev/shm where it exists, so the figure is
/// the portal's own work and not this machine's disk; tests/load/static-benchmark times the cold command on disk.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class StaticExportBenchmarks
{
    private readonly string _out = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"portal-export-bench-{Environment.ProcessId}");
    private ServiceProvider _services = default!;
    private StaticExportInput _input = default!;

    [GlobalSetup]
    public void Setup()
    {
        var content = Path.GetDirectoryName(LookupBenchmarks.DataDirectory())!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:ContentPath"] = content, ["Portal:WebRootPath"] = Path.Combine(content, "..", "wwwroot"),
        }).Build();
        _services = new ServiceCollection().AddLogging().AddPortalApplication(configuration).BuildServiceProvider();
        var data = _services.GetRequiredService<ContentPipeline>().LoadContentFolder().Data ?? throw new InvalidOperationException("demo content does not load");
        _input = new StaticExportInput(data, Path.Combine(content, "..", "wwwroot"), new Uri("http://localhost:5000/"));
    }

    [Benchmark]
    public Task<StaticExportResult> ExportPages() =>
        new StaticSiteExporter(_services.GetRequiredService<PageRenderer>(), TimeProvider.System)
            .ExportAsync(_input, new StaticExportOptions(_out, null, CardPdf: null), TextWriter.Null);

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_out, recursive: true);
        File.Delete(_out + ".zip");
    }
}
