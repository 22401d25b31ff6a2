using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portal.Content.Cultures;
using Portal.Content.Drafts;
using Portal.Content.Model;
using Portal.Content.Validation;
using Portal.Places;
using Portal.Places.Catalog;
using Portal.Places.Geography;

namespace Portal.Content.Umbraco;

/// <summary>
/// Maps Delivery API items (per culture) onto the same draft the content/ source produces. Pages are keyed by their
/// default-culture URL segment and matched across cultures by item id; alerts likewise. Unknown types and blocks are
/// skipped and logged. Values of an unexpected JSON type read as missing, so the validator names them.
/// </summary>
public sealed partial class UmbracoContentMapper(ILogger<UmbracoContentMapper> logger)
{
    /// <param name="roots">The site's start items: on a region's sites, pages are layered over the shared roots'
    /// (<see cref="ContentLayers"/>) and a region site takes the municipalities' support points. Null: one root.</param>
    public ContentDraft Map(IReadOnlyDictionary<string, IReadOnlyList<DeliveryItem>> byCulture, CultureSet cultures, UmbracoRoots? roots = null)
    {
        var problems = new List<DataProblem>();
        var layers = roots ?? new UmbracoRoots("", [], []);
        var rootOf = new Dictionary<Guid, RootOf>();
        RootOf Root(DeliveryItem item) => rootOf.TryGetValue(item.Id, out var found) ? found : rootOf[item.Id] = layers.Of(item);
        var all = Distinct(byCulture.GetValueOrDefault(cultures.Default.Code, []), cultures.Default, null);
        // What the site takes from each root: everything from its own, pages and card texts from a shared one, support
        // points from a municipality's (the region site's), nothing from another's. A municipality's own Home without a
        // title is only the container of its items: its home page is the shared one.
        bool Taken(DeliveryItem item) => Root(item).Layer switch
        {
            RootLayer.Own => !(layers.Shared.Count > 0 && item.ContentType == ContentTypes.Home && HomeIsContainer(item, all)),
            RootLayer.Shared => IsPage(item) || item.ContentType == ContentTypes.CardTexts,
            RootLayer.SupportPoints => item.ContentType == ContentTypes.SupportPoint,
            _ => false,
        };
        var source = all.Where(Taken).ToList();
        var own = source.Where(i => Root(i).Layer is RootLayer.Own or RootLayer.SupportPoints).ToList();
        var keys = source.Where(IsPage).ToDictionary(i => i.Id, i => i.ContentType == ContentTypes.Home ? "home" : i.Slug);
        var settingsItem = own.FirstOrDefault(i => i.ContentType == ContentTypes.SiteSettings);
        var settings = settingsItem is null ? null : new SettingsDraft(Origin(settingsItem, cultures.Default),
            settingsItem.Text("municipality"), settingsItem.Text("emergencyNumber"), settingsItem.Text("policeNumber"),
            settingsItem.Text("municipalityNumber"), settingsItem.Text("broadcaster"), settingsItem.Text("broadcasterFrequencies"));

        var drafts = new Dictionary<string, CultureDraft>(StringComparer.Ordinal);
        var alertTexts = new Dictionary<Guid, (Dictionary<string, string> Texts, Dictionary<string, string> LinkTexts)>();
        var statusMessages = new Dictionary<Guid, Dictionary<string, string>>();
        foreach (var culture in cultures.All)
        {
            var items = Distinct(byCulture.GetValueOrDefault(culture.Code, []), culture, problems).Where(Taken).ToList();
            // Layer by layer, the most general first: the shared roots in their order, then the site's own.
            var byLayer = items.GroupBy(i => Root(i) is { Layer: RootLayer.Shared } shared ? shared.SharedIndex : layers.Shared.Count).OrderBy(g => g.Key);
            var pageLayers = new List<List<PageDraft>>();
            CardDraft? card = null;
            var order = 0;
            foreach (var layer in byLayer)
            {
                var pages = new List<PageDraft>();
                CardDraft? layerCard = null;
                foreach (var item in layer)
                {
                    switch (item.ContentType)
                    {
                        case ContentTypes.Home or ContentTypes.ContentPage or ContentTypes.Checklist:
                            pages.Add(ToPage(item, keys.GetValueOrDefault(item.Id) ?? item.Slug, culture, order++));
                            break;
                        case ContentTypes.Alert:
                            var texts = alertTexts.TryGetValue(item.Id, out var found) ? found : alertTexts[item.Id] = ([], []);
                            AddText(texts.Texts, culture.Code, item.Text("text"));
                            AddText(texts.LinkTexts, culture.Code, item.Text("linkText"));
                            break;
                        case ContentTypes.CardTexts:
                            layerCard ??= new CardDraft(Origin(item, culture), item.Text("title"), item.Text("tieIn"), item.Lines("actions"),
                                Whole(item, "version", problems, culture), Whole(item, "sourceVersion", problems, culture));
                            break;
                        case ContentTypes.SupportPoint:
                            AddText(statusMessages.TryGetValue(item.Id, out var messages) ? messages : statusMessages[item.Id] = [], culture.Code, item.Text("statusMessage"));
                            break;
                        case ContentTypes.SiteSettings:
                            break;
                        default:
                            if (FirstTime(item.ContentType, item.Id))
                            {
                                LogSkippedType(logger, item.ContentType, item.Id);
                            }

                            break;
                    }
                }

                pageLayers.Add(pages);
                card = layerCard ?? card;
            }

            drafts[culture.Code] = new CultureDraft(new ContentOrigin("umbraco", $"culture {culture.Code}", IsUmbraco: true),
                [.. ContentLayers.Merge(pageLayers, page => page.Key)], card);
        }

        var alerts = own.Where(i => i.ContentType == ContentTypes.Alert && Root(i).Layer == RootLayer.Own).Select(item => new AlertDraft(Origin(item, cultures.Default),
            item.Id.ToString(), item.Text("severity"), alertTexts[item.Id].Texts, item.Text("linkUrl"), alertTexts[item.Id].LinkTexts,
            item.Text("activeFrom"), item.Text("activeUntil"))).ToList();
        var pointItems = own.Where(i => i.ContentType == ContentTypes.SupportPoint).ToList();
        var points = pointItems.Select(i => ToSupportPoint(i, cultures.Default, problems) is { } point
            ? point with { MunicipalityCode = Root(i).MunicipalityCode } : null).OfType<SupportPoint>().ToList();
        var statuses = pointItems.Select(item => new StatusDraft(Origin(item, cultures.Default), item.Text("slug") ?? item.Slug, item.Text("status"),
            item.List("servicesNow") is { Count: > 0 } servicesNow ? servicesNow : null, statusMessages.GetValueOrDefault(item.Id) ?? [],
            item.Text("statusChangedAt"), item.Text("statusCheckedAt"), item.Text("backup"))).ToList();
        return new ContentDraft("umbraco", VersionOf(byCulture), settings, alerts, drafts, points.Count > 0 ? points : null, statuses, problems);

        int? Whole(DeliveryItem item, string alias, List<DataProblem> sink, PortalCulture culture)
        {
            var number = item.Number(alias);
            if (number is not null && (number != Math.Floor(number.Value) || number is < 0 or > int.MaxValue))
            {
                sink.Add(Origin(item, culture).Problem(alias, $"'{number}' is not a whole number", $"'{number}' is geen heel getal. Vul een heel getal in, zonder komma."));
                return null;
            }

            return (int?)number;
        }

        PageDraft ToPage(DeliveryItem item, string key, PortalCulture culture, int position)
        {
            var body = RichText.ToSafeHtml(item.Element("body"), tag => LogSkippedBlockOnce(tag, item.Id),
                what => problems.Add(Origin(item, culture).Problem("body", $"holds {what}; publish the text again from the editor",
                    "De tekst is niet goed bij de site aangekomen. Open de tekst in de editor, sla hem op en publiceer opnieuw.")));
            return new PageDraft(key, Origin(item, culture), item.ContentType, item.Text("title"), item.Text("summary"), body,
                item.Text("campaignStep") is "none" ? null : item.Text("campaignStep"), Whole(item, "sortOrder", problems, culture) ?? position,
                Whole(item, "version", problems, culture), Whole(item, "sourceVersion", problems, culture), item.UpdateDate, ChecklistItems(item));
        }
    }

    /// <summary>
    /// An item read twice (items shift between pages while an editor publishes) counts once. Two different items with
    /// one id cannot both be meant: which one is, is not guessed; the item is refused (its last good version stays).
    /// </summary>
    private static List<DeliveryItem> Distinct(IReadOnlyList<DeliveryItem> items, PortalCulture culture, List<DataProblem>? problems)
    {
        foreach (var twice in items.GroupBy(i => i.Id).Where(g => g.Select(i => i.Raw.GetRawText()).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            var first = twice.First();
            problems?.Add(Origin(first, culture).Problem("id", $"Umbraco sent {twice.Count()} different items with this id ({string.Join(", ", twice.Select(i => $"'{i.Name}'"))}); which one is meant is not guessed",
                $"Umbraco stuurde {twice.Count()} verschillende items met dezelfde sleutel ({string.Join(", ", twice.Select(i => $"'{i.Name}'"))}). De site raadt niet welk bedoeld is. Publiceer het item opnieuw; blijft dit staan, vraag dan de beheerder om de index van Umbraco opnieuw op te bouwen."));
        }

        return [.. items.DistinctBy(i => i.Id)];
    }

    private static void AddText(Dictionary<string, string> texts, string culture, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            texts[culture] = text;
        }
    }

    private static ContentOrigin Origin(DeliveryItem item, PortalCulture culture) =>
        ContentOrigin.UmbracoItem(item.ContentType, item.Name, item.Id, culture.Code);

    /// <summary>A Home whose default-culture version has no title: the container of a municipality's items, not a page.</summary>
    private static bool HomeIsContainer(DeliveryItem home, IReadOnlyList<DeliveryItem> defaultCulture) =>
        string.IsNullOrWhiteSpace((defaultCulture.FirstOrDefault(i => i.Id == home.Id) ?? home).Text("title"));

    private static bool IsPage(DeliveryItem item) =>
        item.ContentType is ContentTypes.Home or ContentTypes.ContentPage or ContentTypes.Checklist;

    private List<ChecklistItemDraft> ChecklistItems(DeliveryItem item)
    {
        var result = new List<ChecklistItemDraft>();
        if (!DeliveryItem.TryGet(item.Element("items"), "items", out var list) || list.ValueKind != JsonValueKind.Array)
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
                LogSkippedBlockOnce(blockItem.ContentType, item.Id);
                continue;
            }

            result.Add(new ChecklistItemDraft(blockItem.Text("text"), blockItem.Number("perPersonPerDay"), blockItem.Text("unit")));
        }

        return result;
    }

    private static SupportPoint? ToSupportPoint(DeliveryItem item, PortalCulture culture, List<DataProblem> problems)
    {
        var origin = Origin(item, culture);
        var before = problems.Count;
        var latitude = item.Number("latitude");
        var longitude = item.Number("longitude");
        if (latitude is null) { problems.Add(origin.Problem("latitude", "is required: WGS84 degrees, e.g. 51.8287", "De breedtegraad ontbreekt. Vul een getal in met een punt, bijvoorbeeld 51.8287.")); }
        if (longitude is null) { problems.Add(origin.Problem("longitude", "is required: WGS84 degrees, e.g. 5.8669", "De lengtegraad ontbreekt. Vul een getal in met een punt, bijvoorbeeld 5.8669.")); }
        if (!KebabTokens<SupportPointKind>.ByToken.TryGetValue(item.Text("kind") ?? "", out var kind))
        {
            problems.Add(origin.Problem("kind", $"'{item.Text("kind")}' is not one of: {string.Join(", ", KebabTokens<SupportPointKind>.ByToken.Keys)}",
                OfficerWording.NotOneOf(item.Text("kind"), "soort steunpunt", KebabTokens<SupportPointKind>.ByToken.Keys)));
        }

        if (DeliveryItem.TryGet(item.Properties, "isExample", out var example) && example.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            // "true" as text is not a yes: reading it as no would drop the "voorbeeld" notice and say example=false in open data.
            problems.Add(origin.Problem("isExample", $"{example.GetRawText()} is not true or false (a toggle)",
                "De schakelaar 'voorbeeld' staat niet op aan of uit. Zet hem opnieuw aan of uit en publiceer opnieuw."));
        }

        var services = Tokens<SupportPointService>(item, "services", origin, problems);
        var accessibility = Tokens<AccessibilityFeature>(item, "accessibility", origin, problems);
        if (problems.Count > before)
        {
            return null;
        }

        // The live status comes with the other statuses through the validator (ContentDraft.Statuses).
        return new SupportPoint(item.Text("slug") ?? item.Slug, item.Name.Trim(),
            new Address(item.Text("street") ?? "", item.Text("houseNumber") ?? "", (item.Text("postcode") ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), item.Text("city") ?? ""),
            new GeoPoint(latitude!.Value, longitude!.Value), kind, services, accessibility, SupportPointStatus.Standby, item.List("serves"), item.Flag("isExample"),
            $"umbraco:{item.Id}");
    }

    private static List<T> Tokens<T>(DeliveryItem item, string alias, ContentOrigin origin, List<DataProblem> problems) where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var token in item.List(alias))
        {
            if (KebabTokens<T>.ByToken.TryGetValue(token, out var value))
            {
                result.Add(value);
            }
            else
            {
                problems.Add(origin.Problem(alias, $"'{token}' is not one of: {string.Join(", ", KebabTokens<T>.ByToken.Keys)}",
                    OfficerWording.NotOneOf(token, alias == "services" ? "voorziening" : "toegankelijkheid", KebabTokens<T>.ByToken.Keys)));
            }
        }

        return result;
    }

    private static string VersionOf(IReadOnlyDictionary<string, IReadOnlyList<DeliveryItem>> byCulture)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (culture, items) in byCulture.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var item in items)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(culture));
                hash.AppendData(Encoding.UTF8.GetBytes(item.ContentType == ContentTypes.SupportPoint ? WithoutStatus(item) : item.Raw.GetRawText()));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>Status properties of a support point, which change during a crisis without changing the content.</summary>
    public static readonly IReadOnlySet<string> StatusAliases = new HashSet<string>(StringComparer.Ordinal)
        { "status", "servicesNow", "statusMessage", "statusChangedAt", "statusCheckedAt", "backup" };

    /// <summary>
    /// A support point as it counts for the content version: its name and fixed properties. A status publish (which also
    /// moves updateDate) is not new content: cards, print runs and the search index stay as they are.
    /// </summary>
    private static string WithoutStatus(DeliveryItem item)
    {
        var fixedProperties = item.Properties.ValueKind == JsonValueKind.Object
            ? item.Properties.EnumerateObject().Where(p => !StatusAliases.Contains(p.Name)).Select(p => $"{p.Name}={p.Value.GetRawText()}")
            : [];
        return $"{item.Id}|{item.Name}|{string.Join('|', fixedProperties)}";
    }

    /// <summary>Content is mapped on every publish (and more than once when an item is refused): each skip is logged once.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Guid), bool> _logged = new();

    private bool FirstTime(string what, Guid id)
    {
        if (_logged.Count > 10_000)
        {
            _logged.Clear();
        }

        return _logged.TryAdd((what, id), true);
    }

    private void LogSkippedBlockOnce(string blockType, Guid id)
    {
        if (FirstTime(blockType, id))
        {
            LogSkippedBlock(logger, blockType, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped Umbraco item of unknown type {ContentType} ({Id})")]
    private static partial void LogSkippedType(ILogger logger, string contentType, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped unknown block type {BlockType} in item {Id}")]
    private static partial void LogSkippedBlock(ILogger logger, string blockType, Guid id);
}
