namespace Portal.Places.Lookup;

/// <summary>Settings for the PDOK Locatieserver (section Portal:Pdok). Off unless Enabled is true.</summary>
public sealed class PdokOptions
{
    public const string Section = "Portal:Pdok";

    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.pdok.nl/bzk/locatieserver/search/v3_1/");

    /// <summary>Short on purpose: a resident waiting on a slow geocoder is worse off than an approximate answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
