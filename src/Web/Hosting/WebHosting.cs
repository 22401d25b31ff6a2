using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Portal.Application;
using Portal.Application.ContentPipeline;
using Portal.Web.Endpoints;

namespace Portal.Web.Hosting;

/// <summary>The web host: what it adds to the application layer (privacy-safe logging, health checks) and its pipeline.</summary>
public static class WebHosting
{
    public const string ApiDocument = "v1";

    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        // Residents' postcodes and coordinates travel in query strings; the categories that log request URLs
        // (ASP.NET Core's request lines, HttpClient's outgoing requests) must never write them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        services.AddPortalApplication(builder.Configuration);
        services.AddUmbracoSync(builder.Configuration);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");
        services.AddOpenApi(ApiDocument, openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Portal API: noodsteunpunten";
                document.Info.Description = "Read-only: support points with their live status, buurten and lookups. Open data (GeoJSON, CSV, DCAT) at /open-data/.";
                return Task.CompletedTask;
            });
        });
        services.AddOpenData();
        // HTML and CSS compress to a fifth; Kestrel sent them as they are. Brotli where the browser takes it, else gzip,
        // at the fastest level (the pages are rendered per request). No page holds a secret or token for BREACH to guess.
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            compression.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            compression.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/geo+json"];
        });
        services.AddSearchLimit();
        services.AddEditors(builder.Configuration);
        builder.AddPortalTelemetry();
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (app.Services.GetService<RegionSites>() is { } sites)
        {
            // Before anything of the region's own: a municipality's site has its own headers, compression and pages.
            app.UseRegionSites(sites);
        }

        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseOneAddressPerPage();
        app.UseHeadAsGet();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(options.WebRootPath),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        // Explicitly after UseHeadAsGet, so a HEAD request is matched to the GET endpoint.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        var cultures = app.Services.GetRequiredService<Portal.Content.Cultures.CultureSet>();
        app.MapLookupApi();
        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapOpenData();
        app.MapPortalHealth();
        app.MapSiteFiles();
        app.MapUmbracoWebhook();
        app.MapEditors();
        app.MapCardFiles(cultures);
        app.MapStyles();
        app.MapResidentPages(cultures);
        return app;
    }
}
