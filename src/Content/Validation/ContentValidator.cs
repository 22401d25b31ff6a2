using System.Text.RegularExpressions;
using Portal.Content.Cultures;
using Portal.Content.Drafts;
using Portal.Content.Model;
using Portal.Content.Sanitizing;
using Portal.Places.Catalog;

namespace Portal.Content.Validation;

/// <summary>
/// The one set of content rules, for content/ and Umbraco alike: what a page, checklist, alert, card text and the
/// settings need, and how translations relate to the default language. Problems are worded the same whatever the
/// source and name its file and line or Umbraco item, culture and property. Settings placeholders are filled here,
/// encoded wherever the text is HTML.
/// </summary>
public static partial class ContentValidator
{
    public static (SiteContent? Content, IReadOnlyList<DataProblem> Problems) Validate(ContentDraft draft, CultureSet cultures)
    {
        var problems = new List<DataProblem>(draft.ReadProblems);
        var settings = draft.Settings is null ? null : ToSettings(draft.Settings, problems);
        var byCulture = new Dictionary<string, CultureContent>(StringComparer.Ordinal);
        var alerts = draft.Alerts.Select(a => (Draft: a, Valid: IsValidAlert(a, cultures.Default, problems))).Where(a => a.Valid).Select(a => a.Draft).ToList();
        foreach (var duplicate in alerts.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            // Which of two alerts with one id is meant cannot be guessed: the later ones are refused.
            foreach (var later in duplicate.Skip(1))
            {
                problems.Add(later.Origin.Problem("id", $"'{duplicate.Key}' is the id of {duplicate.Count()} alerts; each alert needs its own",
                    $"Er zijn {duplicate.Count()} meldingen met id '{duplicate.Key}'. Elke melding heeft een eigen id nodig: geef deze melding een ander id."));
                alerts.Remove(later);
            }
        }

        foreach (var culture in cultures.All)
        {
            var cultureDraft = draft.ByCulture.GetValueOrDefault(culture.Code);
            var pages = (cultureDraft?.Pages ?? []).Select(p => ToPage(p, culture, settings, problems)).OfType<ContentPage>()
                .OrderBy(p => p.SortOrder).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
            var card = cultureDraft?.Card is { } cardDraft ? ToCard(cardDraft, culture, settings, problems) : null;
            byCulture[culture.Code] = new CultureContent(culture, pages, [.. alerts.Select(a => ToAlert(a, culture, cultures.Default))], card);
        }

        if (draft.Settings is null)
        {
            problems.Add(new DataProblem(draft.Source, "settings", "", $"no site settings: the municipality's name, numbers and broadcaster are required")
            {
                Dutch = "Er zijn geen instellingen van de site. Publiceer de instellingen: de naam van de gemeente, de telefoonnummers en de calamiteitenzender.",
            });
        }

        CheckTranslations(draft, byCulture, cultures, problems);
        CheckUniqueKeys(draft, problems);
        if (problems.Count > 0 || settings is null)
        {
            return (null, problems);
        }

        return (new SiteContent(settings, byCulture, draft.Source, draft.Version), problems);
    }

    private static SiteSettings? ToSettings(SettingsDraft draft, List<DataProblem> problems)
    {
        var before = problems.Count;
        string Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(draft.Origin.Problem(field, "is required", OfficerWording.Empty(SettingNames[field])));
                return "";
            }

            return value.Trim();
        }

        var settings = new SiteSettings(
            Required(draft.Municipality, "municipality"),
            Required(draft.EmergencyNumber, "emergency-number"),
            Required(draft.PoliceNumber, "police-number"),
            Required(draft.MunicipalityNumber, "municipality-number"),
            Required(draft.Broadcaster, "broadcaster"),
            Required(draft.BroadcasterFrequencies, "broadcaster-frequencies"));
        return problems.Count > before ? null : settings;
    }

    private static ContentPage? ToPage(PageDraft draft, PortalCulture culture, SiteSettings? settings, List<DataProblem> problems)
    {
        var before = problems.Count;
        void Fail(string field, string message, string dutch) => problems.Add(draft.Origin.Problem(field, message, dutch));
        if (!PageKey().IsMatch(draft.Key))
        {
            Fail("key", $"'{draft.Key}' is not a page key (lower-case letters, digits and hyphens)",
                $"Het webadres '{draft.Key}' mag alleen kleine letters, cijfers en streepjes hebben. Pas het webadres (de URL-naam) aan.");
        }

        if (string.IsNullOrWhiteSpace(draft.Title)) { Fail("title", "is required", OfficerWording.Empty("de titel")); }
        if (string.IsNullOrWhiteSpace(draft.Summary)) { Fail("summary", "is required", OfficerWording.Empty("de samenvatting")); }
        var type = draft.Type ?? (draft.Key == "home" ? ContentTypes.Home : ContentTypes.ContentPage);
        if (type is not (ContentTypes.Home or ContentTypes.ContentPage or ContentTypes.Checklist))
        {
            Fail("type", $"'{type}' is not one of: home, contentPage, checklist", OfficerWording.NotOneOf(type, "soort pagina", ["home", "contentPage", "checklist"]));
        }

        var step = CampaignStep.None;
        if (!string.IsNullOrEmpty(draft.Step) && !KebabTokens<CampaignStep>.ByToken.TryGetValue(draft.Step, out step))
        {
            Fail("step", $"'{draft.Step}' is not one of: {string.Join(", ", KebabTokens<CampaignStep>.ByToken.Keys)}",
                OfficerWording.NotOneOf(draft.Step, "stap van de campagne", KebabTokens<CampaignStep>.ByToken.Keys));
        }

        var version = Version(culture, draft.Version, draft.SourceVersion, Fail);
        var checklist = new List<ChecklistItem>();
        foreach (var (item, index) in draft.Checklist.Select((item, index) => (item, index)))
        {
            if (string.IsNullOrWhiteSpace(item.Text))
            {
                Fail($"checklist[{index}].text", "is required", $"Punt {index + 1} van de lijst heeft geen tekst. Vul de tekst in, of haal het punt weg.");
                continue;
            }

            if (item.PerPersonPerDay is { } amount && (amount <= 0 || string.IsNullOrWhiteSpace(item.Unit)))
            {
                Fail($"checklist[{index}]", "a quantity per person per day needs to be more than 0 and have a unit",
                    $"Punt {index + 1} van de lijst heeft een hoeveelheid per persoon per dag. Die moet meer dan 0 zijn en een eenheid hebben (bijvoorbeeld liter).");
            }

            checklist.Add(new ChecklistItem(SettingsTokens.Fill(item.Text.Trim(), settings), item.PerPersonPerDay, item.Unit?.Trim() ?? ""));
        }

        if (type == ContentTypes.Checklist && checklist.Count == 0)
        {
            Fail("checklist", "a checklist page needs at least one item", "Een checklist heeft minstens één punt nodig. Voeg een punt toe.");
        }

        return problems.Count > before ? null
            : new ContentPage(draft.Key, type, SettingsTokens.Fill(draft.Title!.Trim(), settings), SettingsTokens.Fill(draft.Summary!.Trim(), settings),
                SettingsTokens.FillHtml(draft.BodyHtml, settings), step, draft.Order, culture.IsDefault ? version : 0, version, draft.UpdatedAt, checklist);
    }

    /// <summary>The source language carries its revision; a translation the revision it was made from.</summary>
    private static int Version(PortalCulture culture, int? version, int? sourceVersion, Action<string, string, string> fail)
    {
        var value = (culture.IsDefault ? version : sourceVersion) ?? 0;
        if (value < 1)
        {
            if (culture.IsDefault)
            {
                fail("version", "is required on the source language: a whole number from 1, raised when the meaning changes",
                    "Het versienummer ontbreekt. Vul een heel getal in vanaf 1. Maak het hoger als de inhoud echt verandert.");
            }
            else
            {
                fail("source-version", "is required on a translation: the version of the source page it was translated from",
                    "Vul in van welke versie van de Nederlandse tekst deze vertaling is gemaakt (een heel getal vanaf 1).");
            }
        }

        return value;
    }

    private static CardText? ToCard(CardDraft draft, PortalCulture culture, SiteSettings? settings, List<DataProblem> problems)
    {
        var before = problems.Count;
        void Fail(string field, string message, string dutch) => problems.Add(draft.Origin.Problem(field, message, dutch));
        if (string.IsNullOrWhiteSpace(draft.Title)) { Fail("title", "is required", OfficerWording.Empty("de titel van de kaart")); }
        if (string.IsNullOrWhiteSpace(draft.TieIn)) { Fail("tie-in", "is required", OfficerWording.Empty("de zin onder de titel van de kaart")); }
        var actions = draft.Actions.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => SettingsTokens.Fill(a.Trim(), settings)).ToList();
        if (actions.Count is < CardText.MinActions or > CardText.MaxActions)
        {
            Fail("actions", $"a card has {CardText.MinActions} to {CardText.MaxActions} actions, found {actions.Count}",
                $"Een kaart heeft {CardText.MinActions} tot {CardText.MaxActions} acties; nu zijn het er {actions.Count}. Zet één actie per regel.");
        }

        var version = Version(culture, draft.Version, draft.SourceVersion, Fail);
        return problems.Count > before ? null
            : new CardText(draft.Title!.Trim(), SettingsTokens.Fill(draft.TieIn!.Trim(), settings), actions, culture.IsDefault ? version : 0, version);
    }

    private static bool IsValidAlert(AlertDraft draft, PortalCulture fallback, List<DataProblem> problems)
    {
        var before = problems.Count;
        void Fail(string field, string message, string dutch) => problems.Add(draft.Origin.Problem(field, message, dutch));
        if (string.IsNullOrWhiteSpace(draft.Id)) { Fail("id", "is required", "De melding heeft geen id. Geef de melding een eigen id."); }
        if (!draft.Texts.TryGetValue(fallback.Code, out var text) || string.IsNullOrWhiteSpace(text))
        {
            Fail("text", $"is required in {fallback.Code}", $"De tekst van de melding is leeg in {OfficerWording.Language(fallback.Code)}. Vul die in.");
        }

        if (ParseTime(draft.ActiveFrom) is null)
        {
            Fail("active-from", $"'{draft.ActiveFrom}' is not a date and time like 2026-11-23T08:00:00+01:00", OfficerWording.NotATime(draft.ActiveFrom, "het begin van de melding"));
        }

        if (draft.ActiveUntil is { Length: > 0 } until && ParseTime(until) is null)
        {
            Fail("active-until", $"'{until}' is not a date and time like 2026-11-23T20:00:00+01:00", OfficerWording.NotATime(until, "het einde van de melding"));
        }
        else if (ParseTime(draft.ActiveUntil) is { } end && ParseTime(draft.ActiveFrom) is { } start && end <= start)
        {
            Fail("active-until", $"'{draft.ActiveUntil}' is not after active-from '{draft.ActiveFrom}': the alert would never show",
                "Het einde van de melding ligt niet na het begin, dus bewoners zouden de melding nooit zien. Kies een einde na het begin, of laat het einde leeg.");
        }

        if (!KebabTokens<AlertSeverity>.ByToken.ContainsKey(draft.Severity ?? ""))
        {
            Fail("severity", $"'{draft.Severity}' is not one of: info, warning, danger",
                $"'{draft.Severity}' is geen ernst die de site kent. Kies info (ter informatie), warning (waarschuwing) of danger (gevaar).");
        }

        if (draft.Link is { Length: > 0 } link && !HtmlSanitizer.IsSafeLink(link))
        {
            Fail("link", $"'{link}' is not a site path or an http(s) address",
                $"De link '{link}' is geen pagina van deze site en geen webadres dat begint met https://. Pas de link aan.");
        }
        return problems.Count == before;
    }

    private static Alert ToAlert(AlertDraft draft, PortalCulture culture, PortalCulture fallback)
    {
        var translated = draft.Texts.GetValueOrDefault(culture.Code) is { Length: > 0 };
        var text = translated ? draft.Texts[culture.Code] : draft.Texts[fallback.Code];
        var linkText = draft.LinkTexts.GetValueOrDefault(culture.Code) is { Length: > 0 } ownLink ? ownLink : draft.LinkTexts.GetValueOrDefault(fallback.Code);
        return new Alert(draft.Id!, KebabTokens<AlertSeverity>.ByToken[draft.Severity!], text.Trim(), draft.Link is { Length: > 0 } link ? link : null,
            linkText, ParseTime(draft.ActiveFrom)!.Value, ParseTime(draft.ActiveUntil), translated ? culture.Code : fallback.Code);
    }

    private static DateTimeOffset? ParseTime(string? text) => MunicipalTime.Parse(text);

    /// <summary>A page address names one page: two pages with the same key (two Umbraco items with one URL segment) would hide one.</summary>
    private static void CheckUniqueKeys(ContentDraft draft, List<DataProblem> problems)
    {
        foreach (var (culture, cultureDraft) in draft.ByCulture)
        {
            foreach (var duplicate in cultureDraft.Pages.GroupBy(p => p.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add(duplicate.Skip(1).First().Origin.Problem("key",
                    $"'{duplicate.Key}' is the address of {duplicate.Count()} pages in {culture}; each page needs its own",
                    $"{duplicate.Count()} pagina's in {OfficerWording.Language(culture)} hebben het webadres '{duplicate.Key}'. Geef deze pagina een eigen webadres (URL-naam)."));
            }
        }
    }

    /// <summary>
    /// Every page a translation has needs a source page, and cannot claim to be made from a newer revision than it has.
    /// A page not translated yet is no error: it is served in the default language and listed by `portal content status`.
    /// </summary>
    private static void CheckTranslations(ContentDraft draft, Dictionary<string, CultureContent> byCulture, CultureSet cultures, List<DataProblem> problems)
    {
        var sourceDrafts = draft.ByCulture.GetValueOrDefault(cultures.Default.Code);
        var sourceKeys = (sourceDrafts?.Pages ?? []).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (!sourceKeys.Contains("home"))
        {
            problems.Add((sourceDrafts?.Origin ?? new ContentOrigin(draft.Source, cultures.Default.Code))
                .Problem("", $"no 'home' item in {cultures.Default.Code}: the home page is required (for Umbraco: is the Delivery API enabled, its index rebuilt, and Start-Item right?)",
                    $"Er is geen startpagina (home) in {OfficerWording.Language(cultures.Default.Code)}. Publiceer de startpagina."));
        }

        if (sourceDrafts?.Card is null)
        {
            problems.Add((sourceDrafts?.Origin ?? new ContentOrigin(draft.Source, cultures.Default.Code))
                .Problem("", $"no card texts in {cultures.Default.Code}: every meterkastkaart needs its title, tie-in line and actions (content/{cultures.Default.Code}/card.yml, or a 'cardTexts' item in Umbraco)",
                    $"Er zijn geen kaartteksten in {OfficerWording.Language(cultures.Default.Code)}. Publiceer de kaartteksten: titel, zin onder de titel en acties."));
        }

        var source = byCulture[cultures.Default.Code];
        foreach (var culture in cultures.All.Where(c => !c.IsDefault))
        {
            foreach (var page in draft.ByCulture.GetValueOrDefault(culture.Code)?.Pages ?? [])
            {
                if (!sourceKeys.Contains(page.Key))
                {
                    problems.Add(page.Origin.Problem("", $"has no {cultures.Default.Code} source page '{page.Key}'",
                        $"Deze vertaling hoort bij geen pagina '{page.Key}' in {OfficerWording.Language(cultures.Default.Code)}. Publiceer eerst die pagina, of haal de vertaling weg."));
                }
            }

            foreach (var page in byCulture[culture.Code].Pages)
            {
                if (source.Find(page.Key) is { } original && page.SourceVersion > original.Version)
                {
                    var origin = draft.ByCulture[culture.Code].Pages.First(p => p.Key == page.Key).Origin;
                    problems.Add(origin.Problem("source-version", $"{page.SourceVersion} is newer than the {cultures.Default.Code} page's version {original.Version}",
                        $"Deze vertaling zegt dat ze van versie {page.SourceVersion} is gemaakt, maar de pagina in {OfficerWording.Language(cultures.Default.Code)} is versie {original.Version}. Vul de versie in waarvan u vertaalde."));
                }
            }

            if (byCulture[culture.Code].Card is { } card && source.Card is { } sourceCard && card.SourceVersion > sourceCard.Version)
            {
                problems.Add(draft.ByCulture[culture.Code].Card!.Origin.Problem("source-version",
                    $"{card.SourceVersion} is newer than the {cultures.Default.Code} card's version {sourceCard.Version}",
                    $"Deze vertaling zegt dat ze van versie {card.SourceVersion} is gemaakt, maar de kaartteksten in {OfficerWording.Language(cultures.Default.Code)} zijn versie {sourceCard.Version}. Vul de versie in waarvan u vertaalde."));
            }
        }
    }

    /// <summary>The settings' fields as an officer knows them.</summary>
    private static readonly Dictionary<string, string> SettingNames = new(StringComparer.Ordinal)
    {
        ["municipality"] = "de naam van de gemeente", ["emergency-number"] = "het alarmnummer", ["police-number"] = "het telefoonnummer van de politie",
        ["municipality-number"] = "het telefoonnummer van de gemeente", ["broadcaster"] = "de calamiteitenzender",
        ["broadcaster-frequencies"] = "de frequenties van de calamiteitenzender",
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PageKey();
}
