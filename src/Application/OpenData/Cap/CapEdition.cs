using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Portal.Application.OpenData.Cap;

/// <summary>
/// What Portal would say in CAP about one subject now — an alert, or a support point that is not on standby — as the
/// info blocks of its next message. Its fingerprint decides whether the feed needs a new message: the same blocks, the
/// same message; anything residents would read differently (text, status, services, where to go instead) is an Update.
/// </summary>
/// <param name="Subject">Stable per alert or point, e.g. "alert-stroomstoring" or "steunpunt-gemeentehuis-nijmegen".</param>
/// <param name="Headline">The Dutch headline, for the feed entry's title.</param>
public sealed record CapEdition(string Subject, string Headline, IReadOnlyList<XElement> Infos)
{
    public string Fingerprint { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(Infos.Select(i => i.ToString(SaveOptions.DisableFormatting))))))[..16];
}
