using Portal.Content.Routing;
using Portal.Content.Cultures;

namespace Portal.Application.StaticSite;

/// <summary>
/// Where a page lives in the exported folder, and how to link to it from another page. Links are relative, so the
/// site works under any base path, on any static host and straight from a USB stick (file://).
/// </summary>
public static class StaticPaths
{
    /// <summary>"/" is index.html, "/en" is en/index.html, "/en/noodplan" is en/noodplan.html.</summary>
    public static string FileFor(PortalCulture culture, string sitePath)
    {
        var path = sitePath.Split('?', '#')[0];
        // The live site's server-side pages have static stand-ins.
        path = path switch { SitePaths.Lookup => SitePaths.PostcodeIndex, SitePaths.Search => SitePaths.BuurtenIndex, _ => path };
        var full = culture.Path(path);
        if (full == "/")
        {
            return "index.html";
        }

        return !culture.IsDefault && full == $"/{culture.Code}" ? $"{culture.Code}/index.html" : full.TrimStart('/') + ".html";
    }

    /// <summary>The href from one exported file to another, e.g. from "en/steunpunt/x.html" to "en/noodplan.html": "../noodplan.html".</summary>
    public static string Relative(string fromFile, string toFile)
    {
        var from = fromFile.Split('/')[..^1];
        var to = toFile.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        return string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to[common..]);
    }
}
