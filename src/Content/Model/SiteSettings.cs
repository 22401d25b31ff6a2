namespace Portal.Content.Model;

/// <summary>Facts about the municipality shown on every page and on the cards. Invariant across languages.</summary>
public sealed record SiteSettings(
    string MunicipalityName,
    string EmergencyNumber,
    string PoliceNumber,
    string MunicipalityNumber,
    string Broadcaster,
    string BroadcasterFrequencies);
