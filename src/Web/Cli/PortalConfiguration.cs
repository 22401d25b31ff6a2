using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Portal.Pages;
using Portal.Web.Cards;
using Portal.Web.Hosting;

namespace Portal.Web.Cli;

/// <summary>Configuration and services for verbs that do not start the web host, from the same sources as the host.</summary>
public static class PortalConfiguration
{
    private static readonly Dictionary<string, string> Switches = new() { ["--content"] = "Portal:ContentPath" };

    /// <summary>appsettings.json, then the environment, then extra settings (tests), then the command line.</summary>
    public static IConfiguration Build(string[] args, IReadOnlyDictionary<string, string>? switches = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? [])
            .AddCommandLine(args, Switches.Concat(switches ?? new Dictionary<string, string>()).DistinctBy(s => s.Key).ToDictionary())
            .Build();

    /// <summary>Adds the verbs' short switches (--content) to the host's configuration too.</summary>
    public static void AddSwitches(IConfigurationBuilder configuration, string[] args) => configuration.AddCommandLine(args, Switches);

    /// <summary>What rendering pages and cards needs outside the web host.</summary>
    public static ServiceProvider RenderingServices(PortalOptions options) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .AddSingleton<PageRenderer>()
            .AddSingleton(Options.Create(options))
            .AddSingleton<CardDocuments>()
            .BuildServiceProvider();
}
