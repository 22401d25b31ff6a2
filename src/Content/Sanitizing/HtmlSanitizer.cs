using Ganss.Xss;

namespace Portal.Content.Sanitizing;

/// <summary>
/// Reduces untrusted HTML (rich text from the CMS, rendered Markdown) to an allow-list of structural elements, with the
/// well-kept HtmlSanitizer library: no script, no styles, no event handlers, no javascript: or data: links, no images
/// or frames. What is not allowed is unwrapped (its text kept) or, for dangerous elements, dropped with its content.
/// </summary>
public static class HtmlSanitizer
{
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "form", "input",
        "button", "select", "textarea", "link", "meta", "base", "img", "video", "audio", "source", "picture", "title",
    };

    private static readonly Ganss.Xss.HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>
    /// Site-relative paths, fragments, http(s), mailto and tel only. "//host" and "/\host" are other sites (browsers read
    /// a backslash as a slash), so they are not site paths.
    /// </summary>
    public static bool IsSafeLink(string href)
    {
        var value = new string([.. href.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        if (value.StartsWith('#') || (value.StartsWith('/') && !(value.Length > 1 && value[1] is '/' or '\\')))
        {
            return !value.Contains('\\', StringComparison.Ordinal);
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel";
    }

    private static Ganss.Xss.HtmlSanitizer Create()
    {
        var options = HtmlSanitizerOptions.Empty();
        foreach (var tag in new[] { "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "a", "blockquote",
                     "table", "thead", "tbody", "tr", "th", "td", "caption", "abbr", "span", "dl", "dt", "dd", "hr" })
        {
            options.AllowedTags.Add(tag);
        }

        foreach (var attribute in new[] { "href", "hreflang", "lang", "dir", "scope", "colspan", "rowspan", "title" })
        {
            options.AllowedAttributes.Add(attribute);
        }

        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
        {
            options.AllowedSchemes.Add(scheme);
        }

        options.UriAttributes.Add("href");
        var sanitizer = new Ganss.Xss.HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                // Nothing of a script or a frame is text a resident should read: empty it so no child is kept.
                e.Tag.InnerHtml = "";
            }
        };
        sanitizer.RemovingComment += (_, _) => { };
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!IsSafeLink(e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }
}
