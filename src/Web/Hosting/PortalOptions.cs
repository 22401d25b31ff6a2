namespace Portal.Web.Hosting;

/// <summary>Section Portal. Paths default to the folders shipped beside the binary.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The content folder: data/ plus one folder per language. Default: content/ beside the binary.</summary>
    public string ContentPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "content");

    public string WebRootPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");
}
