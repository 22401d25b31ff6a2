using Portal.Pages;
using System.Net.Http.Headers;
using static Portal.Pages.PageParameters;
using Portal.Pages.Cards;
using Portal.Pages.Layout;
using Portal.Web.Hosting;
using Portal.Web.ResidentPages;

namespace Portal.Web.Cards;

/// <summary>/kaart/{code} (+ .pdf, .png) in every language, and the short URL /s/{code} printed in the QR codes.</summary>
public static class CardEndpoints
{
    public static void MapCardPages(RouteGroupBuilder group)
    {
        group.MapGet("/kaart/{code}.pdf", (HttpContext http, string code, PortalData data, CardFileCache cache) => FileAsync(http, code, data, cache, "pdf"));
        group.MapGet("/kaart/{code}.png", (HttpContext http, string code, PortalData data, CardFileCache cache) => FileAsync(http, code, data, cache, "png"));
        group.MapGet("/kaart/{code}", (HttpContext http, string code, PortalData data, CardDocuments documents, PageRenderer renderer) =>
        {
            var page = PageContextFactory.For(http, data);
            return data.Places.FindBuurt(code.ToUpperInvariant()) is { } buurt
                ? renderer.PageAsync<CardPage>(Parameters(page, ("Card", documents.Card(data, buurt, page.Culture, Portal.Cards.CardSize.A6))))
                : renderer.PageAsync<NotFoundPage>(Parameters(page), StatusCodes.Status404NotFound);
        });
    }

    /// <summary>
    /// The QR code's target. It names the buurt, so it still works when the buurt gets another support point, and it
    /// answers with a redirect to that support point's page in the language the resident's phone asks for.
    /// </summary>
    public static IEndpointRouteBuilder MapShortLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{code}", (HttpContext http, string code, PortalData data, PageRenderer renderer) =>
        {
            if (data.Places.FindBuurt(code.ToUpperInvariant()) is not { } buurt)
            {
                return renderer.PageAsync<NotFoundPage>(Parameters(PageContextFactory.For(http, data)), StatusCodes.Status404NotFound);
            }

            var culture = PreferredCulture(http.Request.Headers.AcceptLanguage.ToString(), data);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.Vary = "Accept-Language";
            return Task.FromResult(Results.Redirect(culture.Path($"/steunpunt/{data.Places.AssignmentFor(buurt).Primary.Slug}")));
        });
        return app;
    }

    private static Portal.Content.Cultures.PortalCulture PreferredCulture(string acceptLanguage, PortalData data)
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

    private static async Task<IResult> FileAsync(HttpContext http, string code, PortalData data, CardFileCache cache, string extension)
    {
        if (data.Places.FindBuurt(code.ToUpperInvariant()) is not { } buurt)
        {
            return Results.Problem(title: "Unknown buurt", detail: $"There is no buurt {code}.", statusCode: StatusCodes.Status404NotFound);
        }

        var culture = PageContextFactory.For(http, data).Culture;
        var path = await cache.GetAsync(data, buurt, culture, extension);
        return Results.File(path, extension == "pdf" ? "application/pdf" : "image/png",
            fileDownloadName: $"meterkastkaart-{buurt.Code}-{culture.Code}.{extension}");
    }
}
