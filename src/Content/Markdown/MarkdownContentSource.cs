using Portal.Content.Files;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portal.Content.Cultures;
using Portal.Content.Drafts;
using Portal.Places.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Portal.Content.Markdown;

/// <summary>
/// The embedded content source: content/site.yml (settings and alerts), content/{culture}/pages/{key}.md (YAML front
/// matter + Markdown) and content/{culture}/card.yml. It only reads; <see cref="Validation.ContentValidator"/> checks.
/// </summary>
public static class MarkdownContentSource
{
    public const string SettingsFile = "site.yml";
    public const string PagesFolder = "pages";
    public const string CardFile = "card.yml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <param name="pages">Pages already read, reused while their file is unchanged; null reads every page.</param>
    public static ContentDraft Read(string contentDirectory, CultureSet cultures, PageFileCache? pages = null) =>
        Read(ContentFolders.Single(contentDirectory), cultures, pages);

    /// <summary>A site's content from its layers: shared pages unless it has its own, its own settings and statuses.</summary>
    public static ContentDraft Read(ContentFolders folders, CultureSet cultures, PageFileCache? pages = null)
    {
        var contentDirectory = folders.Own;
        var problems = new List<DataProblem>();
        var settingsPath = Path.Combine(contentDirectory, SettingsFile);
        var settingsOrigin = ContentOrigin.Entry(DataProblem.DisplayPath(settingsPath), "settings");
        var settingsFile = ReadYaml<SiteSettingsFile>(settingsPath, 0, problems);
        var settings = settingsFile is null ? null : new SettingsDraft(settingsOrigin, settingsFile.Municipality, settingsFile.EmergencyNumber,
            settingsFile.PoliceNumber, settingsFile.MunicipalityNumber, settingsFile.Broadcaster, settingsFile.BroadcasterFrequencies);
        // An id given twice is refused on its second use, which is then an entry of its own: "alert 'x' (2)".
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var alerts = (settingsFile?.Alerts ?? []).Select(a => new AlertDraft(
            ContentOrigin.Entry(DataProblem.DisplayPath(settingsPath), (seen[a.Id ?? ""] = seen.GetValueOrDefault(a.Id ?? "") + 1) is var n && n > 1 ? $"alert '{a.Id}' ({n})" : $"alert '{a.Id}'"), a.Id, a.Severity, a.Text ?? [], a.Link, a.LinkText ?? [],
            a.ActiveFrom?.ToString("O", CultureInfo.InvariantCulture), a.ActiveUntil?.ToString("O", CultureInfo.InvariantCulture))).ToList();

        var byCulture = new Dictionary<string, CultureDraft>(StringComparer.Ordinal);
        foreach (var culture in cultures.All)
        {
            var folder = folders.FindFolder(culture.Code, PagesFolder);
            var culturePages = ReadPages(folders, Path.Combine(culture.Code, PagesFolder), folder, problems, pages);
            var card = ReadCard(folders.Find(culture.Code, CardFile), problems);
            byCulture[culture.Code] = new CultureDraft(new ContentOrigin(DataProblem.DisplayPath(folder), "folder"), culturePages, card);
        }

        var statuses = ReadStatuses(folders, problems);
        return new ContentDraft("content", VersionOf(folders, cultures), settings, alerts, byCulture, SupportPoints: null, statuses, problems);
    }

    /// <summary>Every status file of the site (on a region site, each municipality's); null when any cannot be read.</summary>
    private static IReadOnlyList<StatusDraft>? ReadStatuses(ContentFolders folders, List<DataProblem> problems)
    {
        var all = new List<StatusDraft>();
        foreach (var folder in folders.StatusFolders)
        {
            if (StatusFile.Read(folder, problems) is not { } statuses)
            {
                return null;
            }

            all.AddRange(statuses);
        }

        return all;
    }

    private static List<PageDraft> ReadPages(ContentFolders folders, string relativeFolder, string folder, List<DataProblem> problems, PageFileCache? cache)
    {
        if (!folders.HasFolder(relativeFolder))
        {
            problems.Add(new DataProblem(DataProblem.DisplayPath(folder), "folder", "", "not found: every configured language needs its pages"));
            return [];
        }

        return [.. folders.Files(relativeFolder, "*.md")
            .Select(path => cache is null ? ReadPage(path, problems) : cache.GetOrRead(path, problems, ReadPage)).OfType<PageDraft>()];
    }

    private static PageDraft? ReadPage(string path, List<DataProblem> problems)
    {
        var file = DataProblem.DisplayPath(path);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal) || text.IndexOf("\n---\n", 3, StringComparison.Ordinal) is var end && end < 0)
        {
            problems.Add(new DataProblem(file, "line 1", "", "expected front matter between a first line '---' and a closing '---'")
            {
                Item = file, Dutch = "Bovenaan het bestand ontbreken de gegevens van de pagina tussen twee regels '---'. Zet ze terug: titel, samenvatting en versie.",
            });
            return null;
        }

        var front = ReadYamlText<PageFrontMatter>(text[4..(end + 1)], file, lineOffset: 1, problems);
        if (front is null)
        {
            return null;
        }

        return new PageDraft(Path.GetFileNameWithoutExtension(path), ContentOrigin.WholeFile(file, "front matter"), front.Type, front.Title, front.Summary,
            MarkdownRenderer.ToHtml(text[(end + 5)..]), front.Step, front.Order, front.Version, front.SourceVersion,
            front.Updated ?? File.GetLastWriteTimeUtc(path),
            [.. (front.Checklist ?? []).Select(item => new ChecklistItemDraft(item.Text, item.PerPersonPerDay, item.Unit))]);
    }

    private static CardDraft? ReadCard(string path, List<DataProblem> problems)
    {
        var file = ReadYaml<CardTextFile>(path, 0, problems);
        return file is null ? null
            : new CardDraft(ContentOrigin.WholeFile(DataProblem.DisplayPath(path), "card"), file.Title, file.TieIn, file.Actions ?? [], file.Version, file.SourceVersion);
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
            // The file is the item: a page, the card, or site.yml (then its settings and alerts keep their last good version).
            problems.Add(new DataProblem(file, $"line {e.Start.Line + lineOffset}", "", $"not valid front matter: {YamlErrors.Reason(e)}")
            {
                Item = file, Dutch = $"De gegevens in regel {e.Start.Line + lineOffset} zijn niet te lezen. Kijk of er een dubbele punt na de naam staat, of inspringen klopt en of een getal een getal is.",
            });
            return null;
        }
    }

    /// <summary>
    /// A short hash of every content file: the same files give the same version on every machine. The status file is
    /// left out: a status change is not new content (cards, print runs and the search index stay as they are).
    /// </summary>
    private static string VersionOf(ContentFolders folders, CultureSet cultures)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Every file the site shows, by its path below its layer: a shared file and the same file in the own folder are
        // one name, and whichever is shown is hashed (so the single-folder demo keeps its version).
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in folders.Layers)
        {
            foreach (var file in cultures.All.SelectMany(c => Directory.Exists(Path.Combine(layer, c.Code))
                ? Directory.GetFiles(Path.Combine(layer, c.Code), "*", SearchOption.AllDirectories) : []))
            {
                files[Path.GetRelativePath(layer, file)] = file;
            }
        }

        files[SettingsFile] = Path.Combine(folders.Own, SettingsFile);
        foreach (var (relative, file) in files.Where(f => File.Exists(f.Value)).OrderBy(f => f.Value, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
