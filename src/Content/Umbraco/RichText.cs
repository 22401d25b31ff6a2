using System.Net;
using System.Text;
using System.Text.Json;
using Portal.Content.Sanitizing;

namespace Portal.Content.Umbraco;

/// <summary>
/// Rich text from the Delivery API in either of its forms — {"markup": "..."} or, with RichTextOutputAsJson,
/// the node tree {"tag": "#root", "elements": [...]} — turned into sanitised HTML. CMS HTML is never trusted.
/// </summary>
public static class RichText
{
    /// <param name="unexpected">Told what in the value is not rich text (a number, a node without a tag): reported, never rendered as nothing.</param>
    public static string ToSafeHtml(JsonElement value, Action<string>? skipped = null, Action<string>? unexpected = null)
    {
        var html = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Undefined or JsonValueKind.Null => "",
            JsonValueKind.Object when DeliveryItem.TryGet(value, "markup", out var markup) && markup.ValueKind == JsonValueKind.String => markup.GetString() ?? "",
            JsonValueKind.Object when DeliveryItem.TryGet(value, "tag", out _) => RenderTree(value, skipped, unexpected),
            _ => Unexpected(unexpected, $"a {Kind(value)} where rich text belongs"),
        };
        return HtmlSanitizer.Sanitize(html);
    }

    private static string Unexpected(Action<string>? unexpected, string what)
    {
        unexpected?.Invoke(what);
        return "";
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "true/false value",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "text",
        _ => "value of another kind",
    };

    private static string RenderTree(JsonElement root, Action<string>? skipped, Action<string>? unexpected)
    {
        var builder = new StringBuilder();
        Render(root, builder, skipped, unexpected, depth: 0);
        return builder.ToString();
    }

    private static void Render(JsonElement node, StringBuilder html, Action<string>? skipped, Action<string>? unexpected, int depth)
    {
        if (depth > 64)
        {
            Unexpected(unexpected, "rich text nested more than 64 levels deep");
            return;
        }

        if (node.ValueKind != JsonValueKind.Object || DeliveryItem.StringOf(node, "tag") is not { } tag)
        {
            Unexpected(unexpected, node.ValueKind == JsonValueKind.Object ? "a rich-text node without a tag" : $"a {Kind(node)} where a rich-text node belongs");
            return;
        }

        if (tag == "#text")
        {
            if (!DeliveryItem.TryGet(node, "text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                Unexpected(unexpected, text.ValueKind == JsonValueKind.Undefined ? "a text node without text" : $"a text node whose text is a {Kind(text)}");
                return;
            }

            html.Append(WebUtility.HtmlEncode(text.GetString()));
            return;
        }

        if (tag.StartsWith("umb-rte-block", StringComparison.Ordinal))
        {
            skipped?.Invoke(tag);
            return;
        }

        var isRoot = tag == "#root";
        var safeTag = new string([.. tag.Where(char.IsAsciiLetterOrDigit)]);
        if (!isRoot)
        {
            html.Append('<').Append(safeTag);
            if (DeliveryItem.TryGet(node, "attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object)
            {
                foreach (var attribute in attributes.EnumerateObject().Where(a => a.Value.ValueKind == JsonValueKind.String))
                {
                    html.Append(' ').Append(new string([.. attribute.Name.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]))
                        .Append("=\"").Append(WebUtility.HtmlEncode(attribute.Value.GetString())).Append('"');
                }
            }

            html.Append('>');
        }

        if (DeliveryItem.TryGet(node, "elements", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                Render(child, html, skipped, unexpected, depth + 1);
            }
        }

        if (!isRoot)
        {
            html.Append("</").Append(safeTag).Append('>');
        }
    }
}
