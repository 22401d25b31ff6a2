using System.Globalization;
using System.Net;
using System.Text;
using Portal.Application.ContentPipeline;
using Portal.Application.Editors;
using Portal.Application.PageCatalogue;
using Portal.Content.Model;
using Portal.Pages;
using Portal.Web.Hosting;

namespace Portal.Web.Endpoints;

/// <summary>
/// /redactie: the communication officers' page — not for residents, behind <see cref="EditorAuthenticationHandler"/>:
/// what is refused and why, since when, a link to fix it in Umbraco, what is live, and which translations are behind.
/// /redactie/status.json is the same for monitoring.
/// </summary>
public static class EditorsEndpoints
{
    public const string Policy = "editors";

    public static IServiceCollection AddEditors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EditorsOptions>().Bind(configuration.GetSection(EditorsOptions.Section));
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, EditorAuthenticationHandler>(EditorAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(EditorAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapEditors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/redactie").RequireAuthorization(Policy);
        group.MapGet("", (HttpContext http, EditorsOverview overview) =>
        {
            Private(http);
            return Results.Content(Html(overview.Report(), http.User.Identity?.Name ?? ""), "text/html; charset=utf-8");
        });
        group.MapGet("/status.json", (HttpContext http, EditorsOverview overview) =>
        {
            Private(http);
            return Results.Json(overview.Report());
        });
        group.MapGet("/voorbeeld/{id:guid}", PreviewAsync);
        group.MapGet("/voorbeeld/{id:guid}/kaart.pdf", CardPdfAsync);
        return app;
    }

    /// <summary>
    /// An officer's preview of a draft (a page, an alert on the home page, a support point, the card texts on a card) as
    /// residents will see it once published, in the language of ?taal=. Built beside what is served and dropped after this
    /// response: it never reaches residents, the caches, the static site or search. A draft that would be refused says why.
    /// </summary>
    private static async Task<IResult> PreviewAsync(Guid id, HttpContext http, Portal.Application.Umbraco.UmbracoContentSync sync, PortalDataStore store,
        PageRenderer renderer, LivePageServices services, TimeProvider time)
    {
        Private(http);
        if (await sync.PreviewAsync(id, http.RequestAborted) is not { } preview)
        {
            return Results.Problem(title: "Nog geen Umbraco-inhoud", detail: "Portal heeft Umbraco nog niet kunnen lezen; probeer het zo opnieuw.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (preview.Draft is not { } draft)
        {
            return Results.Problem(title: "Geen concept", detail: $"Umbraco heeft geen item met sleutel {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        var refused = preview.Load.Refused.Where(r => r.Item.StartsWith($"umbraco:{id}", StringComparison.Ordinal)).ToList();
        if (preview.Load.Data is not { } data || refused.Count > 0)
        {
            var reasons = refused.Count > 0 ? refused.SelectMany(r => r.Problems) : preview.Load.Problems;
            var list = string.Concat(reasons.Select(EditorReason.Of).Select(r => $"<li>{(r.Field.Length > 0 ? $"<code>{WebUtility.HtmlEncode(r.Field)}</code>: " : "")}{WebUtility.HtmlEncode(r.Dutch)}</li>"));
            return Results.Content($"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Voorbeeld: zo wordt dit concept geweigerd</title>" +
                $"<link rel=\"stylesheet\" href=\"/css/portal.css\"></head><body><main><h1 class=\"utrecht-heading-1\">Dit concept zou worden geweigerd</h1>" +
                $"<p>Bewoners zouden na publiceren de vorige versie blijven zien. Verbeter eerst:</p><ul>{list}</ul></main></body></html>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var culture = data.Cultures.Find(http.Request.Query["taal"].ToString()) ?? data.Cultures.Default;
        var (type, route) = draft.ContentType switch
        {
            ContentTypes.ContentPage or ContentTypes.Checklist => ("content-page", new Dictionary<string, string?> { ["key"] = draft.Slug }),
            ContentTypes.SupportPoint => ("support-point", new Dictionary<string, string?> { ["slug"] = draft.Text("slug") ?? draft.Slug }),
            ContentTypes.CardTexts => ("card", new Dictionary<string, string?> { ["code"] = data.Places.Buurten[0].Code }),
            _ => ("home", new Dictionary<string, string?>()), // the home page, an alert's banner, the settings in the footer
        };
        var page = PageContextFactory.For(http, data, culture, http.Request.Path + http.Request.QueryString);
        var state = new PortalState(data, store.State.Index, store.State.Documents, time.GetUtcNow());
        var view = await PortalPages.All.First(p => p.Name == type).Live!(new LiveRequest(page, state, route,
            new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase), services, http.RequestAborted));
        if (view is null)
        {
            return Results.Problem(title: "Geen voorbeeld", detail: "Dit item heeft geen eigen pagina.", statusCode: StatusCodes.Status404NotFound);
        }

        var html = await view.RenderAsync(renderer, page);
        var body = html.IndexOf("<body", StringComparison.Ordinal) is var at && at >= 0 ? html.IndexOf('>', at) + 1 : 0;
        var pdf = type == "card" ? $" <a href=\"/redactie/voorbeeld/{id}/kaart.pdf?taal={culture.Code}&amp;buurt={route["code"]}\">Open deze conceptkaart als PDF</a> (zoals hij wordt gedrukt)." : "";
        return Results.Content(html.Insert(body, $"<p class=\"notice\" role=\"status\">Voorbeeld van een concept: bewoners zien dit pas na publiceren.{pdf}</p>"),
            "text/html; charset=utf-8");
    }

    /// <summary>
    /// The PDF of a draft card (the card texts as saved in Umbraco, on the first buurt's card or ?buurt=), printed for
    /// this response from the draft: never in the card cache, never on disk, never seen by residents.
    /// </summary>
    private static async Task<IResult> CardPdfAsync(Guid id, HttpContext http, Portal.Application.Umbraco.UmbracoContentSync sync, DraftCardPdf cards)
    {
        Private(http);
        if (await sync.PreviewAsync(id, http.RequestAborted) is not { Draft: { ContentType: ContentTypes.CardTexts } } preview)
        {
            return Results.Problem(title: "Geen conceptkaart", detail: $"Umbraco heeft geen kaartteksten met sleutel {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (preview.Load.Data is not { } data || preview.Load.Refused.Any(r => r.Item.StartsWith($"umbraco:{id}", StringComparison.Ordinal)))
        {
            return Results.Redirect($"/redactie/voorbeeld/{id}"); // says why the draft would be refused
        }

        var culture = data.Cultures.Find(http.Request.Query["taal"].ToString()) ?? data.Cultures.Default;
        var buurt = data.Places.FindBuurt(http.Request.Query["buurt"].ToString().ToUpperInvariant()) ?? data.Places.Buurten[0];
        try
        {
            return Results.File(await cards.PdfAsync(data, buurt, culture), "application/pdf", $"conceptkaart-{buurt.Code}-{culture.Code}.pdf");
        }
        catch (Portal.Cards.CardOverflowException e)
        {
            return Results.Problem(title: "Deze conceptkaart past niet", detail: $"Een tekst is te lang voor de kaart: maak hem korter. ({e.Message})",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>Never cached or indexed: it names refused drafts residents must not see.</summary>
    private static void Private(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The outputs as an officer knows them.</summary>
    private static readonly Dictionary<string, string> RebuildNames = new(StringComparer.Ordinal)
    {
        [Portal.Application.Publishing.RebuildLog.LivePages] = "Pagina's op de site",
        [Portal.Application.Publishing.RebuildLog.Cards] = "Meterkastkaarten om te downloaden",
        [Portal.Application.Publishing.RebuildLog.StaticSite] = "Noodsite (statische kopie)",
        [Portal.Application.Publishing.RebuildLog.PrintRun] = "Drukbestanden van de kaarten",
    };

    private static string Html(EditorsReport report, string officer)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        string When(DateTimeOffset? time) => time is { } t ? E(Portal.Content.Model.MunicipalTime.ToLocal(t).ToString("d MMMM yyyy, HH:mm", Dutch)) : "";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Redactie: wat bewoners zien</title><link rel=\"stylesheet\" href=\"/css/portal.css\"></head><body><main id=\"inhoud\" class=\"editors\">")
            .Append("<h1 class=\"utrecht-heading-1\">Redactie: wat bewoners zien</h1>")
            .Append("<p>Ingelogd als ").Append(E(officer)).Append(". Bron: ").Append(E(report.Source)).Append(", inhoudsversie ").Append(E(report.ContentVersion))
            .Append(", bijgewerkt ").Append(When(report.LoadedAt)).Append(". Alleen voor de redactie; deze pagina wordt niet bewaard of geïndexeerd.</p>");

        html.Append("<h2 class=\"utrecht-heading-2\">Geweigerd</h2>");
        if (report.Refused.Count == 0)
        {
            html.Append("<p>Niets geweigerd: alles wat is gepubliceerd, staat live.</p>");
        }
        else
        {
            html.Append("<p>Deze items zijn niet gepubliceerd zoals ze zijn aangeboden. Bewoners zien de laatste goede versie, of niets als die er niet is. ")
                .Append("Verbeter het item en publiceer het opnieuw; dan verdwijnt het van deze lijst.</p>")
                .Append("<table><caption>Geweigerde items (").Append(report.Refused.Count).Append(")</caption><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Taal</th>")
                .Append("<th scope=\"col\">Wat bewoners zien</th><th scope=\"col\">Veld en reden</th><th scope=\"col\">Sinds</th><th scope=\"col\">Aanpassen</th></tr></thead><tbody>");
            foreach (var item in report.Refused)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(item.Kind)).Append(": ").Append(E(item.Name)).Append("</th><td>").Append(E(item.Culture ?? "alle"))
                    .Append("</td><td>").Append(item.State == "refused-last-good" ? "de vorige versie" : "niets: dit item staat niet op de site").Append("</td><td><ul>");
                foreach (var reason in item.Reasons)
                {
                    html.Append("<li>").Append(reason.Field.Length > 0 ? $"<code>{E(reason.Field)}</code>: " : "").Append(E(reason.Dutch)).Append("</li>");
                }

                if (item.Because.Count > 0)
                {
                    html.Append("<li>Geweigerd omdat dit ook is geweigerd: ").Append(E(string.Join(", ", item.Because))).Append("</li>");
                }

                html.Append("</ul></td><td>").Append(When(item.Since)).Append("</td><td>")
                    .Append(item.EditUrl is { } url ? $"<a href=\"{E(url.ToString())}\">Open in Umbraco<span class=\"visually-hidden\">: {E(item.Name)}</span></a>" : "")
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (report.Problems.Count > 0)
        {
            html.Append("<h2 class=\"utrecht-heading-2\">Meldingen voor de beheerder</h2><ul>");
            foreach (var problem in report.Problems)
            {
                html.Append("<li>").Append(E(problem)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2 class=\"utrecht-heading-2\">Opnieuw gemaakt na publiceren</h2>");
        if (report.Rebuilds.Count == 0)
        {
            html.Append("<p>Sinds de start is nog niets opnieuw gemaakt.</p>");
        }
        else
        {
            html.Append("<table><caption>Wat na de laatste publicaties opnieuw is gemaakt</caption><thead><tr><th scope=\"col\">Onderdeel</th>")
                .Append("<th scope=\"col\">Laatst gelukt</th><th scope=\"col\">Laatst mislukt</th></tr></thead><tbody>");
            foreach (var rebuild in report.Rebuilds)
            {
                var failedLast = rebuild.Failed is { } failed && (rebuild.Succeeded is not { } succeeded || failed > succeeded);
                html.Append("<tr><th scope=\"row\">").Append(E(RebuildNames.GetValueOrDefault(rebuild.What, rebuild.What))).Append("</th><td>")
                    .Append(rebuild.Succeeded is null ? "nog niet" : $"{When(rebuild.Succeeded)} (inhoudsversie {E(rebuild.Version)}; {E(rebuild.Result)})")
                    .Append("</td><td>").Append(rebuild.Failed is null ? "niet" : $"{(failedLast ? "<strong>Mislukt</strong>, " : "")}{When(rebuild.Failed)}: {E(rebuild.Reason)}")
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h2 class=\"utrecht-heading-2\">Vertalingen</h2>");
        if (report.Translations.Count == 0)
        {
            html.Append("<p>Alle vertalingen zijn bij.</p>");
        }
        else
        {
            html.Append("<table><caption>Ontbrekende en verouderde vertalingen</caption><thead><tr><th scope=\"col\">Taal</th><th scope=\"col\">Pagina</th>")
                .Append("<th scope=\"col\">Vertaald van</th><th scope=\"col\">Nederlandse versie nu</th></tr></thead><tbody>");
            foreach (var translation in report.Translations)
            {
                html.Append("<tr><td>").Append(E(translation.Culture)).Append("</td><th scope=\"row\">").Append(E(translation.Title)).Append("</th><td>")
                    .Append(translation.TranslatedFrom == 0 ? "nog niet vertaald" : $"versie {translation.TranslatedFrom}").Append("</td><td>versie ")
                    .Append(translation.SourceVersion).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h2 class=\"utrecht-heading-2\">Live</h2><table><caption>Wat bewoners nu zien (").Append(report.Live.Count)
            .Append(" items)</caption><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Taal</th><th scope=\"col\">Versie of status</th><th scope=\"col\">Aanpassen</th></tr></thead><tbody>");
        foreach (var item in report.Live)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(item.Kind)).Append(": ").Append(E(item.Name)).Append("</th><td>").Append(E(item.Culture ?? "alle"))
                .Append("</td><td>").Append(E(item.Version)).Append("</td><td>")
                .Append(item.EditUrl is { } url ? $"<a href=\"{E(url.ToString())}\">Open in Umbraco<span class=\"visually-hidden\">: {E(item.Name)}</span></a>" : "")
                .Append("</td></tr>");
        }

        return html.Append("</tbody></table></main></body></html>").ToString();
    }
}
