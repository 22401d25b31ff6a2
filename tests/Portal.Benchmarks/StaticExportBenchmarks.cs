using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Content.Cultures;
using Portal.Pages;
using Portal.StaticExport;
using Portal.Web.Cli;
using Portal.Web.Hosting;

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
        var options = new PortalOptions { ContentPath = content, WebRootPath = Path.Combine(content, "..", "wwwroot") };
        var data = PortalData.Load(content, new CultureSet(["nl", "en", "ar", "tr", "pl", "uk"])).Data ?? throw new InvalidOperationException("demo content does not load");
        _services = PortalConfiguration.RenderingServices(options);
        _input = new StaticExportInput(data.Places, data.Content, data.Texts, data.Cultures, options.WebRootPath, options.PublicBaseUrl);
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
