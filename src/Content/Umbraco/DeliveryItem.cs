using System.Text.Json;

namespace Portal.Content.Umbraco;

/// <summary>
/// A Delivery API v2 content item, read tolerantly: unknown fields are ignored, any property value may be
/// missing or null. The raw JSON is kept so the snapshot on disk holds exactly what Umbraco said.
/// </summary>
public sealed record DeliveryItem(Guid Id, string ContentType, string Name, string RoutePath, DateTimeOffset UpdateDate, JsonElement Raw)
{
    public JsonElement Properties => Raw.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;

    /// <summary>The last segment of the route: "/noodpakket/" is "noodpakket"; the start item is "home".</summary>
    public string Slug
    {
        get
        {
            var segments = RoutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length == 0 ? "home" : segments[^1];
        }
    }

    /// <summary>The root the item lies under (route.startItem: its id and path), as Umbraco gives it; null when it gives none.</summary>
    public (Guid? Id, string? Path)? StartItem =>
        TryGet(Raw, "route", out var route) && TryGet(route, "startItem", out var start)
            ? (Guid.TryParse(StringOf(start, "id"), out var id) ? id : null, StringOf(start, "path"))
            : null;

    public static DeliveryItem? Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !Guid.TryParse(StringOf(item, "id"), out var id)
            || StringOf(item, "contentType") is not { Length: > 0 } type)
        {
            return null;
        }

        var path = TryGet(item, "route", out var route) ? StringOf(route, "path") ?? "/" : "/";
        var updated = DateTimeOffset.TryParse(StringOf(item, "updateDate"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : DateTimeOffset.UnixEpoch;
        return new DeliveryItem(id, type, StringOf(item, "name") ?? "", path, updated, item.Clone());
    }

    /// <summary>A member that is a JSON string; null for any other type, so a number where text belongs never throws.</summary>
    public static string? StringOf(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string? Text(string alias) =>
        TryGet(Properties, alias, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    /// <summary>A finite number, given as a JSON number or as text; null for anything else.</summary>
    public double? Number(string alias) =>
        TryGet(Properties, alias, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.TryGetDouble(out var number) && double.IsFinite(number) ? number : null
            : double.TryParse(Text(alias), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed : null;

    public bool Flag(string alias) => TryGet(Properties, alias, out var value) && value.ValueKind == JsonValueKind.True;

    public IReadOnlyList<string> List(string alias) =>
        TryGet(Properties, alias, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : (Text(alias) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A list kept one per line (a textarea), or given as a JSON array of strings (a repeatable text string).</summary>
    public IReadOnlyList<string> Lines(string alias) =>
        TryGet(Properties, alias, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : (Text(alias) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public JsonElement Element(string alias) => TryGet(Properties, alias, out var value) ? value : default;

    /// <summary>Property names are camelCase in the Delivery API and PascalCase in legacy webhook payloads.</summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return value.ValueKind != JsonValueKind.Null;
            }
        }

        return false;
    }
}
