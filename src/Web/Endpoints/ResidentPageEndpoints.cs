using Portal.Application.ContentPipeline;
using Portal.Application.PageCatalogue;
using Portal.Content.Cultures;
using Portal.Pages;
using Portal.Pages.Layout;

namespace Portal.Web.Endpoints;

/// <summary>
/// The resident-facing HTML pages, in every configured language (Dutch at /, others under /{code}/): every page type of
/// the catalogue that has a route, answered by one handler.
/// </summary>
public static class ResidentPageEndpoints
{
    public static IEndpointRouteBuilder MapResidentPages(this IEndpointRouteBuilder app, CultureSet cultures)
    {
        foreach (var group in CultureRoutes.Groups(app, cultures))
        {
            MapPages(group);
        }

        app.MapFallback((HttpContext http, PortalDataStore store, PageRenderer renderer) => NotFoundAsync(http, store.Current, renderer));
        return app;
    }

    private static void MapPages(RouteGroupBuilder group)
    {
        foreach (var type in PortalPages.All.Where(t => t is { Route: not null, Live: not null }))
        {
            group.MapGet(type.Route!, (HttpContext http, PortalDataStore store, PageRenderer renderer, LivePageServices services) => PageAsync(type, http, store, renderer, services))
                .WithOrder(type.RouteOrder)
                .LimitedWhenCostly(type);
        }
    }

    private static async Task<IResult> PageAsync(PageType type, HttpContext http, PortalDataStore store, PageRenderer renderer, LivePageServices services)
    {
        // One state for the whole request: data, search index and page context all from the same content version.
        var state = store.State;
        var page = PageContextFactory.For(http, state.Data);
        var request = new LiveRequest(page, state,
            http.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString(), StringComparer.OrdinalIgnoreCase),
            http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            services, http.RequestAborted);
        var view = await type.Live!(request);
        if (view?.RedirectTo is { } href)
        {
            return Results.Redirect(href);
        }

        return view is null
            ? await NotFoundAsync(http, state.Data, renderer)
            : Results.Content(await view.RenderAsync(renderer, page), "text/html; charset=utf-8", statusCode: view.Status);
    }

    public static async Task<IResult> NotFoundAsync(HttpContext http, PortalData data, PageRenderer renderer) =>
        Results.Content(await PageView.Of<NotFoundPage>().RenderAsync(renderer, PageContextFactory.For(http, data)), "text/html; charset=utf-8",
            statusCode: StatusCodes.Status404NotFound);
}
