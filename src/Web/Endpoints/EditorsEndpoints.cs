using System.Globalization;
using System.Net;
using System.Text;
using Portal.Application.Editors;
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
        return app;
    }

    /// <summary>Never cached or indexed: it names refused drafts residents must not see.</summary>
    private static void Private(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

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
                    html.Append("<li>").Append(reason.Field.Length > 0 ? $"<code>{E(reason.Field)}</code>: " : "").Append(E(reason.Message)).Append("</li>");
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
