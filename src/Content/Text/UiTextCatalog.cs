using Portal.Content.Cultures;
using Portal.Places.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Portal.Content.Text;

/// <summary>UI texts for every configured language; loading fails when a language lacks a key the default has.</summary>
public sealed class UiTextCatalog
{
    public const string FileName = "ui.yml";

    private readonly Dictionary<string, UiText> _byCulture;

    private UiTextCatalog(Dictionary<string, UiText> byCulture) => _byCulture = byCulture;

    public UiText For(PortalCulture culture) => _byCulture[culture.Code];

    public static (UiTextCatalog? Catalog, IReadOnlyList<DataProblem> Problems) Load(string contentDirectory, CultureSet cultures) =>
        Load(Files.ContentFolders.Single(contentDirectory), cultures);

    /// <summary>Each language's texts from the last layer that has them (a municipality may word its own).</summary>
    public static (UiTextCatalog? Catalog, IReadOnlyList<DataProblem> Problems) Load(Files.ContentFolders folders, CultureSet cultures)
    {
        var problems = new List<DataProblem>();
        var loaded = new Dictionary<string, UiText>(StringComparer.Ordinal);
        foreach (var culture in cultures.All)
        {
            var path = folders.Find(culture.Code, FileName);
            var display = DataProblem.DisplayPath(path);
            if (!File.Exists(path))
            {
                problems.Add(new DataProblem(display, "file", "", $"file not found: every configured language needs its {FileName}"));
                continue;
            }

            try
            {
                var texts = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
                var empty = texts.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key);
                problems.AddRange(empty.Select(key => new DataProblem(display, $"key '{key}'", key, "text is empty")));
                loaded[culture.Code] = new UiText(culture, texts);
            }
            catch (YamlException e)
            {
                problems.Add(new DataProblem(display, $"line {e.Start.Line}", "", $"not valid YAML: {Files.YamlErrors.Reason(e)}"));
            }
        }

        if (loaded.TryGetValue(cultures.Default.Code, out var reference))
        {
            foreach (var (code, text) in loaded.Where(l => l.Key != cultures.Default.Code))
            {
                var path = DataProblem.DisplayPath(folders.Find(code, FileName));
                problems.AddRange(reference.Keys.Except(text.Keys)
                    .Select(key => new DataProblem(path, $"key '{key}'", key, $"missing: the {cultures.Default.Code} texts have it")));
            }
        }

        return problems.Count > 0 ? (null, problems) : (new UiTextCatalog(loaded), problems);
    }
}
