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

    public DataProblem Problem(string field, string message) => new(File, Location, IsUmbraco ? UmbracoAlias(field) : field, message);

    public static ContentOrigin UmbracoItem(string contentType, string name, Guid id, string culture) =>
        new("umbraco", $"{contentType} '{name}' ({id}), culture {culture}", IsUmbraco: true);

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
