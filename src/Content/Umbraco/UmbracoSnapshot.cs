using System.Text.Json;

namespace Portal.Content.Umbraco;

/// <summary>Everything read from Umbraco at one moment, as Umbraco sent it (raw items per culture).</summary>
public sealed record UmbracoSnapshot(DateTimeOffset SavedAt, IReadOnlyDictionary<string, IReadOnlyList<DeliveryItem>> Items)
{
    /// <summary>Writes beside the target and renames over it: a crash mid-write never leaves a half snapshot.</summary>
    public void Save(string path) => Files.AtomicFile.Write(path, stream =>
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        writer.WriteStartObject();
        writer.WriteString("savedAt", SavedAt);
        writer.WriteStartObject("cultures");
        foreach (var (culture, items) in Items)
        {
            writer.WriteStartArray(culture);
            foreach (var item in items)
            {
                item.Raw.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <returns>The snapshot, or null when there is none or it cannot be read (reported through <paramref name="error"/>).</returns>
    public static UmbracoSnapshot? TryLoad(string path, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var savedAt = root.GetProperty("savedAt").GetDateTimeOffset();
            var items = new Dictionary<string, IReadOnlyList<DeliveryItem>>(StringComparer.Ordinal);
            foreach (var culture in root.GetProperty("cultures").EnumerateObject())
            {
                items[culture.Name] = [.. culture.Value.EnumerateArray().Select(DeliveryItem.Parse).OfType<DeliveryItem>()];
            }

            return new UmbracoSnapshot(savedAt, items);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            error = $"snapshot {path} is unreadable: {e.Message}";
            return null;
        }
    }

    /// <summary>A copy with one item replaced, added or (when null) removed in one culture.</summary>
    public UmbracoSnapshot With(string culture, Guid id, DeliveryItem? item, DateTimeOffset now)
    {
        var items = Items.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var list = items.GetValueOrDefault(culture, []).ToList();
        var index = list.FindIndex(i => i.Id == id);
        list.RemoveAll(i => i.Id == id);
        if (item is not null)
        {
            list.Insert(index >= 0 ? index : list.Count, item);
        }

        items[culture] = list;
        return new UmbracoSnapshot(now, items);
    }

    /// <summary>Whether the snapshot holds the item a key names (<see cref="Drafts.ContentOrigin.UmbracoItemKey"/>).</summary>
    public bool Has(string key) => Items.Any(c => c.Value.Any(i => Drafts.ContentOrigin.UmbracoItemKey(i.ContentType, i.Id, c.Key) == key || $"umbraco:{i.Id}" == key));

    /// <summary>The same items, as Umbraco sent them, as in <paramref name="other"/> (whenever either was read).</summary>
    public bool SameItems(UmbracoSnapshot? other) => other is not null && Items.Count == other.Items.Count && Items.All(c =>
        other.Items.TryGetValue(c.Key, out var theirs) && theirs.Count == c.Value.Count
        && c.Value.Zip(theirs).All(pair => pair.First.Raw.GetRawText() == pair.Second.Raw.GetRawText()));

    /// <summary>
    /// This snapshot with the given items (by <see cref="Drafts.ContentOrigin.UmbracoItemKey"/>) taken from
    /// <paramref name="lastGood"/> (null: left out): how a refused item keeps its last good version.
    /// </summary>
    public UmbracoSnapshot WithItemsFrom(UmbracoSnapshot? lastGood, IReadOnlySet<string> keys)
    {
        var items = new Dictionary<string, IReadOnlyList<DeliveryItem>>(StringComparer.Ordinal);
        foreach (var culture in Items.Keys.Union(lastGood?.Items.Keys ?? []))
        {
            bool Chosen(DeliveryItem i) => keys.Contains(Drafts.ContentOrigin.UmbracoItemKey(i.ContentType, i.Id, culture)) || keys.Contains($"umbraco:{i.Id}");
            var previous = lastGood?.Items.GetValueOrDefault(culture, []).Where(Chosen).ToList() ?? [];
            var kept = new List<DeliveryItem>();
            foreach (var item in Items.GetValueOrDefault(culture, []))
            {
                if (!Chosen(item))
                {
                    kept.Add(item);
                }
                else if (previous.Find(i => i.Id == item.Id) is { } old && !kept.Exists(k => ReferenceEquals(k, old)))
                {
                    // In its place, so the sort order stays as it was.
                    kept.Add(old);
                }
            }

            kept.AddRange(previous.Where(old => !kept.Exists(k => ReferenceEquals(k, old))));
            items[culture] = kept;
        }

        return this with { Items = items };
    }
}
