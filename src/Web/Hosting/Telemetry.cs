using OpenTelemetry.Metrics;
using Portal.Application;

namespace Portal.Web.Hosting;

/// <summary>
/// Metrics for operators through OpenTelemetry: ASP.NET Core's requests and errors per route, and Portal's own
/// (<see cref="PortalMetrics"/>). Off unless Portal:Telemetry:OtlpEndpoint names a collector; residents' data never
/// leaves (metrics carry routes and outcomes, no query strings).
/// </summary>
public static class Telemetry
{
    public const string EndpointKey = "Portal:Telemetry:OtlpEndpoint";

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[EndpointKey] is not { Length: > 0 } endpoint)
        {
            return builder;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var collector))
        {
            throw new InvalidOperationException($"{EndpointKey}: '{endpoint}' is not an address like http://localhost:4317");
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PortalMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter(otlp => otlp.Endpoint = collector));
        return builder;
    }
}
