using System.Security.Cryptography;
using System.Text;
using Portal.Content.Cultures;
using Portal.Content.Model;
using Portal.Places.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Portal.Content.Markdown;

/// <summary>
/// The embedded content source: content/site.yml (settings and alerts) and content/{culture}/pages/{key}.md
/// (YAML front matter + Markdown). Every language must have every page the default language has.
/// </summary>
public static class MarkdownContentSource
{
    public const string SettingsFile = "site.yml";
    public const string PagesFolder = "pages";
    public const string CardFile = "card.yml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static (SiteContent? Content, IReadOnlyList<DataProblem> Problems) Load(string contentDirectory, CultureSet cultures)
    {
        var problems = new List<DataProblem>();
        var settingsPath = Path.Combine(contentDirectory, SettingsFile);
        var settingsFile = ReadYaml<SiteSettingsFile>(settingsPath, 0, problems);
        var settings = settingsFile is null ? null : ToSettings(settingsFile, DataProblem.DisplayPath(settingsPath), problems);

        var byCulture = new Dictionary<string, CultureContent>(StringComparer.Ordinal);
        foreach (var culture in cultures.All)
        {
            var pages = LoadPages(Path.Combine(contentDirectory, culture.Code, PagesFolder), culture, settings, problems);
            var alerts = (settingsFile?.Alerts ?? []).Select(a => ToAlert(a, culture, cultures.Default, DataProblem.DisplayPath(settingsPath), problems)).OfType<Alert>().ToList();
            var card = LoadCard(Path.Combine(contentDirectory, culture.Code, CardFile), culture, settings, problems);
            byCulture[culture.Code] = new CultureContent(culture, pages, alerts, card);
        }

        CheckTranslations(byCulture, cultures, contentDirectory, problems);
        if (problems.Count > 0 || settings is null)
        {
            return (null, problems);
        }

        return (new SiteContent(settings, byCulture, "content", VersionOf(contentDirectory, cultures)), problems);
    }

    private static List<ContentPage> LoadPages(string folder, PortalCulture culture, SiteSettings? settings, List<DataProblem> problems)
    {
        var pages = new List<ContentPage>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new DataProblem(DataProblem.DisplayPath(folder), "folder", "", "not found: every configured language needs its pages"));
            return pages;
        }

        foreach (var path in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var page = LoadPage(path, culture, settings, problems);
            if (page is not null)
            {
                pages.Add(page);
            }
        }

        return [.. pages.OrderBy(p => p.SortOrder).ThenBy(p => p.Key, StringComparer.Ordinal)];
    }

    private static ContentPage? LoadPage(string path, PortalCulture culture, SiteSettings? settings, List<DataProblem> problems)
    {
        var file = DataProblem.DisplayPath(path);
        var key = Path.GetFileNameWithoutExtension(path);
        var text = SettingsTokens.Fill(File.ReadAllText(path).ReplaceLineEndings("\n"), settings);
        if (!System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z0-9]+(-[a-z0-9]+)*$"))
        {
            problems.Add(new DataProblem(file, "file name", "", $"'{key}' is not a page key (lower-case letters, digits and hyphens)"));
            return null;
        }

        if (!text.StartsWith("---\n", StringComparison.Ordinal) || text.IndexOf("\n---\n", 3, StringComparison.Ordinal) is var end && end < 0)
        {
            problems.Add(new DataProblem(file, "line 1", "", "expected front matter between a first line '---' and a closing '---'"));
            return null;
        }

        var before = problems.Count;
        var front = ReadYamlText<PageFrontMatter>(text[4..(end + 1)], file, lineOffset: 1, problems);
        if (front is null)
        {
            return null;
        }

        void Fail(string field, string message) => problems.Add(new DataProblem(file, "front matter", field, message));
        if (string.IsNullOrWhiteSpace(front.Title)) { Fail("title", "is required"); }
        if (string.IsNullOrWhiteSpace(front.Summary)) { Fail("summary", "is required"); }
        var type = front.Type ?? (key == "home" ? ContentTypes.Home : ContentTypes.ContentPage);
        if (type is not (ContentTypes.Home or ContentTypes.ContentPage or ContentTypes.Checklist))
        {
            Fail("type", $"'{type}' is not one of: home, contentPage, checklist");
        }

        var step = CampaignStep.None;
        if (front.Step is { } stepText && !Places.Catalog.KebabTokens<CampaignStep>.ByToken.TryGetValue(stepText, out step))
        {
            Fail("step", $"'{stepText}' is not one of: {string.Join(", ", Places.Catalog.KebabTokens<CampaignStep>.ByToken.Keys)}");
        }

        int version;
        if (culture.IsDefault)
        {
            version = front.Version ?? 0;
            if (version < 1) { Fail("version", "is required on the source language: a whole number from 1, raised when the meaning changes"); }
        }
        else
        {
            version = front.SourceVersion ?? 0;
            if (version < 1) { Fail("source-version", "is required on a translation: the version of the Dutch page it was translated from"); }
        }

        var checklist = new List<ChecklistItem>();
        foreach (var (item, index) in (front.Checklist ?? []).Select((item, index) => (item, index)))
        {
            if (string.IsNullOrWhiteSpace(item.Text))
            {
                Fail($"checklist[{index}].text", "is required");
                continue;
            }

            if (item.PerPersonPerDay is { } amount && (amount <= 0 || string.IsNullOrWhiteSpace(item.Unit)))
            {
                Fail($"checklist[{index}]", "a quantity per person per day needs to be more than 0 and have a unit");
            }

            checklist.Add(new ChecklistItem(item.Text.Trim(), item.PerPersonPerDay, item.Unit?.Trim() ?? ""));
        }

        if (type == ContentTypes.Checklist && checklist.Count == 0)
        {
            Fail("checklist", "a checklist page needs at least one item");
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new ContentPage(key, type, front.Title!.Trim(), front.Summary!.Trim(), MarkdownRenderer.ToHtml(text[(end + 5)..]), step,
            front.Order, culture.IsDefault ? version : 0, version, front.Updated ?? File.GetLastWriteTimeUtc(path), checklist);
    }

    private static void CheckTranslations(Dictionary<string, CultureContent> byCulture, CultureSet cultures, string contentDirectory, List<DataProblem> problems)
    {
        if (!byCulture.TryGetValue(cultures.Default.Code, out var source))
        {
            return;
        }

        // Compare the files that exist, not the pages that parsed: a broken page is reported once, where it is broken.
        var sourceKeys = PageKeys(contentDirectory, cultures.Default);
        foreach (var culture in cultures.All.Where(c => !c.IsDefault))
        {
            var folder = DataProblem.DisplayPath(Path.Combine(contentDirectory, culture.Code, PagesFolder));
            var translated = byCulture[culture.Code];
            var translatedKeys = PageKeys(contentDirectory, culture);
            foreach (var key in sourceKeys.Except(translatedKeys).Order(StringComparer.Ordinal))
            {
                problems.Add(new DataProblem(folder, $"{key}.md", "", $"missing: the {cultures.Default.Code} pages have it"));
            }

            foreach (var key in translatedKeys.Except(sourceKeys).Order(StringComparer.Ordinal))
            {
                problems.Add(new DataProblem(folder, $"{key}.md", "", $"has no {cultures.Default.Code} source page"));
            }

            foreach (var page in translated.Pages)
            {
                if (source.Find(page.Key) is { } original && page.SourceVersion > original.Version)
                {
                    problems.Add(new DataProblem(folder, $"{page.Key}.md", "source-version",
                        $"{page.SourceVersion} is newer than the {cultures.Default.Code} page's version {original.Version}"));
                }
            }
        }
    }

    private static CardText? LoadCard(string path, PortalCulture culture, SiteSettings? settings, List<DataProblem> problems)
    {
        var file = ReadYaml<CardTextFile>(path, 0, problems);
        if (file is null)
        {
            return null;
        }

        var display = DataProblem.DisplayPath(path);
        var before = problems.Count;
        void Fail(string field, string message) => problems.Add(new DataProblem(display, "card", field, message));
        if (string.IsNullOrWhiteSpace(file.Title)) { Fail("title", "is required"); }
        if (string.IsNullOrWhiteSpace(file.TieIn)) { Fail("tie-in", "is required"); }
        var actions = (file.Actions ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => SettingsTokens.Fill(a.Trim(), settings)).ToList();
        if (actions.Count is < CardText.MinActions or > CardText.MaxActions)
        {
            Fail("actions", $"a card has {CardText.MinActions} to {CardText.MaxActions} actions, found {actions.Count}");
        }

        var version = culture.IsDefault ? file.Version ?? 0 : file.SourceVersion ?? 0;
        if (version < 1) { Fail(culture.IsDefault ? "version" : "source-version", "is required: a whole number from 1"); }
        return problems.Count > before ? null
            : new CardText(file.Title!.Trim(), SettingsTokens.Fill(file.TieIn!.Trim(), settings), actions, culture.IsDefault ? version : 0, version);
    }

    private static HashSet<string> PageKeys(string contentDirectory, PortalCulture culture)
    {
        var folder = Path.Combine(contentDirectory, culture.Code, PagesFolder);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>()]
            : [];
    }

    private static SiteSettings? ToSettings(SiteSettingsFile file, string display, List<DataProblem> problems)
    {
        var before = problems.Count;
        string Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new DataProblem(display, "settings", field, "is required"));
                return "";
            }

            return value.Trim();
        }

        var settings = new SiteSettings(
            Required(file.Municipality, "municipality"),
            Required(file.EmergencyNumber, "emergency-number"),
            Required(file.PoliceNumber, "police-number"),
            Required(file.MunicipalityNumber, "municipality-number"),
            Required(file.Broadcaster, "broadcaster"),
            Required(file.BroadcasterFrequencies, "broadcaster-frequencies"));
        return problems.Count > before ? null : settings;
    }

    private static Alert? ToAlert(AlertFile file, PortalCulture culture, PortalCulture fallback, string display, List<DataProblem> problems)
    {
        var location = $"alert '{file.Id}'";
        var report = culture.IsDefault;
        if (string.IsNullOrWhiteSpace(file.Id) || file.ActiveFrom is null || file.Text is null || !file.Text.ContainsKey(fallback.Code))
        {
            if (report)
            {
                problems.Add(new DataProblem(display, location, "id/active-from/text", $"an alert needs an id, an active-from time and a {fallback.Code} text"));
            }

            return null;
        }

        if (!Places.Catalog.KebabTokens<AlertSeverity>.ByToken.TryGetValue(file.Severity ?? "", out var severity))
        {
            if (report)
            {
                problems.Add(new DataProblem(display, location, "severity", $"'{file.Severity}' is not one of: info, warning, danger"));
            }

            return null;
        }

        if (file.Link is { } link && !Sanitizing.HtmlSanitizer.IsSafeLink(link))
        {
            if (report)
            {
                problems.Add(new DataProblem(display, location, "link", $"'{link}' is not a site path or an http(s) address"));
            }

            return null;
        }

        var text = file.Text.GetValueOrDefault(culture.Code) ?? file.Text[fallback.Code];
        var linkText = file.LinkText?.GetValueOrDefault(culture.Code) ?? file.LinkText?.GetValueOrDefault(fallback.Code);
        return new Alert(file.Id, severity, text, file.Link, linkText, file.ActiveFrom.Value, file.ActiveUntil);
    }

    private static T? ReadYaml<T>(string path, int lineOffset, List<DataProblem> problems) where T : class
    {
        if (!File.Exists(path))
        {
            problems.Add(new DataProblem(DataProblem.DisplayPath(path), "file", "", "file not found"));
            return null;
        }

        return ReadYamlText<T>(File.ReadAllText(path), DataProblem.DisplayPath(path), lineOffset, problems);
    }

    private static T? ReadYamlText<T>(string yaml, string file, int lineOffset, List<DataProblem> problems) where T : class
    {
        try
        {
            return Yaml.Deserialize<T>(yaml) ?? throw new YamlException("the block is empty");
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            problems.Add(new DataProblem(file, $"line {e.Start.Line + lineOffset}", "", $"not valid front matter: {reason}"));
            return null;
        }
    }

    /// <summary>A short hash of every content file: the same files give the same version on every machine.</summary>
    private static string VersionOf(string contentDirectory, CultureSet cultures)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = new[] { Path.Combine(contentDirectory, SettingsFile) }
            .Concat(cultures.All.SelectMany(c => Directory.GetFiles(Path.Combine(contentDirectory, c.Code), "*", SearchOption.AllDirectories)))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(contentDirectory, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
