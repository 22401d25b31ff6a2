using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Umbraco;
using Portal.Content.Umbraco;
using Portal.Tests.Web;

namespace Portal.Tests.Umbraco;

/// <summary>The portal configured for a (stand-in) Umbraco, with its own snapshot file.</summary>
public sealed class UmbracoPortalFactory(HttpMessageHandler umbraco, string snapshotPath, IDictionary<string, string>? settings = null) : PortalFactory
{
    public const string Secret = "s3cret-webhook-value";

    public FakeUmbraco Umbraco => (FakeUmbraco)umbraco;

    /// <summary>What Umbraco's webhook sends when an item is published: its id, with the shared secret.</summary>
    public static HttpRequestMessage Webhook(string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/umbraco") { Content = System.Net.Http.Json.JsonContent.Create(new { Id = id }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Secret);
        return request;
    }

    public string SnapshotPath { get; } = snapshotPath;

    /// <summary>More services for this portal (a region host's other sites, …).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>False for tests of what residents get while Umbraco is still being read.</summary>
    public bool WaitForUmbraco { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Umbraco:BaseUrl", "https://cms.test/");
        builder.UseSetting("Portal:Umbraco:ApiKey", "test-key");
        builder.UseSetting("Portal:Umbraco:StartItem", "nijmegen");
        builder.UseSetting("Portal:Umbraco:WebhookSecret", Secret);
        builder.UseSetting("Portal:Umbraco:SnapshotPath", SnapshotPath);
        // Generous: a loaded CI machine must not turn a healthy stand-in into an outage. Tests of slowness set their own.
        builder.UseSetting("Portal:Umbraco:Timeout", "00:00:05");
        builder.UseSetting("Portal:Umbraco:Retries", "1");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient<DeliveryApiClient>().ConfigurePrimaryHttpMessageHandler(() => umbraco);
            TestServices?.Invoke(services);
        });
    }

    /// <summary>Umbraco is read in the background after start; a test's first request comes after that read.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        Assert.True(!WaitForUmbraco || Services.GetRequiredService<UmbracoContentSync>().FirstRead.Wait(TimeSpan.FromSeconds(30)), "Umbraco was not read within 30 s");
    }
}
