using System.Globalization;

namespace Portal.Content.Cultures;

/// <summary>A language the portal is published in. The URL prefix is the two-letter code ("en"); Dutch has none.</summary>
public sealed record PortalCulture(string Code, bool IsDefault)
{
    public CultureInfo Info { get; } = CultureInfo.GetCultureInfo(Code);

    /// <summary>"ltr" or "rtl", for the dir attribute.</summary>
    public string Direction => Info.TextInfo.IsRightToLeft ? "rtl" : "ltr";

    /// <summary>The language's own name, as a speaker looks for it in a switcher: "Nederlands", "العربية".</summary>
    public string NativeName
    {
        get
        {
            var name = Info.NativeName;
            return name.Length == 0 ? Code : char.ToUpper(name[0], Info) + name[1..];
        }
    }

    /// <summary>Prefixes a site path with the culture: "/steunpunt/x" becomes "/en/steunpunt/x".</summary>
    public string Path(string sitePath) => IsDefault ? sitePath : sitePath == "/" ? $"/{Code}" : $"/{Code}{sitePath}";
}
