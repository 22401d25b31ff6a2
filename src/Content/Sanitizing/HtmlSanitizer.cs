using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Content.Sanitizing;

/// <summary>
/// Reduces untrusted HTML (rich text from the CMS) to an allow-list of structural elements: no script, no styles,
/// no event handlers, no javascript: or data: links, no images or frames. What is not allowed is unwrapped
/// (its text kept) or, for dangerous elements, dropped with its content.
/// </summary>
public static class HtmlSanitizer
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "a", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "caption", "abbr", "span", "dl", "dt", "dd", "hr",
    };

    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "form", "input",
        "button", "select", "textarea", "link", "meta", "base", "img", "video", "audio", "source", "picture",
    };

    private static readonly Dictionary<string, string[]> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = ["href", "hreflang", "lang"],
        ["th"] = ["scope", "colspan", "rowspan"],
        ["td"] = ["colspan", "rowspan"],
        ["abbr"] = ["title"],
        ["span"] = ["lang", "dir"],
        ["p"] = ["lang", "dir"],
    };

    private static readonly HtmlParser Parser = new();

    public static string Sanitize(string html)
    {
        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        var fragment = Parser.ParseFragment(html, body);
        foreach (var node in fragment.ToList())
        {
            body.AppendChild(node);
        }

        Clean(body);
        return body.InnerHtml;
    }

    private static void Clean(IElement parent)
    {
        foreach (var child in parent.ChildNodes.ToList())
        {
            switch (child)
            {
                case IElement element when DroppedWithContent.Contains(element.LocalName):
                    element.Remove();
                    break;
                case IElement element when !AllowedElements.Contains(element.LocalName):
                    Clean(element);
                    element.Replace([.. element.ChildNodes]);
                    break;
                case IElement element:
                    CleanAttributes(element);
                    Clean(element);
                    break;
                case IComment comment:
                    comment.Remove();
                    break;
            }
        }
    }

    private static void CleanAttributes(IElement element)
    {
        var allowed = AllowedAttributes.GetValueOrDefault(element.LocalName, []);
        foreach (var attribute in element.Attributes.ToList())
        {
            if (!allowed.Contains(attribute.LocalName, StringComparer.OrdinalIgnoreCase))
            {
                element.RemoveAttribute(attribute.Name);
            }
        }

        if (element.LocalName == "a" && element.GetAttribute("href") is { } href && !IsSafeLink(href))
        {
            element.RemoveAttribute("href");
        }
    }

    /// <summary>Site-relative paths, fragments, http(s), mailto and tel only.</summary>
    public static bool IsSafeLink(string href)
    {
        var value = new string([.. href.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith('#'))
        {
            return true;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel";
    }
}
