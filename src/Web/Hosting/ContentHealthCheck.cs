using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Application.ContentPipeline;

namespace Portal.Web.Hosting;

/// <summary>Healthy while nothing is wrong; degraded (still serving the last good content) while anything is.</summary>
/// In a region deployment, the region host is degraded while any municipality's site is: monitoring sees one address.
public sealed class ContentHealthCheck(ContentSourceStatus status, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (status.LastError is { } error)
        {
            return Task.FromResult(HealthCheckResult.Degraded(error));
        }

        var troubled = services.GetService<RegionSites>()?.Hosts.Where(host => SiteHealth.Of(host).Status != "ok").Select(h => h.Municipality.Slug).ToList();
        return Task.FromResult(troubled is { Count: > 0 }
            ? HealthCheckResult.Degraded($"not ok: {string.Join(", ", troubled)}")
            : HealthCheckResult.Healthy());
    }
}

/// <summary>One municipality's site on the region host's /health: named, with what it serves and what is wrong.</summary>
public sealed record SiteHealth(string Code, string Name, string Slug, string Status, string? ContentVersion, string? LastError, int Refused)
{
    public static SiteHealth Of(MunicipalityHost host)
    {
        var m = host.Municipality;
        if (!host.IsServing)
        {
            // Nothing of it could be served at start: its requests answer 503; the other sites serve.
            return new SiteHealth(m.Code, m.Name, m.Slug, "down", null, host.Start?.Summary ?? "starting", host.Start?.Refused.Count ?? 0);
        }

        var status = host.Services.GetRequiredService<ContentSourceStatus>();
        var store = host.Services.GetRequiredService<PortalDataStore>();
        return new SiteHealth(m.Code, m.Name, m.Slug, status.LastError is null ? "ok" : "degraded",
            store.IsLoaded ? store.Current.Content.Version : null, status.LastError, status.Refused.Count);
    }
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
            // A region deployment: every municipality's site by name, so a monitor sees which one needs attention.
            municipalities = services.GetService<RegionSites>()?.Hosts.Select(SiteHealth.Of),
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
