using Portal.Web.Umbraco;

namespace Portal.Web.Hosting;

/// <summary>GET /health: which source is served, how old the snapshot is, and the last error.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (PortalDataStore store, ContentSourceStatus status, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            return Results.Ok(new
            {
                status = status.LastError is null ? "ok" : "degraded",
                source = status.Source,
                contentVersion = store.Current.Content.Version,
                loadedAt = store.State.LoadedAt,
                snapshotAgeSeconds = status.SnapshotSavedAt is { } saved ? (long?)(now - saved).TotalSeconds : null,
                lastRefresh = status.LastRefresh,
                lastError = status.LastError,
            });
        });
        return app;
    }
}
