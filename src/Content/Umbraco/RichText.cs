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
    public static string ToSafeHtml(JsonElement value, Action<string>? skipped = null)
    {
        var html = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Object when DeliveryItem.TryGet(value, "markup", out var markup) && markup.ValueKind == JsonValueKind.String => markup.GetString() ?? "",
            JsonValueKind.Object when DeliveryItem.TryGet(value, "tag", out _) => RenderTree(value, skipped),
            _ => "",
        };
        return HtmlSanitizer.Sanitize(html);
    }

    private static string RenderTree(JsonElement root, Action<string>? skipped)
    {
        var builder = new StringBuilder();
        Render(root, builder, skipped, depth: 0);
        return builder.ToString();
    }

    private static void Render(JsonElement node, StringBuilder html, Action<string>? skipped, int depth)
    {
        if (depth > 64 || node.ValueKind != JsonValueKind.Object || DeliveryItem.StringOf(node, "tag") is not { } tag)
        {
            return;
        }

        if (tag == "#text")
        {
            html.Append(WebUtility.HtmlEncode(DeliveryItem.StringOf(node, "text")));
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
                Render(child, html, skipped, depth + 1);
            }
        }

        if (!isRoot)
        {
            html.Append("</").Append(safeTag).Append('>');
        }
    }
}
