using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Application.StaticSite;

/// <summary>
/// The files a page links to (href, src, action), resolved against the page's own place in the site. Checked against
/// the files the export wrote, so a broken link is found before anything is published.
/// </summary>
public static partial class InternalLinks
{
    /// <summary>Site-relative targets of the page's internal links, and a problem for every link that cannot work.</summary>
    /// <param name="siblings">Folders beside the site that a link may lead into (a region export's municipalities); those
    /// links are not the site's own, so they are neither listed nor problems.</param>
    public static (IReadOnlyList<(string Href, string Target)> Links, IReadOnlyList<string> Problems) Of(string file, string html,
        IReadOnlySet<string>? siblings = null)
    {
        var links = new List<(string, string)>();
        var problems = new List<string>();
        var directory = file.Split('/')[..^1];
        foreach (Match link in LinkAttribute().Matches(html))
        {
            var href = WebUtility.HtmlDecode(link.Groups[1].Value);
            if (href.StartsWith('#') || href.Contains(':', StringComparison.Ordinal))
            {
                continue; // same page, or another scheme (https:, tel:, geo:)
            }

            if (href.StartsWith('/'))
            {
                problems.Add($"{file}: link '{href}' is absolute; the export must work under any base path and from file://");
                continue;
            }

            var target = Resolve(directory, href.Split('?', '#')[0]);
            if (target is null && siblings is { Count: > 0 } && Resolve([OwnFolder, .. directory], href.Split('?', '#')[0]) is { } beside
                && beside.Split('/', 2) is [var sibling, { Length: > 0 }] && siblings.Contains(sibling))
            {
                continue; // into a sibling site's folder
            }

            if (target is null)
            {
                problems.Add($"{file}: link '{href}' leads outside the site");
                continue;
            }

            links.Add((href, target));
        }

        return (links, problems);
    }

    /// <summary>Stands for the site's own folder when a link climbs out of it: a name no sibling has.</summary>
    private const string OwnFolder = "\0";

    /// <summary>"a/b" + "../c.html" is "a/c.html"; null when the path climbs above the site root.</summary>
    private static string? Resolve(string[] directory, string relative)
    {
        var parts = new List<string>(directory);
        foreach (var segment in relative.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(segment);
                    break;
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex("(?:href|src|action)=\"([^\"]+)\"")]
    private static partial Regex LinkAttribute();
}
