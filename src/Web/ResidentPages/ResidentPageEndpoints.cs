using System.Globalization;
using Portal.Pages;
using static Portal.Pages.PageParameters;
using Portal.Pages.Layout;
using Portal.Pages.Lookup;
using Portal.Pages.Places;
using Portal.Places.Geography;
using Portal.Places.Lookup;
using Portal.Web.Hosting;

namespace Portal.Web.ResidentPages;

/// <summary>The resident-facing HTML pages, in every configured language: Dutch at /, others under /{code}/.</summary>
public static class ResidentPageEndpoints
{
    public static IEndpointRouteBuilder MapResidentPages(this IEndpointRouteBuilder app, PortalData data)
    {
        var prefixes = data.Cultures.All.Where(c => !c.IsDefault).Select(c => c.Code).ToList();
        MapPages(app.MapGroup(""));
        if (prefixes.Count > 0)
        {
            MapPages(app.MapGroup($"/{{culture:regex(^({string.Join('|', prefixes)})$)}}"));
        }

        app.MapFallback((HttpContext http, PortalData portal, PageRenderer renderer) =>
            renderer.PageAsync<NotFoundPage>(
                Parameters(PageContextFactory.For(http, portal)),
                StatusCodes.Status404NotFound));
        return app;
    }

    private static void MapPages(RouteGroupBuilder group)
    {
        // Content pages are matched last, so "/en" is always the English home page, never a page called "en".
        group.MapGet("/{key:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}", ContentPageAsync).WithOrder(1);

        group.MapGet("/", (HttpContext http, PortalData data, PageRenderer renderer) =>
            renderer.PageAsync<HomePage>(Parameters(PageContextFactory.For(http, data))));

        group.MapGet("/opzoeken", LookupAsync);
        Portal.Web.Cards.CardEndpoints.MapCardPages(group);

        group.MapGet("/zoeken", (HttpContext http, string? q, PortalDataStore store, PageRenderer renderer) =>
        {
            // One state for the whole request: the index always matches the content it is shown with.
            var state = store.State;
            var page = PageContextFactory.For(http, state.Data);
            var query = (q ?? "").Trim();
            var hits = query.Length == 0 ? [] : state.Search.Search(query, page.Culture.Code);
            return renderer.PageAsync<Portal.Pages.Search.SearchPage>(Parameters(page, ("Query", query), ("Hits", hits)));
        });

        group.MapGet("/steunpunten", (HttpContext http, PortalData data, PageRenderer renderer) =>
            renderer.PageAsync<SupportPointsPage>(Parameters(PageContextFactory.For(http, data))));

        group.MapGet("/steunpunt/{slug}", (HttpContext http, string slug, PortalData data, PageRenderer renderer) =>
        {
            var page = PageContextFactory.For(http, data);
            return data.Places.FindSupportPoint(slug) is { } point
                ? renderer.PageAsync<SupportPointPage>(Parameters(page, ("Point", point)))
                : renderer.PageAsync<NotFoundPage>(Parameters(page), StatusCodes.Status404NotFound);
        });

        group.MapGet("/buurt/{code}", (HttpContext http, string code, PortalData data, PageRenderer renderer) =>
        {
            var page = PageContextFactory.For(http, data);
            return data.Places.FindBuurt(code.ToUpperInvariant()) is { } buurt
                ? renderer.PageAsync<BuurtPage>(Parameters(page, ("Buurt", buurt)))
                : renderer.PageAsync<NotFoundPage>(Parameters(page), StatusCodes.Status404NotFound);
        });

        group.MapGet("/wijken", (HttpContext http, PortalData data, PageRenderer renderer) =>
            renderer.PageAsync<WijkenPage>(Parameters(PageContextFactory.For(http, data))));

        group.MapGet("/wijk/{code}", (HttpContext http, string code, PortalData data, PageRenderer renderer) =>
        {
            var page = PageContextFactory.For(http, data);
            return data.Places.FindWijk(code.ToUpperInvariant()) is { } wijk
                ? renderer.PageAsync<WijkPage>(Parameters(page, ("Wijk", wijk)))
                : renderer.PageAsync<NotFoundPage>(Parameters(page), StatusCodes.Status404NotFound);
        });
    }

    /// <summary>
    /// GET /opzoeken?postcode=..&amp;huisnummer=.. or ?lat=..&amp;lon=.. (from the optional location button).
    /// Malformed input is 400 with the form and its errors; an unknown postcode is 404.
    /// </summary>
    private static async Task<IResult> LookupAsync(
        HttpContext http, string? postcode, string? huisnummer, string? lat, string? lon,
        PortalData data, SupportPointLookup lookup, PageRenderer renderer, CancellationToken cancellationToken)
    {
        var page = PageContextFactory.For(http, data);
        if (lat is not null || lon is not null)
        {
            if (!GeoPoint.TryParse(lat, lon, out var point))
            {
                var invalid = new LookupForm("", "", new Dictionary<string, string> { [LookupForm.PostcodeField] = "form.location-invalid" });
                return await renderer.PageAsync<LookupPage>(Parameters(page, ("Form", invalid)), StatusCodes.Status400BadRequest);
            }

            var outcome = lookup.ByLocation(point);
            return await renderer.PageAsync<LookupPage>(Parameters(page, ("Outcome", outcome)), StatusOf(outcome));
        }

        var errors = new Dictionary<string, string>();
        Postcode parsed = default;
        if (string.IsNullOrWhiteSpace(postcode))
        {
            errors[LookupForm.PostcodeField] = "form.postcode-required";
        }
        else if (!Postcode.TryParse(postcode, out parsed))
        {
            errors[LookupForm.PostcodeField] = "form.postcode-invalid";
        }

        HouseNumber? number = null;
        if (!string.IsNullOrWhiteSpace(huisnummer))
        {
            if (HouseNumber.TryParse(huisnummer, out var n))
            {
                number = n;
            }
            else
            {
                errors[LookupForm.HouseNumberField] = "form.house-number-invalid";
            }
        }

        var form = new LookupForm(postcode ?? "", huisnummer ?? "", errors);
        if (errors.Count > 0)
        {
            // A first visit to /opzoeken without any input is not an error, just the empty form.
            var empty = postcode is null && huisnummer is null;
            return await renderer.PageAsync<LookupPage>(
                Parameters(page, ("Form", empty ? LookupForm.Empty : form)),
                empty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }

        var result = await lookup.ByPostcodeAsync(parsed, number, cancellationToken);
        return await renderer.PageAsync<LookupPage>(
            Parameters(page, ("Form", form), ("Outcome", result), ("Postcode", (Postcode?)parsed)), StatusOf(result));
    }

    /// <summary>A content page in the resident's language, or in Dutch while its translation does not exist yet.</summary>
    private static Task<IResult> ContentPageAsync(HttpContext http, string key, string? personen, PortalData data, PageRenderer renderer)
    {
        var page = PageContextFactory.For(http, data);
        var shown = key == "home" ? null : page.Pages.Find(key);
        var textCulture = page.Culture;
        if (shown is null && key != "home" && data.Content.For(data.Cultures.Default).Find(key) is { } source)
        {
            (shown, textCulture) = (source, data.Cultures.Default);
        }

        if (shown is null)
        {
            return renderer.PageAsync<NotFoundPage>(Parameters(page), StatusCodes.Status404NotFound);
        }

        var persons = 1;
        var invalid = personen is not null
            && (!int.TryParse(personen, NumberStyles.None, CultureInfo.InvariantCulture, out persons) || persons is < 1 or > 20);
        return renderer.PageAsync<Portal.Pages.Content.ContentPageView>(
            Parameters(page, ("Shown", shown), ("TextCulture", textCulture), ("Persons", invalid ? 1 : persons),
                ("PersonsInput", personen), ("PersonsInvalid", invalid)),
            invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static int StatusOf(LookupOutcome outcome) =>
        outcome.Status == LookupStatus.UnknownPostcode ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
}
