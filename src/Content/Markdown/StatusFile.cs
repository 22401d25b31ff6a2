using Portal.Content.Drafts;
using Portal.Content.Files;
using Portal.Places.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Portal.Content.Markdown;

/// <summary>
/// content/status.yml: the live status of the support points for a municipality without Umbraco. Written by
/// `portal status set` (whole file at once, under <see cref="FileLock"/>), read with the rest of content/; a running
/// portal re-reads it on change.
/// </summary>
public static class StatusFile
{
    public const string FileName = "status.yml";

    private const string Header = """
        # Live status of the support points (noodsteunpunten). Change it with `portal status set`; a running portal picks
        # the change up by itself. A point not listed here is on standby.
        #   status: standby | open | full | closed      services-now: what it offers now (a subset of its services)
        #   message: one short line per language (nl required when any)   backup: where to go when full or closed
        #   changed / checked: when the status changed / was last confirmed (ISO 8601 with offset)

        """;

    private static readonly IDeserializer Reader = new DeserializerBuilder().Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    /// <summary>The statuses in content/status.yml (none when there is no file); null, with the problem, when it cannot be read.</summary>
    public static IReadOnlyList<StatusDraft>? Read(string contentDirectory, List<DataProblem> problems)
    {
        var path = Path.Combine(contentDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), DataProblem.DisplayPath(path), problems) : [];
    }

    /// <summary>
    /// The statuses a status file's text gives; null, with a problem naming the line, when it is not YAML — or when it
    /// lists no points at all: a file emptied or cut off as it was written would otherwise put every point on standby
    /// in the middle of a crisis. `points: {}` says "every point on standby" on purpose.
    /// </summary>
    public static IReadOnlyList<StatusDraft>? Parse(string text, string file, List<DataProblem> problems)
    {
        if (Entries(text, file, problems) is not { } entries)
        {
            return null;
        }

        if (IsEmptied(text, entries))
        {
            problems.Add(new DataProblem(file, "line 1", "points", "the file lists no points; a status file that was emptied or cut off would put every support point on standby. Write `points: {}` to mean that")
            {
                Item = file, Dutch = "Het statusbestand noemt geen steunpunten. Bedoelt u dat geen enkel steunpunt een status heeft? Schrijf dan `points: {}`.",
            });
            return null;
        }

        return [.. entries.Select(entry => new StatusDraft(ContentOrigin.Entry(file, $"point '{entry.Key}'"), entry.Key,
            entry.Value?.Status, entry.Value?.ServicesNow is { Count: > 0 } services ? services : null, entry.Value?.Message ?? [],
            entry.Value?.Changed, entry.Value?.Checked, entry.Value?.Backup))];
    }

    /// <summary>Each point's entry as a status file's text has them; null, with a problem naming the line, when it is not YAML.</summary>
    public static Dictionary<string, StatusEntry?>? Entries(string text, string file, List<DataProblem> problems)
    {
        try
        {
            return (Reader.Deserialize<StatusFileModel>(text) ?? new StatusFileModel()).Points ?? new Dictionary<string, StatusEntry?>(StringComparer.Ordinal);
        }
        catch (YamlException e)
        {
            // The file is the item: unreadable, the statuses keep their last good version.
            problems.Add(new DataProblem(file, $"line {e.Start.Line}", "", $"not valid YAML: {YamlErrors.Reason(e)}")
            {
                Item = file, Dutch = $"Regel {e.Start.Line} van het statusbestand is niet te lezen. Kijk of er een dubbele punt na de naam staat en of inspringen klopt.",
            });
            return null;
        }
    }

    /// <summary>The text of a status file with these entries, in slug order under the explaining header.</summary>
    public static string Text(IReadOnlyDictionary<string, StatusEntry?> entries) =>
        Header + (entries.Count == 0 ? "points: {}\n" : Writer.Serialize(new StatusFileModel
        {
            Points = entries.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
        }));

    /// <summary>Replaces the whole file at once: a reader (the running portal) sees the old file or the new one.</summary>
    public static void Write(string contentDirectory, string text) =>
        AtomicFile.Write(Path.Combine(contentDirectory, FileName), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>No points, and not because the file says `points: {}`: emptied or cut off.</summary>
    public static bool IsEmptied(string text, IReadOnlyDictionary<string, StatusEntry?> entries) => entries.Count == 0 && !DeclaresNoPoints(text);

    private static bool DeclaresNoPoints(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^points:\s*\{\s*\}\s*$", System.Text.RegularExpressions.RegexOptions.Multiline);

    private sealed class StatusFileModel
    {
        [YamlMember(Alias = "points")] public Dictionary<string, StatusEntry?>? Points { get; set; }
    }
}

/// <summary>One point's entry in content/status.yml.</summary>
public sealed class StatusEntry
{
    [YamlMember(Alias = "status")] public string? Status { get; set; }

    [YamlMember(Alias = "services-now")] public List<string>? ServicesNow { get; set; }

    [YamlMember(Alias = "message")] public Dictionary<string, string>? Message { get; set; }

    [YamlMember(Alias = "backup")] public string? Backup { get; set; }

    [YamlMember(Alias = "changed")] public string? Changed { get; set; }

    [YamlMember(Alias = "checked")] public string? Checked { get; set; }
}
