using Portal.Pages;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Portal.Content.Cultures;
using Portal.Places;
using Portal.Places.Lookup;

namespace Portal.Web.Hosting;

public static class PortalServices
{
    /// <summary>Registers the portal on already-loaded, validated data.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder, PortalData data)
    {
        // Residents' postcodes and coordinates travel in query strings; the categories that log request URLs
        // (ASP.NET Core's request lines, HttpClient's outgoing requests) must never write them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        services.AddSingleton(provider => new PortalDataStore(data, provider.GetRequiredService<TimeProvider>()));
        // Resolved per request from the store, so a republish is picked up by the next request.
        services.AddTransient(provider => provider.GetRequiredService<PortalDataStore>().Current);
        services.AddTransient(provider => provider.GetRequiredService<PortalDataStore>().Current.Places);
        services.AddSingleton(data.Cultures);
        // Without this, é and Arabic are written as &#x...; references: bytes a slow connection pays for.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<PageRenderer>();
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));

        services.Configure<PdokOptions>(builder.Configuration.GetSection(PdokOptions.Section));
        services.AddHttpClient<PdokAddressResolver>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<PdokOptions>>().Value;
            http.BaseAddress = options.BaseUrl;
            http.Timeout = options.Timeout;
        });
        services.AddSingleton<Pc4AddressResolver>();
        // Transient so the typed PDOK HttpClient is renewed by the factory instead of held for the app's lifetime.
        services.AddTransient<IAddressResolver>(provider =>
            provider.GetRequiredService<IOptions<PdokOptions>>().Value.Enabled
                ? new FallbackAddressResolver(
                    provider.GetRequiredService<PdokAddressResolver>(),
                    provider.GetRequiredService<Pc4AddressResolver>(),
                    provider.GetRequiredService<ILogger<FallbackAddressResolver>>())
                : provider.GetRequiredService<Pc4AddressResolver>());
        services.AddTransient<SupportPointLookup>();

        services.AddSingleton(new Portal.Web.Umbraco.EmbeddedContent(data));
        services.AddSingleton<Portal.Web.Umbraco.ContentSourceStatus>();
        services.Configure<Portal.Content.Umbraco.UmbracoOptions>(builder.Configuration.GetSection(Portal.Content.Umbraco.UmbracoOptions.Section));
        services.AddHttpClient<Portal.Content.Umbraco.DeliveryApiClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<Portal.Content.Umbraco.UmbracoOptions>>().Value;
            http.BaseAddress = options.BaseUrl is { } url ? new Uri(url.ToString().TrimEnd('/') + "/") : new Uri("http://umbraco.invalid/");
            // Polly applies the per-attempt timeout; this outer one only stops a hung retry loop.
            http.Timeout = options.Timeout * (options.Retries + 2);
        });
        services.AddSingleton<Portal.Content.Umbraco.UmbracoContentMapper>();
        // A singleton holding one typed client: a long-lived HttpClient is fine here, Umbraco's address does not change.
        services.AddSingleton<Portal.Web.Umbraco.UmbracoContentLoader>();
        services.AddSingleton<Portal.Web.Umbraco.UmbracoRefreshQueue>();
        services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        services.AddSingleton<Portal.Web.Cards.CardDocuments>();
        services.AddSingleton<Portal.Web.Cards.CardFileCache>();
        services.AddSingleton<IContentPublishedHandler, Portal.Web.Cards.CardsPublishedHandler>();
        services.AddSingleton<IContentPublishedHandler, Portal.Web.Cards.StaticSitePublishedHandler>();
        // Registered before the web server is built, so content is in place before the first request is accepted.
        services.AddHostedService<Portal.Web.Umbraco.UmbracoStartup>();
        services.AddHostedService<Portal.Web.Umbraco.UmbracoRefreshService>();
        return builder;
    }

    public static CultureSet CulturesFrom(IConfiguration configuration) =>
        new(configuration.GetSection("Portal:Cultures").Get<string[]>() ?? ["nl"]);
}
