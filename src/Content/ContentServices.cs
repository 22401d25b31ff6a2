using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Portal.Content.Umbraco;

namespace Portal.Content;

public static class ContentServices
{
    /// <summary>
    /// Umbraco's Content Delivery API v2 (section Portal:Umbraco): the client, with a timeout per attempt and a few
    /// retries with back-off from the standard resilience handler, and the mapper onto Portal's content draft.
    /// </summary>
    public static IServiceCollection AddUmbracoDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UmbracoOptions>().Bind(configuration.GetSection(UmbracoOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Retries >= 0 && o.CheckInterval > TimeSpan.Zero,
                "Portal:Umbraco: Timeout and CheckInterval must be positive and Retries at least 0")
            .Validate(o => o.BaseUrl is null || (o.BaseUrl.IsAbsoluteUri && o.BaseUrl.Scheme is "http" or "https"),
                "Portal:Umbraco:BaseUrl: not an http(s) address; give the Umbraco site's address, e.g. https://cms.gemeente.nl/")
            .ValidateOnStart();
        services.AddHttpClient<DeliveryApiClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<UmbracoOptions>>().Value;
                http.BaseAddress = options.BaseUrl is { } url ? new Uri(url.ToString().TrimEnd('/') + "/") : new Uri("http://umbraco.invalid/");
                // The resilience handler times each attempt; this outer limit only stops a hung retry loop.
                http.Timeout = options.Timeout * (options.Retries + 2);
            })
            .AddResilienceHandler("umbraco-delivery", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<UmbracoOptions>>().Value;
                if (options.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.Retries,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(options.Timeout);
            });
        services.AddSingleton<UmbracoContentMapper>();
        // Creating document types and documents is not idempotent at the HTTP level: no retries, a clear error instead.
        services.AddHttpClient(ManagementApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
