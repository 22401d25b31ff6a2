using System.Globalization;
using System.Xml.Linq;
using Portal.Content.Model;

namespace Portal.Application.OpenData.Cap;

/// <summary>The spelling CAP 1.2 asks for: its namespace, and times with an explicit offset and no fractions.</summary>
internal static class CapXml
{
    public static readonly XNamespace Ns = "urn:oasis:names:tc:emergency:cap:1.2";

    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>"2026-11-23T08:00:00+01:00": the schema's pattern allows neither "Z" nor fractions of a second.</summary>
    public static string Time(DateTimeOffset time) =>
        MunicipalTime.ToLocal(time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A document as text that declares itself UTF-8 (a plain StringWriter would say UTF-16).</summary>
    public static string Text(XDocument document)
    {
        using var writer = new Utf8Writer();
        document.Save(writer);
        return writer.ToString();
    }

    private sealed class Utf8Writer : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }

    public static XElement E(string name, object? content) => new(Ns + name, content);

    /// <summary>CAP's language code: BCP 47, Dutch as spoken in the Netherlands, the others by language alone.</summary>
    public static string Language(string culture) => culture == "nl" ? "nl-NL" : culture;
}
