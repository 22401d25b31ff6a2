using Portal.Content.Drafts;
using Portal.Content.Files;
using Portal.Places.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Portal.Content.Markdown;

/// <summary>
/// content/status.yml: the live status of the support points for a municipality without Umbraco. Written by
/// `portal status set` (whole file at once), read with the rest of content/; a running portal re-reads it on change.
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

    public static IReadOnlyList<StatusDraft> Read(string contentDirectory, List<DataProblem> problems)
    {
        var path = Path.Combine(contentDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), DataProblem.DisplayPath(path), problems) : [];
    }

    /// <summary>The statuses a status file's text gives; a YAML error is a problem naming the line.</summary>
    public static IReadOnlyList<StatusDraft> Parse(string text, string file, List<DataProblem> problems)
    {
        if (Model(text, file, problems) is not { } model)
        {
            return [];
        }

        return [.. (model.Points ?? []).Select(entry => new StatusDraft(new ContentOrigin(file, $"point '{entry.Key}'"), entry.Key,
            entry.Value?.Status, entry.Value?.ServicesNow is { Count: > 0 } services ? services : null, entry.Value?.Message ?? [],
            entry.Value?.Changed, entry.Value?.Checked, entry.Value?.Backup))];
    }

    /// <summary>One point's entry as the file has it now, or null.</summary>
    public static StatusEntry? Find(string contentDirectory, string slug) =>
        Model(ReadText(contentDirectory), FileName, []) is { } model ? model.Points?.GetValueOrDefault(slug) : null;

    /// <summary>The file's text with one point's entry replaced (the others kept); the caller validates it before <see cref="Write"/>.</summary>
    public static string With(string contentDirectory, string slug, StatusEntry entry)
    {
        var model = Model(ReadText(contentDirectory), FileName, []) ?? new StatusFileModel();
        var points = model.Points ?? [];
        points[slug] = entry;
        model.Points = points.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        return Header + Writer.Serialize(model);
    }

    /// <summary>Replaces the whole file at once: a reader (the running portal) sees the old file or the new one.</summary>
    public static void Write(string contentDirectory, string text) =>
        AtomicFile.Write(Path.Combine(contentDirectory, FileName), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string ReadText(string contentDirectory) =>
        Path.Combine(contentDirectory, FileName) is var path && File.Exists(path) ? File.ReadAllText(path) : "";

    private static StatusFileModel? Model(string text, string file, List<DataProblem> problems)
    {
        try
        {
            return Reader.Deserialize<StatusFileModel>(text) ?? new StatusFileModel();
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            problems.Add(new DataProblem(file, $"line {e.Start.Line}", "", $"not valid YAML: {reason}"));
            return null;
        }
    }

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
