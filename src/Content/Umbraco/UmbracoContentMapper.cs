using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portal.Content.Cultures;
using Portal.Content.Model;
using Portal.Places;
using Portal.Places.Catalog;
using Portal.Places.Geography;

namespace Portal.Content.Umbraco;

/// <summary>What one complete read of Umbraco yields, before it replaces anything.</summary>
public sealed record UmbracoContent(SiteContent Content, IReadOnlyList<SupportPoint> SupportPoints);

/// <summary>
/// Maps Delivery API items (per culture) onto the same content model the Markdown source produces. Pages are keyed by
/// their default-culture URL segment and matched across cultures by item id; unknown types are skipped and logged.
/// </summary>
public sealed partial class UmbracoContentMapper(ILogger<UmbracoContentMapper> logger)
{
    public (UmbracoContent? Content, IReadOnlyList<string> Problems) Map(IReadOnlyDictionary<string, IReadOnlyList<DeliveryItem>> byCulture, CultureSet cultures)
    {
        var problems = new List<string>();
        var source = byCulture.GetValueOrDefault(cultures.Default.Code, []);
        var keys = source.Where(IsPage).ToDictionary(i => i.Id, i => i.ContentType == ContentTypes.Home ? "home" : i.Slug);
        var versions = source.Where(IsPage).ToDictionary(i => i.Id, i => (int)(i.Number("version") ?? 1));

        if (!source.Any(i => i.ContentType == ContentTypes.Home))
        {
            problems.Add($"no '{ContentTypes.Home}' item in {cultures.Default.Code}: is the Delivery API enabled and its index rebuilt, and is Start-Item right?");
        }

        var settingsItem = source.FirstOrDefault(i => i.ContentType == ContentTypes.SiteSettings);
        var settings = settingsItem is null ? null : ToSettings(settingsItem, problems);
        if (settingsItem is null)
        {
            problems.Add($"no '{ContentTypes.SiteSettings}' item in {cultures.Default.Code}");
        }

        var content = new Dictionary<string, CultureContent>(StringComparer.Ordinal);
        foreach (var culture in cultures.All)
        {
            var items = byCulture.GetValueOrDefault(culture.Code, []);
            var pages = new List<ContentPage>();
            var alerts = new List<Alert>();
            var order = 0;
            foreach (var item in items)
            {
                switch (item.ContentType)
                {
                    case ContentTypes.Home or ContentTypes.ContentPage or ContentTypes.Checklist when keys.TryGetValue(item.Id, out var key):
                        pages.Add(ToPage(item, key, culture, versions[item.Id], order++, settings));
                        break;
                    case ContentTypes.Alert:
                        if (ToAlert(item) is { } alert)
                        {
                            alerts.Add(alert);
                        }

                        break;
                    case ContentTypes.SiteSettings or ContentTypes.SupportPoint:
                        break;
                    default:
                        if (IsPage(item) is false)
                        {
                            LogSkippedType(logger, item.ContentType, item.Id);
                        }

                        break;
                }
            }

            content[culture.Code] = new CultureContent(culture, pages, alerts);
        }

        var points = source.Where(i => i.ContentType == ContentTypes.SupportPoint).Select(i => ToSupportPoint(i, problems)).OfType<SupportPoint>().ToList();
        if (problems.Count > 0 || settings is null)
        {
            return (null, problems);
        }

        return (new UmbracoContent(new SiteContent(settings, content, "umbraco", VersionOf(byCulture)), points), problems);
    }

    private static bool IsPage(DeliveryItem item) =>
        item.ContentType is ContentTypes.Home or ContentTypes.ContentPage or ContentTypes.Checklist;

    private ContentPage ToPage(DeliveryItem item, string key, PortalCulture culture, int sourceVersion, int order, SiteSettings? settings)
    {
        var step = Places.Catalog.KebabTokens<CampaignStep>.ByToken.GetValueOrDefault(item.Text("campaignStep") ?? "", CampaignStep.None);
        var body = SettingsTokens.Fill(RichText.ToSafeHtml(item.Element("body"), tag => LogSkippedBlock(logger, tag, item.Id)), settings);
        var version = culture.IsDefault ? sourceVersion : (int)(item.Number("sourceVersion") ?? sourceVersion);
        return new ContentPage(key, item.ContentType, item.Text("title") ?? item.Name, SettingsTokens.Fill(item.Text("summary") ?? "", settings), body, step,
            (int)(item.Number("sortOrder") ?? order), culture.IsDefault ? sourceVersion : 0, version, item.UpdateDate, ChecklistItems(item));
    }

    private List<ChecklistItem> ChecklistItems(DeliveryItem item)
    {
        var result = new List<ChecklistItem>();
        var blocks = item.Element("items");
        if (!DeliveryItem.TryGet(blocks, "items", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var block in list.EnumerateArray())
        {
            if (!DeliveryItem.TryGet(block, "content", out var element) || DeliveryItem.Parse(element) is not { } blockItem)
            {
                continue;
            }

            if (blockItem.ContentType != ContentTypes.ChecklistItem)
            {
                LogSkippedBlock(logger, blockItem.ContentType, item.Id);
                continue;
            }

            if (blockItem.Text("text") is { Length: > 0 } text)
            {
                result.Add(new ChecklistItem(text, blockItem.Number("perPersonPerDay"), blockItem.Text("unit") ?? ""));
            }
        }

        return result;
    }

    private static Alert? ToAlert(DeliveryItem item)
    {
        if (item.Text("text") is not { Length: > 0 } text || !DateTimeOffset.TryParse(item.Text("activeFrom"), CultureInfo.InvariantCulture, out var from))
        {
            return null;
        }

        var severity = Places.Catalog.KebabTokens<AlertSeverity>.ByToken.GetValueOrDefault(item.Text("severity") ?? "", AlertSeverity.Info);
        DateTimeOffset? until = DateTimeOffset.TryParse(item.Text("activeUntil"), CultureInfo.InvariantCulture, out var u) ? u : null;
        var link = item.Text("linkUrl");
        return new Alert(item.Id.ToString(), severity, text, link is not null && Sanitizing.HtmlSanitizer.IsSafeLink(link) ? link : null,
            item.Text("linkText"), from, until);
    }

    private static SiteSettings? ToSettings(DeliveryItem item, List<string> problems)
    {
        string Required(string alias)
        {
            var value = item.Text(alias);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"siteSettings {item.Id}: '{alias}' is empty");
            }

            return value ?? "";
        }

        return new SiteSettings(Required("municipality"), Required("emergencyNumber"), Required("policeNumber"),
            Required("municipalityNumber"), Required("broadcaster"), Required("broadcasterFrequencies"));
    }

    private static SupportPoint? ToSupportPoint(DeliveryItem item, List<string> problems)
    {
        var where = $"supportPoint '{item.Name}' ({item.Id})";
        var slug = item.Text("slug") ?? item.Slug;
        var latitude = item.Number("latitude");
        var longitude = item.Number("longitude");
        if (latitude is null || longitude is null)
        {
            problems.Add($"{where}: latitude and longitude are required");
            return null;
        }

        if (!Places.Catalog.KebabTokens<SupportPointKind>.ByToken.TryGetValue(item.Text("kind") ?? "", out var kind)
            || !Places.Catalog.KebabTokens<SupportPointStatus>.ByToken.TryGetValue(item.Text("status") ?? "", out var status))
        {
            problems.Add($"{where}: kind must be coordinating/local and status standby/open/closed");
            return null;
        }

        var services = item.List("services").Select(s => Places.Catalog.KebabTokens<SupportPointService>.ByToken.TryGetValue(s, out var v) ? v : (SupportPointService?)null).OfType<SupportPointService>().ToList();
        var accessibility = item.List("accessibility").Select(s => Places.Catalog.KebabTokens<AccessibilityFeature>.ByToken.TryGetValue(s, out var v) ? v : (AccessibilityFeature?)null).OfType<AccessibilityFeature>().ToList();
        var changed = DateTimeOffset.TryParse(item.Text("statusChangedAt"), CultureInfo.InvariantCulture, out var c) ? c : item.UpdateDate;
        return new SupportPoint(slug, item.Name,
            new Address(item.Text("street") ?? "", item.Text("houseNumber") ?? "", (item.Text("postcode") ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), item.Text("city") ?? ""),
            new GeoPoint(latitude.Value, longitude.Value), kind, services, accessibility, status, changed, item.List("serves"), item.Flag("isExample"),
            $"umbraco:{item.Id}");
    }

    private static string VersionOf(IReadOnlyDictionary<string, IReadOnlyList<DeliveryItem>> byCulture)
    {
        var text = string.Join('\n', byCulture.OrderBy(c => c.Key, StringComparer.Ordinal)
            .SelectMany(c => c.Value.Select(i => $"{c.Key} {i.Id} {i.UpdateDate:O} {i.Raw.GetRawText().Length}")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped Umbraco item of unknown type {ContentType} ({Id})")]
    private static partial void LogSkippedType(ILogger logger, string contentType, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped unknown block type {BlockType} in item {Id}")]
    private static partial void LogSkippedBlock(ILogger logger, string blockType, Guid id);
}
