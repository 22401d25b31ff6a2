using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Content.Cultures;
using Portal.Content.Drafts;
using Portal.Content.Model;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Content.Umbraco.Seeding;

/// <summary>
/// Content as Umbraco documents under one Home: every page (with its checklist as a block list), the settings, the card
/// texts, the alerts and the support points, in every language the content has. The starter content `portal umbraco
/// seed` puts in an instance, and the shape the parity test serves back through a stand-in Delivery API.
/// </summary>
public static class DemoDocuments
{
    public static IReadOnlyList<UmbracoDocument> From(ContentDraft draft, IReadOnlyList<SupportPoint> supportPoints, CultureSet cultures) =>
        From(draft, supportPoints, cultures, SeedRoot.Single);

    /// <summary>
    /// One root of a multi-site tree: the region's Home with the pages written once, or a municipality's Home with its own
    /// settings, points, alerts and the pages only it has (<paramref name="draft"/> holds just those); its keys start with
    /// the root's scope, so every root is seeded by stable keys of its own.
    /// </summary>
    public static IReadOnlyList<UmbracoDocument> From(ContentDraft draft, IReadOnlyList<SupportPoint> supportPoints, CultureSet cultures, SeedRoot root)
    {
        string Key(string what) => $"{root.Scope}{what}";
        var source = draft.ByCulture[cultures.Default.Code];
        var homeKey = UmbracoDocument.StableKey(Key("home"));
        var home = source.Pages.SingleOrDefault(p => p.Key == "home");
        var updated = home?.UpdatedAt ?? source.Pages.Select(p => p.UpdatedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var documents = new List<UmbracoDocument>
        {
            home is not null
                ? Page(home, homeKey, null, draft, cultures, root) with { Segment = root.Segment }
                // No home page of its own: a Home without a title, which shows the shared one (the region's).
                : new UmbracoDocument(homeKey, ContentTypes.Home, null, root.Segment, cultures.All.ToDictionary(c => c.Code, _ => root.Name ?? root.Segment),
                    VariesByCulture: true, [], updated),
        };
        documents.AddRange(source.Pages.Where(p => p.Key != "home")
            .Select(page => Page(page, UmbracoDocument.StableKey(Key($"page:{page.Key}")), homeKey, draft, cultures, root)));
        if (draft.Settings is { } settings)
        {
            documents.Add(new UmbracoDocument(UmbracoDocument.StableKey(Key("settings")), ContentTypes.SiteSettings, homeKey, "instellingen",
                new Dictionary<string, string> { [cultures.Default.Code] = "Instellingen" }, VariesByCulture: false,
                [
                    new("municipality", null, settings.Municipality), new("emergencyNumber", null, settings.EmergencyNumber),
                    new("policeNumber", null, settings.PoliceNumber), new("municipalityNumber", null, settings.MunicipalityNumber),
                    new("broadcaster", null, settings.Broadcaster), new("broadcasterFrequencies", null, settings.BroadcasterFrequencies),
                ], updated));
        }

        if (source.Card is { } sourceCard)
        {
            var translated = cultures.All.Select(c => (Culture: c, Card: draft.ByCulture[c.Code].Card)).Where(c => c.Card is not null).ToList();
            documents.Add(new UmbracoDocument(UmbracoDocument.StableKey(Key("card-texts")), ContentTypes.CardTexts, homeKey, "meterkastkaart",
                translated.ToDictionary(c => c.Culture.Code, c => c.Card!.Title ?? "Meterkastkaart"), VariesByCulture: true,
                [
                    new("version", null, sourceCard.Version),
                    .. translated.SelectMany(c => new DocumentValue[]
                    {
                        new("title", c.Culture.Code, c.Card!.Title), new("tieIn", c.Culture.Code, c.Card.TieIn),
                        new("actions", c.Culture.Code, string.Join('\n', c.Card.Actions)),
                        new("sourceVersion", c.Culture.Code, c.Culture.IsDefault ? null : c.Card.SourceVersion),
                    }),
                ], updated));
        }

        foreach (var alert in draft.Alerts)
        {
            var languages = alert.Texts.Keys.Where(code => cultures.Find(code) is not null).ToList();
            documents.Add(new UmbracoDocument(UmbracoDocument.StableKey(Key($"alert:{alert.Id}")), ContentTypes.Alert, homeKey, $"melding-{alert.Id}",
                languages.ToDictionary(code => code, _ => $"Melding {alert.Id}"), VariesByCulture: true,
                [
                    new("severity", null, alert.Severity), new("linkUrl", null, alert.Link), new("activeFrom", null, LocalTime(alert.ActiveFrom)),
                    new("activeUntil", null, LocalTime(alert.ActiveUntil)),
                    .. languages.SelectMany(code => new DocumentValue[]
                    {
                        new("text", code, alert.Texts[code]), new("linkText", code, alert.LinkTexts.GetValueOrDefault(code)),
                    }),
                ], updated));
        }

        documents.AddRange(supportPoints.Select(point => new UmbracoDocument(UmbracoDocument.StableKey(Key($"support-point:{point.Slug}")),
            ContentTypes.SupportPoint, homeKey, point.Slug, cultures.All.ToDictionary(c => c.Code, _ => point.Name), VariesByCulture: true,
            [
                new("slug", null, point.Slug), new("kind", null, KebabCase.Of(point.Kind)), new("street", null, point.Address.Street),
                new("houseNumber", null, point.Address.HouseNumber), new("postcode", null, point.Address.Postcode), new("city", null, point.Address.City),
                new("latitude", null, point.Location.Latitude.ToString("R", CultureInfo.InvariantCulture)),
                new("longitude", null, point.Location.Longitude.ToString("R", CultureInfo.InvariantCulture)),
                new("services", null, string.Join(';', point.Services.Select(KebabCase.Of))),
                new("accessibility", null, string.Join(';', point.Accessibility.Select(KebabCase.Of))),
                new("serves", null, string.Join(';', point.ExplicitBuurtCodes)), new("isExample", null, point.IsExample),
                .. StatusValues(point.Status, cultures),
            ], point.Status.ChangedAt ?? updated)));
        return documents;
    }

    private static UmbracoDocument Page(PageDraft page, Guid key, Guid? parent, ContentDraft draft, CultureSet cultures, SeedRoot root)
    {
        var translations = cultures.All.Select(c => (Culture: c, Page: draft.ByCulture[c.Code].Pages.FirstOrDefault(p => p.Key == page.Key)))
            .Where(t => t.Page is not null).ToList();
        var type = page.Type ?? (page.Key == "home" ? ContentTypes.Home : ContentTypes.ContentPage);
        var values = new List<DocumentValue> { new("version", null, page.Version) };
        if (type != ContentTypes.Home)
        {
            values.Add(new("campaignStep", null, page.Step ?? "none"));
            values.Add(new("sortOrder", null, page.Order));
        }

        foreach (var (culture, translated) in translations)
        {
            values.Add(new("title", culture.Code, translated!.Title));
            values.Add(new("summary", culture.Code, translated.Summary));
            values.Add(new("body", culture.Code, new JsonObject { ["markup"] = translated.BodyHtml, ["blocks"] = null }));
            values.Add(new("sourceVersion", culture.Code, culture.IsDefault ? null : translated.SourceVersion));
            if (type == ContentTypes.Checklist)
            {
                values.Add(new("items", culture.Code, BlockList(root.Scope + page.Key, culture, translated.Checklist)));
            }
        }

        return new UmbracoDocument(key, type, parent, page.Key == "home" ? "" : page.Key,
            translations.ToDictionary(t => t.Culture.Code, t => t.Page!.Title ?? page.Key), VariesByCulture: true, values, page.UpdatedAt);
    }

    /// <summary>A block list value as the Management API takes it: layout, one content element per item, exposed in its culture.</summary>
    private static JsonObject BlockList(string page, PortalCulture culture, IReadOnlyList<ChecklistItemDraft> items)
    {
        var keys = items.Select((_, i) => UmbracoDocument.StableKey($"page:{page}:item:{i}:{culture.Code}")).ToList();
        return new JsonObject
        {
            ["layout"] = new JsonObject { ["Umbraco.BlockList"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject { ["contentKey"] = k.ToString() })]) },
            ["contentData"] = new JsonArray([.. items.Select((item, i) => (JsonNode)new JsonObject
            {
                ["key"] = keys[i].ToString(),
                ["contentTypeKey"] = ChecklistItemType.ToString(),
                ["values"] = new JsonArray(
                    new JsonObject { ["alias"] = "text", ["culture"] = null, ["value"] = item.Text },
                    new JsonObject { ["alias"] = "perPersonPerDay", ["culture"] = null, ["value"] = item.PerPersonPerDay },
                    new JsonObject { ["alias"] = "unit", ["culture"] = null, ["value"] = item.Unit }),
            })]),
            ["settingsData"] = new JsonArray(),
            ["expose"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject { ["contentKey"] = k.ToString(), ["culture"] = null })]),
        };
    }

    /// <summary>The checklist item element type's id, as umbraco/document-types/01-checklist-item.json gives it.</summary>
    public static readonly Guid ChecklistItemType = Guid.Parse("b6b94258-aecb-5d80-829c-8ef284964ad8");

    /// <summary>A support point's live status as its document's properties (the status group of 05-support-point.json).</summary>
    public static IEnumerable<DocumentValue> StatusValues(SupportPointStatus status, CultureSet cultures) =>
    [
        new("status", null, KebabCase.Of(status.State)),
        new("servicesNow", null, status.ServicesNow is { } now ? string.Join(';', now.Select(KebabCase.Of)) : null),
        new("statusChangedAt", null, status.ChangedAt is { } changed ? MunicipalTime.ToUmbraco(changed) : null),
        new("statusCheckedAt", null, status.CheckedAt is { } checkedAt ? MunicipalTime.ToUmbraco(checkedAt) : null),
        new("backup", null, status.BackupSlug),
        .. cultures.All.Select(c => new DocumentValue("statusMessage", c.Code, status.Messages.GetValueOrDefault(c.Code))),
    ];

    /// <summary>Umbraco's date pickers keep no time zone: the time on the municipality's clock, as an editor enters it.</summary>
    private static string? LocalTime(string? time) => MunicipalTime.Parse(time) is { } parsed ? MunicipalTime.ToUmbraco(parsed) : null;
}

/// <summary>Where a seeded tree goes: the prefix of its stable keys, its root's URL segment, and the name of a Home without a page.</summary>
/// <param name="Scope">"" for a single municipality (its keys as they always were); "gelderland-zuid:" or "gelderland-zuid/wijchen:" in a region.</param>
public sealed record SeedRoot(string Scope, string Segment, string? Name)
{
    public static readonly SeedRoot Single = new("", "", null);
}
