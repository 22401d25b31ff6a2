using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Application.ContentPipeline;

namespace Portal.Web.Hosting;

/// <summary>Healthy while nothing is wrong; degraded (still serving the last good content) while anything is.</summary>
public sealed class ContentHealthCheck(ContentSourceStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.LastError is { } error ? HealthCheckResult.Degraded(error) : HealthCheckResult.Healthy());
}

/// <summary>GET /health: which source is served, its version, how old the snapshot is, and what is wrong now.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder app)
    {
        // Read-only: a monitor GETs (or HEADs) it; anything else is 405.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var services = http.RequestServices;
        var status = services.GetRequiredService<ContentSourceStatus>();
        var store = services.GetRequiredService<PortalDataStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status == HealthStatus.Healthy ? "ok" : "degraded",
            source = status.Source,
            contentVersion = store.IsLoaded ? store.Current.Content.Version : null,
            loadedAt = store.IsLoaded ? store.State.LoadedAt : (DateTimeOffset?)null,
            snapshotAgeSeconds = status.SnapshotSavedAt is { } saved ? (long?)(now - saved).TotalSeconds : null,
            lastRefresh = status.LastRefresh,
            lastError = status.LastError,
            problems = status.Problems,
            // Every refused item, for monitoring: residents see its last good version, or nothing of it.
            refused = status.Refused.Select(r => new
            {
                item = r.Refusal.Item,
                place = r.Refusal.Place,
                lastGoodServed = r.Refusal.LastGoodServed,
                since = r.Since,
                problems = r.Refusal.Problems.Select(p => p.ToString()),
                because = r.Refusal.Because,
            }),
        }, JsonSerializerOptions.Web, http.RequestAborted);
    }
}
