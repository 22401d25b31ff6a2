using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Places.Lookup;

namespace Portal.Places;

public static class PlacesServices
{
    /// <summary>
    /// The support point lookup: by postcode area (embedded table), or exactly with PDOK Locatieserver when
    /// Portal:Pdok:Enabled, falling back to the table. Needs a <see cref="PlaceCatalog"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddPlaceLookup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdokOptions>().Bind(configuration.GetSection(PdokOptions.Section));
        services.AddHttpClient<PdokAddressResolver>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<PdokOptions>>().Value;
            http.BaseAddress = options.BaseUrl;
            http.Timeout = options.Timeout;
        });
        services.AddTransient<Pc4AddressResolver>();
        // Transient so the typed PDOK HttpClient is renewed by the factory instead of held for the app's lifetime.
        services.AddTransient<IAddressResolver>(provider =>
            provider.GetRequiredService<IOptions<PdokOptions>>().Value.Enabled
                ? new FallbackAddressResolver(
                    provider.GetRequiredService<PdokAddressResolver>(),
                    provider.GetRequiredService<Pc4AddressResolver>(),
                    provider.GetRequiredService<ILogger<FallbackAddressResolver>>())
                : provider.GetRequiredService<Pc4AddressResolver>());
        services.AddTransient<SupportPointLookup>();
        return services;
    }
}
