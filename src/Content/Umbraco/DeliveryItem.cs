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

    public static DeliveryItem? Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !TryGet(item, "id", out var idValue) || !Guid.TryParse(idValue.GetString(), out var id)
            || !TryGet(item, "contentType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var name = TryGet(item, "name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var path = TryGet(item, "route", out var route) && TryGet(route, "path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "/";
        var updated = TryGet(item, "updateDate", out var u) && u.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(u.GetString(), out var date)
            ? date : DateTimeOffset.UnixEpoch;
        return new DeliveryItem(id, type.GetString()!, name, path, updated, item.Clone());
    }

    public string? Text(string alias) =>
        TryGet(Properties, alias, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    public double? Number(string alias) =>
        TryGet(Properties, alias, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : double.TryParse(Text(alias), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    public bool Flag(string alias) => TryGet(Properties, alias, out var value) && value.ValueKind == JsonValueKind.True;

    public IReadOnlyList<string> List(string alias) =>
        TryGet(Properties, alias, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : (Text(alias) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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
