using Portal.Pages.Styles;

namespace Portal.Web.Endpoints;

/// <summary>The composed stylesheets at their content-hashed addresses: cached for ever, a new theme or build gets a new name.</summary>
public static class StyleEndpoints
{
    public static IEndpointRouteBuilder MapStyles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/css/{file}", (string file, HttpContext http, SiteStyles styles) =>
        {
            if (styles.ByHref($"/css/{file}") is not { } sheet)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(sheet.Bytes, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
