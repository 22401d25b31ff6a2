namespace Portal.Pages.Lookup;

/// <summary>The postcode form as the resident filled it in, with an error text key per field.</summary>
public sealed record LookupForm(string Postcode, string HouseNumber, IReadOnlyDictionary<string, string> Errors)
{
    public static LookupForm Empty { get; } = new("", "", new Dictionary<string, string>());

    public const string PostcodeField = "postcode";
    public const string HouseNumberField = "huisnummer";
}
