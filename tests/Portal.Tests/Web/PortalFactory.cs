using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Places.Lookup;
using Portal.Tests.Places;

namespace Portal.Tests.Web;

/// <summary>The real portal on the embedded demo content, with every log line captured.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>The content folder the portal serves: the repository's content/ unless a test gives its own copy.</summary>
    public string ContentPath { get; init; } = TestContent.RepositoryContent;

    public ConcurrentQueue<string> LogLines { get; } = new();

    /// <summary>More configuration (Portal:StaticOutputPath, …) for this portal.</summary>
    public IDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    private readonly string _rebuildLog = Path.Combine(Path.GetTempPath(), $"portal-rebuilds-{Guid.NewGuid():N}.json");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_rebuildLog);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Portal:ContentPath", ContentPath);
        builder.UseSetting("Portal:RebuildLogPath", _rebuildLog); // each portal its own history, not one shared beside the tests
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new CapturingLoggerProvider(LogLines)));
    }
}

/// <summary>The portal with PDOK Locatieserver enabled, answered from fixture files by postcode.</summary>
public sealed class PdokPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Pdok:Enabled", "true");
        builder.ConfigureTestServices(services => services.AddHttpClient<PdokAddressResolver>()
            .ConfigurePrimaryHttpMessageHandler(() => new PdokFixtureHandler()));
    }
}

/// <summary>PDOK Locatieserver's answers from fixture files (its documented response shape), by postcode.</summary>
public sealed class PdokFixtureHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = Uri.UnescapeDataString(request.RequestUri!.Query);
        var fixture = query.Contains("postcode:6525AG", StringComparison.Ordinal) && query.Contains("huisnummer:11", StringComparison.Ordinal) ? "free-6525AG-11.json"
            : query.Contains("postcode:6811AA", StringComparison.Ordinal) ? "free-6811AA-1-arnhem.json"
            : query.Contains("postcode:6602DE", StringComparison.Ordinal) && query.Contains("huisnummer:22", StringComparison.Ordinal) ? "free-6602DE-22-wijchen.json"
            : query.Contains("postcode:6512GD", StringComparison.Ordinal) ? null
            : "free-empty.json";
        var response = fixture is null
            ? new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pdok", fixture)),
                    System.Text.Encoding.UTF8, "application/json"),
            };
        return Task.FromResult(response);
    }
}

public sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
