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
        if (item is null && index >= 0)
        {
            list.RemoveAt(index);
        }
        else if (item is not null && index >= 0)
        {
            list[index] = item;
        }
        else if (item is not null)
        {
            list.Add(item);
        }

        items[culture] = list;
        return new UmbracoSnapshot(now, items);
    }
}
