using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Content.Drafts;

/// <summary>
/// Where a draft value came from, precise enough to fix it: a file and line for content/, an Umbraco item, culture and
/// property for the CMS. Every problem the validator finds is worded against it.
/// </summary>
/// <param name="IsUmbraco">Fields are then named by their Umbraco property alias (camelCase) instead of the content/ key.</param>
public sealed record ContentOrigin(string File, string Location, bool IsUmbraco = false)
{
    private static readonly Dictionary<string, string> UmbracoAliases = new(StringComparer.Ordinal)
    {
        ["link"] = "linkUrl", ["step"] = "campaignStep", ["key"] = "route", ["checklist"] = "items", ["municipality"] = "municipality",
        ["message"] = "statusMessage", ["changed"] = "statusChangedAt", ["checked"] = "statusCheckedAt",
    };

    /// <summary>
    /// The item a problem here refuses (see <see cref="DataProblem.Item"/>): a page or card file, one entry of site.yml or
    /// status.yml, an Umbraco item (a page or card text per culture). Null for a place that is no item (a language folder).
    /// </summary>
    public string? Item { get; init; }

    /// <param name="dutch">The same for a communication officer in plain Dutch: what is wrong and what to do (<see cref="DataProblem.Dutch"/>).</param>
    public DataProblem Problem(string field, string message, string dutch) =>
        new(File, Location, IsUmbraco ? UmbracoAlias(field) : field, message) { Item = Item, Dutch = dutch };

    /// <summary>Pages and card texts are refused per culture (a broken translation keeps the Dutch page); other items as a whole.</summary>
    public static ContentOrigin UmbracoItem(string contentType, string name, Guid id, string culture) =>
        new("umbraco", $"{contentType} '{name}' ({id}), culture {culture}", IsUmbraco: true) { Item = UmbracoItemKey(contentType, id, culture) };

    public static string UmbracoItemKey(string contentType, Guid id, string culture) =>
        contentType is Model.ContentTypes.Home or Model.ContentTypes.ContentPage or Model.ContentTypes.Checklist or Model.ContentTypes.CardTexts ? $"umbraco:{id}/{culture}" : $"umbraco:{id}";

    /// <summary>An entry within a file (an alert in site.yml, a point in status.yml): its own item, beside the file's others.</summary>
    public static ContentOrigin Entry(string file, string location) => new(file, location) { Item = $"{file}#{location}" };

    /// <summary>A file that is one item (a page, a card text).</summary>
    public static ContentOrigin WholeFile(string file, string location) => new(file, location) { Item = file };

    /// <summary>"source-version" is "sourceVersion", "checklist[2].text" is "items[2].text".</summary>
    private static string UmbracoAlias(string field)
    {
        var head = field.Split('[', '.')[0];
        var alias = UmbracoAliases.GetValueOrDefault(head) ?? string.Concat(head.Split('-').Select((part, i) => i == 0 || part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
        return alias + field[head.Length..];
    }
}

/// <summary>
/// Content as a source read it, before any rule is checked: every value may be missing or wrong. Both sources
/// (content/ and Umbraco) produce this shape; <see cref="Validation.ContentValidator"/> alone decides what is valid.
/// </summary>
/// <param name="Version">Changes whenever the source's content changes.</param>
/// <param name="SupportPoints">Support points the source publishes; null when it publishes none of its own.</param>
/// <param name="Statuses">The live status of support points (content/status.yml, or the Umbraco support point documents); a point without one is on standby.
/// Null when the statuses could not be read at all (the problem is in <paramref name="ReadProblems"/>): the served statuses stay, rather than every point
/// going to standby.</param>
/// <param name="ReadProblems">What could not even be read (unparsable files, values of the wrong JSON type).</param>
public sealed record ContentDraft(
    string Source,
    string Version,
    SettingsDraft? Settings,
    IReadOnlyList<AlertDraft> Alerts,
    IReadOnlyDictionary<string, CultureDraft> ByCulture,
    IReadOnlyList<SupportPoint>? SupportPoints,
    IReadOnlyList<StatusDraft>? Statuses,
    IReadOnlyList<DataProblem> ReadProblems);

/// <summary>A support point's live status as the source gave it; every value may be missing or wrong.</summary>
/// <param name="Messages">Message per language code.</param>
public sealed record StatusDraft(
    ContentOrigin Origin,
    string Slug,
    string? State,
    IReadOnlyList<string>? ServicesNow,
    IReadOnlyDictionary<string, string> Messages,
    string? ChangedAt,
    string? CheckedAt,
    string? Backup);

/// <param name="Origin">Where the language's pages live (a folder, or the Umbraco culture).</param>
public sealed record CultureDraft(ContentOrigin Origin, IReadOnlyList<PageDraft> Pages, CardDraft? Card);

/// <param name="BodyHtml">Sanitised HTML that may still hold settings placeholders ({broadcaster}).</param>
public sealed record PageDraft(
    string Key,
    ContentOrigin Origin,
    string? Type,
    string? Title,
    string? Summary,
    string BodyHtml,
    string? Step,
    int Order,
    int? Version,
    int? SourceVersion,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ChecklistItemDraft> Checklist);

public sealed record ChecklistItemDraft(string? Text, double? PerPersonPerDay, string? Unit);

/// <param name="Texts">Text per language code; a language without one shows the default language's text.</param>
public sealed record AlertDraft(
    ContentOrigin Origin,
    string? Id,
    string? Severity,
    IReadOnlyDictionary<string, string> Texts,
    string? Link,
    IReadOnlyDictionary<string, string> LinkTexts,
    string? ActiveFrom,
    string? ActiveUntil);

public sealed record CardDraft(ContentOrigin Origin, string? Title, string? TieIn, IReadOnlyList<string> Actions, int? Version, int? SourceVersion);

public sealed record SettingsDraft(
    ContentOrigin Origin,
    string? Municipality,
    string? EmergencyNumber,
    string? PoliceNumber,
    string? MunicipalityNumber,
    string? Broadcaster,
    string? BroadcasterFrequencies);

/// <summary>How a refused item of content/ keeps its last good version: the draft with some items swapped.</summary>
public static class DraftItems
{
    /// <summary>
    /// <paramref name="offered"/> with each decided item taken out and, where the decision is true, its version from
    /// <paramref name="lastGood"/> put back. A key names an item, or a whole file (site.yml: its settings and alerts).
    /// </summary>
    public static (ContentDraft Draft, IReadOnlySet<string> FromLastGood) WithItemsFrom(this ContentDraft offered, ContentDraft? lastGood,
        IReadOnlyDictionary<string, bool> decisions)
    {
        var fromLastGood = new HashSet<string>(StringComparer.Ordinal);
        string? Decided(ContentOrigin origin) => origin.Item is { } item
            ? decisions.Keys.FirstOrDefault(key => item == key || item.StartsWith(key + "#", StringComparison.Ordinal)) : null;
        bool Refused(ContentOrigin origin) => Decided(origin) is not null;
        bool Restored(ContentOrigin origin)
        {
            if (Decided(origin) is { } key && decisions[key])
            {
                fromLastGood.Add(key);
                return true;
            }

            return false;
        }

        var settings = offered.Settings is { } own && !Refused(own.Origin) ? own
            : lastGood?.Settings is { } old && Restored(old.Origin) ? old : null;
        var alerts = Swap(offered.Alerts, lastGood?.Alerts, a => a.Origin, a => a.Id);
        var statuses = offered.Statuses is null && lastGood?.Statuses is { } oldStatuses
            ? [.. oldStatuses.Where(s => Restored(s.Origin))]
            : Swap(offered.Statuses ?? [], lastGood?.Statuses, s => s.Origin, s => s.Slug);
        var byCulture = new Dictionary<string, CultureDraft>(StringComparer.Ordinal);
        foreach (var (culture, draft) in offered.ByCulture)
        {
            var previous = lastGood?.ByCulture.GetValueOrDefault(culture);
            var card = draft.Card is { } ownCard && !Refused(ownCard.Origin) ? ownCard : previous?.Card is { } oldCard && Restored(oldCard.Origin) ? oldCard : null;
            byCulture[culture] = draft with { Pages = Swap(draft.Pages, previous?.Pages, p => p.Origin, p => p.Key), Card = card };
        }

        var problems = offered.ReadProblems.Where(p => p.Item is null || !decisions.Keys.Any(key => p.Item == key || p.Item.StartsWith(key + "#", StringComparison.Ordinal))).ToList();
        return (offered with { Settings = settings, Alerts = alerts, ByCulture = byCulture, Statuses = statuses, ReadProblems = problems }, fromLastGood);

        // The offered entries that are not refused, and the last good version of those that are (or of a file that could not be read).
        List<T> Swap<T>(IReadOnlyList<T> own, IReadOnlyList<T>? old, Func<T, ContentOrigin> origin, Func<T, string?> id)
        {
            var kept = own.Where(o => !Refused(origin(o))).ToList();
            var keptIds = kept.Select(id).ToHashSet(StringComparer.Ordinal);
            kept.AddRange((old ?? []).Where(o => Refused(origin(o)) && !keptIds.Contains(id(o)) && Restored(origin(o))));
            return kept;
        }
    }
}
