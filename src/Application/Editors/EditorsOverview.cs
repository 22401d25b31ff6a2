using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Content.Model;
using Portal.Content.Umbraco;

namespace Portal.Application.Editors;

/// <summary>Why an item is refused: the field (as the source names it) and what is wrong with it.</summary>
/// <param name="Message">In English, as logs and /health say it (for monitoring that matches on it).</param>
/// <param name="Dutch">For the officer, in plain Dutch: what is wrong and what to do.</param>
public sealed record EditorReason(string Field, string Message, string Dutch)
{
    /// <summary>Every problem that refuses an item is worded in Dutch where it is made; English only if one was missed.</summary>
    public static EditorReason Of(Portal.Places.Catalog.DataProblem problem) => new(problem.Field, problem.Message, problem.Dutch ?? problem.Message);
}

/// <summary>One item in one language, as the officers' overview lists it.</summary>
/// <param name="Kind">pagina, melding, steunpunt, kaartteksten, instellingen, status or item.</param>
/// <param name="State">live; refused-last-good (residents see the last good version); refused-left-out (residents do not see it).</param>
/// <param name="Version">What residents see now: the page's version, or the point's status.</param>
/// <param name="EditUrl">The item in the Umbraco backoffice, when it comes from Umbraco.</param>
/// <param name="Because">The refused items this one follows from.</param>
public sealed record EditorItem(string Kind, string Name, string? Culture, string State, IReadOnlyList<EditorReason> Reasons, DateTimeOffset? Since,
    string? Version, Uri? EditUrl, IReadOnlyList<string> Because);

/// <summary>Everything the officers' page and its JSON show.</summary>
/// <param name="Translations">Pages and card texts not translated yet, or translated from an older Dutch version.</param>
/// <param name="Problems">What concerns everything (/health's problems).</param>
/// <param name="Rebuilds">What was rebuilt after the last publishes (live pages, cards, static site, print run) and when.</param>
public sealed record EditorsReport(string Source, string? ContentVersion, DateTimeOffset? LoadedAt, DateTimeOffset? LastRefresh,
    IReadOnlyList<EditorItem> Refused, IReadOnlyList<EditorItem> Live, IReadOnlyList<OutdatedTranslation> Translations, IReadOnlyList<string> Problems,
    IReadOnlyList<Portal.Application.Publishing.RebuildOutcome> Rebuilds);

/// <summary>
/// For communication officers: per item and language, live or refused, why, since when, and a link that opens it in the
/// Umbraco backoffice. Read from what is served and what was refused; it changes nothing.
/// </summary>
public sealed class EditorsOverview(PortalDataStore store, ContentSourceStatus status, Portal.Application.Publishing.RebuildLog rebuilds, IOptions<UmbracoOptions> umbraco)
{
    public EditorsReport Report()
    {
        var data = store.IsLoaded ? store.Current : null;
        var refused = status.Refused.Select(r => new EditorItem(KindOf(r.Refusal.Problems[0].Location), r.Refusal.Place, CultureOf(r.Refusal.Item),
            r.Refusal.LastGoodServed ? "refused-last-good" : "refused-left-out",
            [.. r.Refusal.Problems.Select(EditorReason.Of)], r.Since, null, EditUrl(r.Refusal.Item), r.Refusal.Because)).ToList();
        var live = data is null ? [] : Live(data).ToList();
        return new EditorsReport(status.Source, data?.Content.Version, store.IsLoaded ? store.State.LoadedAt : null, status.LastRefresh, refused, live,
            data is null ? [] : TranslationStatus.Behind(data.Content, data.Cultures), status.Problems, rebuilds.Outcomes());
    }

    /// <summary>Umbraco's backoffice opens a document at /umbraco/section/content/workspace/document/edit/{key}.</summary>
    public Uri? EditUrl(string? item)
    {
        if ((umbraco.Value.BackofficeUrl ?? umbraco.Value.BaseUrl) is not { } root || item is null || !item.StartsWith("umbraco:", StringComparison.Ordinal)
            || !Guid.TryParse(item["umbraco:".Length..].Split('/')[0], out var id))
        {
            return null;
        }

        return new Uri($"{root.ToString().TrimEnd('/')}/umbraco/section/content/workspace/document/edit/{id}");
    }

    private IEnumerable<EditorItem> Live(PortalData data)
    {
        foreach (var culture in data.Cultures.All)
        {
            var content = data.Content.For(culture);
            foreach (var page in content.Pages)
            {
                yield return new EditorItem("pagina", $"{page.Title} (/{(culture.IsDefault ? "" : culture.Code + "/")}{(page.Key == "home" ? "" : page.Key)})", culture.Code, "live", [], null,
                    culture.IsDefault ? $"versie {page.Version}" : $"vertaald van versie {page.SourceVersion}", null, []);
            }

            if (content.Card is { } card)
            {
                yield return new EditorItem("kaartteksten", card.Title, culture.Code, "live", [], null,
                    culture.IsDefault ? $"versie {card.Version}" : $"vertaald van versie {card.SourceVersion}", null, []);
            }
        }

        foreach (var alert in data.Content.For(data.Cultures.Default).Alerts)
        {
            yield return new EditorItem("melding", alert.Text, null, "live", [], null, $"vanaf {alert.ActiveFrom:yyyy-MM-dd HH:mm}", EditUrl($"umbraco:{alert.Id}"), []);
        }

        foreach (var point in data.Places.SupportPoints)
        {
            yield return new EditorItem("steunpunt", point.Name, null, "live", [], null, Portal.Places.Catalog.KebabCase.Of(point.Status.State), EditUrl(point.Source), []);
        }
    }

    /// <summary>The kind of item, from where its problem is: "alert 'x' (…)", "contentPage 'x' (…)", a pages/ file.</summary>
    private static string KindOf(string location) => location.Split(' ')[0] switch
    {
        "home" or "contentPage" or "checklist" or "front" => "pagina",
        "alert" => "melding",
        "supportPoint" or "support" => "steunpunt",
        "cardTexts" or "card" => "kaartteksten",
        "siteSettings" or "settings" => "instellingen",
        "point" => "status",
        _ => "item",
    };

    private static string? CultureOf(string item) => item.StartsWith("umbraco:", StringComparison.Ordinal) && item.Split('/') is [_, var culture] ? culture : null;
}
