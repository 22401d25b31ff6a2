using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.Content.Umbraco.Seeding;

/// <summary>One property value of a document: invariant (Culture null) or for one Portal language.</summary>
public sealed record DocumentValue(string Alias, string? Culture, JsonNode? Value);

/// <summary>
/// A document as an editor would create it in Umbraco's backoffice: its type, its place in the tree, a name per language
/// it is published in (one invariant name for an invariant type), and its property values in the Management API's
/// value shapes. Keys are stable, so seeding twice updates instead of duplicating.
/// </summary>
/// <param name="Segment">The URL segment Umbraco derives from the default-language name: the page key for pages.</param>
public sealed record UmbracoDocument(
    Guid Key,
    string DocumentType,
    Guid? Parent,
    string Segment,
    IReadOnlyDictionary<string, string> Names,
    bool VariesByCulture,
    IReadOnlyList<DocumentValue> Values,
    DateTimeOffset UpdatedAt)
{
    /// <summary>A key that is the same on every run and every machine for the same thing ("page:noodpakket").</summary>
    public static Guid StableKey(string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"portal-seed:{what}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // RFC 4122 version 5 layout, so it reads as a name-based id
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
