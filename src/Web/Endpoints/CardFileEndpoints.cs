using System.Net.Http.Headers;
using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Content.Routing;
using Portal.Pages;

namespace Portal.Web.Endpoints;

/// <summary>/kaart/{code}.pdf and .png in every language, and the short URL /s/{code} printed in the QR codes.</summary>
public static class CardFileEndpoints
{
    public static IEndpointRouteBuilder MapCardFiles(this IEndpointRouteBuilder app, CultureSet cultures)
    {
        foreach (var group in CultureRoutes.Groups(app, cultures))
        {
            group.MapGet(SitePaths.CardPdfRoute, (HttpContext http, string code, PortalDataStore store, CardFileCache cache, ContentSourceStatus status) => FileAsync(http, code, store.Current, cache, status, "pdf"));
            group.MapGet(SitePaths.CardPngRoute, (HttpContext http, string code, PortalDataStore store, CardFileCache cache, ContentSourceStatus status) => FileAsync(http, code, store.Current, cache, status, "png"));
        }

        app.MapGet(SitePaths.ShortLinkRoute, ShortLinkAsync);
        return app;
    }

    /// <summary>
    /// The QR code's target. It names the buurt, so it still works when the buurt gets another support point, and it
    /// answers with a redirect to that support point's page in the language the resident's phone asks for.
    /// </summary>
    private static async Task<IResult> ShortLinkAsync(HttpContext http, string code, PortalDataStore store, PageRenderer renderer)
    {
        var data = store.Current;
        if (data.Places.FindBuurt(code.ToUpperInvariant()) is not { } buurt)
        {
            return await ResidentPageEndpoints.NotFoundAsync(http, data, renderer);
        }

        var culture = PreferredCulture(http.Request.Headers.AcceptLanguage.ToString(), data);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Vary = "Accept-Language";
        return Results.Redirect(http.Request.PathBase + culture.Path(SitePaths.SupportPoint(data.Places.AssignmentFor(buurt).Primary.Slug)));
    }

    private static PortalCulture PreferredCulture(string acceptLanguage, PortalData data)
    {
        var wanted = acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => StringWithQualityHeaderValue.TryParse(v, out var parsed) ? parsed : null)
            .OfType<StringWithQualityHeaderValue>()
            .OrderByDescending(v => v.Quality ?? 1);
        foreach (var language in wanted)
        {
            if (data.Cultures.Find(language.Value.Split('-')[0]) is { } culture)
            {
                return culture;
            }
        }

        return data.Cultures.Default;
    }

    private static async Task<IResult> FileAsync(HttpContext http, string code, PortalData data, CardFileCache cache, ContentSourceStatus status, string extension)
    {
        if (data.Places.FindBuurt(code.ToUpperInvariant()) is not { } buurt)
        {
            return Results.Problem(title: "Unknown buurt", detail: $"There is no buurt {code}.", statusCode: StatusCodes.Status404NotFound);
        }

        var culture = PageContextFactory.For(http, data).Culture;
        try
        {
            var bytes = await cache.GetAsync(data, buurt, culture, extension);
            return Results.File(bytes, extension == "pdf" ? "application/pdf" : "image/png",
                fileDownloadName: $"meterkastkaart-{buurt.Code}-{culture.Code}.{extension}");
        }
        catch (CardOverflowException e)
        {
            // Content that does not fit the card is the editors' to fix: say so where they look, and never send a clipped card.
            status.Failed("cards", $"{e.Message}; shorten the card texts");
            return Results.Problem(title: "This card cannot be printed right now", detail: "A text is too long for the card; the municipality is shortening it.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
