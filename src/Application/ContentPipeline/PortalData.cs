using Portal.Content.Cultures;
using Portal.Content.Model;
using Portal.Content.Text;
using Portal.Places;

namespace Portal.Application.ContentPipeline;

/// <summary>Everything the portal serves, validated together and immutable: all of it or none of it.</summary>
public sealed record PortalData(PlaceCatalog Places, UiTextCatalog Texts, CultureSet Cultures, SiteContent Content);
