using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application;
using Portal.Application.ContentPipeline;
using Portal.Content.Cultures;

namespace Portal.Tests;

/// <summary>The application layer without a host, on a content folder: what the CLI verbs get.</summary>
public static class TestPortal
{
    public static readonly CultureSet Cultures = new(PortalOptions.DefaultCultures);

    /// <summary>Loads a content folder through the one content pipeline; fails the test with every problem when it is invalid.</summary>
    public static PortalData Load(string contentPath)
    {
        var load = new ContentPipeline(contentPath, Cultures).LoadContentFolder();
        Assert.True(load.Data is not null, string.Join("\n", load.Problems));
        return load.Data!;
    }

    public static ServiceProvider Services(string contentPath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:ContentPath"] = contentPath,
                ["Portal:WebRootPath"] = Path.Combine(TestContent.RepositoryRoot, "wwwroot"),
            }.Concat(settings ?? new Dictionary<string, string?>()))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPortalApplication(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
