using System.Globalization;
using System.Text;

namespace Portal.Cards;

/// <summary>The PDF/X conformance a print shop asks for, of those Debian's Ghostscript writes.</summary>
public enum PdfXFlavour
{
    /// <summary>PDF/X-3:2002: CMYK with an ICC output intent. Ghostscript's own PDF/X mode.</summary>
    X3,

    /// <summary>PDF/X-1a:2001: CMYK only, PDF 1.3, no ICC-based colour in the pages.</summary>
    X1a,
}

/// <summary>
/// How the print-shop files are made: the flavour, and the CMYK output profile the shop prints to (its ICC file and the
/// name the shop knows it by, e.g. FOGRA39 for ISO Coated v2). The default profile is the CMYK profile Ghostscript
/// ships; a shop's own profile is configuration.
/// </summary>
public sealed record PdfXSettings(PdfXFlavour Flavour, string OutputProfile, string OutputConditionIdentifier, string OutputCondition)
{
    public const string DefaultProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
    public const string Registry = "http://www.color.org";

    /// <summary>ICC.1 output profile tags: its name, its white point, and the tables from and to CMYK (perceptual intent).</summary>
    private static readonly string[] RequiredTags = ["desc", "wtpt", "A2B0", "B2A0"];

    public static PdfXSettings Default { get; } = new(PdfXFlavour.X3, DefaultProfile, "Custom", "Ghostscript default CMYK (commercial offset)");

    public string Version => Flavour == PdfXFlavour.X3 ? "PDF/X-3:2002" : "PDF/X-1:2001";

    public string? Conformance => Flavour == PdfXFlavour.X1a ? "PDF/X-1a:2001" : null;

    public string Name => Flavour == PdfXFlavour.X3 ? "PDF/X-3" : "PDF/X-1a";

    public static PdfXFlavour? ParseFlavour(string? value) => value?.Trim().ToLowerInvariant().Replace("pdf/", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) switch
    {
        "x3" => PdfXFlavour.X3,
        "x1a" => PdfXFlavour.X1a,
        _ => null,
    };

    /// <summary>What is wrong with an output profile file, or null: it must be an ICC output (printer) profile for CMYK.</summary>
    public static string? ProfileProblem(string path)
    {
        if (!File.Exists(path))
        {
            return $"the output profile {path} does not exist (Debian ships one in ghostscript: {DefaultProfile})";
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 132)
        {
            return $"the output profile {path} is too short to be an ICC profile";
        }

        string Tag(int at) => Encoding.ASCII.GetString(bytes, at, 4);
        uint Number(int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at, 4));
        if (Tag(36) != "acsp")
        {
            return $"the output profile {path} is not an ICC profile";
        }

        if (Tag(16) != "CMYK")
        {
            return $"the output profile {path} is for {Tag(16).Trim()}, not CMYK: a print shop prints CMYK";
        }

        if (Tag(12) != "prtr")
        {
            return $"the output profile {path} is a '{Tag(12)}' profile, not an output (printer) profile";
        }

        if (Number(0) != bytes.Length)
        {
            return $"the output profile {path} is {bytes.Length:N0} bytes but says it has {Number(0):N0}: it is cut off or damaged; copy it again from the print shop";
        }

        // The tag table: each tag within the file, and the ones a conversion to and from CMYK needs.
        var count = Number(128);
        if (count > (bytes.Length - 132) / 12)
        {
            return $"the output profile {path} lists {count:N0} tags, more than the file holds: it is damaged";
        }

        var tags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var entry = 132 + (12 * i);
            if ((ulong)Number(entry + 4) + Number(entry + 8) > (ulong)bytes.Length || Number(entry + 8) == 0)
            {
                return $"the output profile {path} has a damaged '{Tag(entry)}' tag: it is cut off or damaged";
            }

            tags.Add(Tag(entry));
        }

        var missing = RequiredTags.Where(t => !tags.Contains(t)).ToList();
        return missing.Count > 0
            ? $"the output profile {path} lacks the tag(s) {string.Join(", ", missing)} that every CMYK output profile has: it cannot be used to convert colours"
            : null;
    }
}

/// <summary>
/// Turns Chromium's RGB print PDF into PDF/X in CMYK with Ghostscript (Debian `ghostscript`, a separate program): colours
/// converted through the output profile, which is embedded as the output intent, fonts embedded, page boxes kept. A
/// document is converted in page ranges, one Ghostscript per core, and joined again.
/// </summary>
public static class PdfXConverter
{
    public const string Executable = "/usr/bin/gs";

    public static async Task ConvertAsync(string input, int pages, string output, PdfXSettings settings, string title, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Executable))
        {
            throw new PrintToolException($"Ghostscript not found at {Executable}; the print-shop profile needs it: apt-get install -y ghostscript");
        }

        if (PdfXSettings.ProfileProblem(settings.OutputProfile) is { } problem)
        {
            throw new PrintToolException(problem);
        }

        var work = $"{output}.parts";
        Directory.CreateDirectory(work);
        try
        {
            var profiles = ProfilesFolder(settings, work);
            var definition = Path.Combine(work, "pdfx-definition.ps");
            await File.WriteAllTextAsync(definition, Definition(settings, title), Encoding.ASCII, cancellationToken);
            var ranges = PageRanges.PerCore(pages);
            var parts = ranges.Select(r => Path.Combine(work, $"part-{r.First:D5}.pdf")).ToList();
            await Task.WhenAll(ranges.Select((range, i) => ConvertRangeAsync(input, range.First, range.Last, parts[i], definition, profiles, settings, cancellationToken)));
            await PdfPages.JoinAsync(parts, output, cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Ghostscript's pdfwrite converts to the CMYK profile it finds as default_cmyk.icc in its profiles folder (measured:
    /// -sOutputICCProfile does not change pdfwrite's numbers). For a shop's own profile, a folder of links to
    /// Ghostscript's profiles with that profile in default_cmyk.icc's place, so the colours are computed for the printing
    /// condition the output intent names.
    /// </summary>
    private static string? ProfilesFolder(PdfXSettings settings, string work)
    {
        var ghostscriptProfiles = Path.GetDirectoryName(PdfXSettings.DefaultProfile)!;
        if (Path.GetFullPath(settings.OutputProfile) == PdfXSettings.DefaultProfile || !Directory.Exists(ghostscriptProfiles))
        {
            return null;
        }

        var folder = Path.Combine(work, "icc");
        Directory.CreateDirectory(folder);
        foreach (var profile in Directory.GetFiles(ghostscriptProfiles).Where(f => Path.GetFileName(f) != "default_cmyk.icc"))
        {
            File.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(profile)), profile);
        }

        File.Copy(settings.OutputProfile, Path.Combine(folder, "default_cmyk.icc"));
        return folder + Path.DirectorySeparatorChar;
    }

    private static async Task ConvertRangeAsync(string input, int first, int last, string output, string definition, string? profiles, PdfXSettings settings,
        CancellationToken cancellationToken)
    {
        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        string[] profileArguments = profiles is null ? [] : [$"-sICCProfilesDir={profiles}", $"--permit-file-read={profiles}"];
        var (exitCode, errors) = await ExternalTool.RunAsync(Executable,
        [
            "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", $"--permit-file-read={settings.OutputProfile}", .. profileArguments,
            "-dPDFX", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.3",
            "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK",
            "-dEmbedAllFonts=true", "-dSubsetFonts=true", "-dAutoRotatePages=/None",
            $"-dFirstPage={Number(first)}", $"-dLastPage={Number(last)}",
            $"-sOutputFile={output}", definition, input,
        ], cancellationToken);
        if (exitCode != 0 || !File.Exists(output))
        {
            var reason = ExternalTool.Summary(errors) is { Length: > 0 } said ? said : $"it stopped with exit code {exitCode} and said nothing";
            throw new PrintToolException($"Ghostscript could not make {settings.Name} of {Path.GetFileName(input)} (pages {first}–{last}): {reason}");
        }
    }

    /// <summary>The PostScript prologue that names the file PDF/X and embeds the output intent (after Ghostscript's PDFX_def.ps).</summary>
    internal static string Definition(PdfXSettings settings, string title)
    {
        var conformance = settings.Conformance is { } c ? $"  /GTS_PDFXConformance {Text(c)}\n" : "";
        return $$"""
            %!
            [ /GTS_PDFXVersion {{Text(settings.Version)}}
            {{conformance}}  /Title {{Text(title)}}
              /Trapped /False
            /DOCINFO pdfmark
            [/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
            [{icc_PDFX} << /N 4 >> /PUT pdfmark
            [{icc_PDFX} <{{Convert.ToHexString(Encoding.UTF8.GetBytes(settings.OutputProfile))}}> (r) file /PUT pdfmark
            [/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
            [{OutputIntent_PDFX} <<
              /Type /OutputIntent
              /S /GTS_PDFX
              /OutputCondition {{Text(settings.OutputCondition)}}
              /Info {{Text(settings.OutputCondition)}}
              /OutputConditionIdentifier {{Text(settings.OutputConditionIdentifier)}}
              /RegistryName {{Text(PdfXSettings.Registry)}}
              /DestOutputProfile {icc_PDFX}
            >> /PUT pdfmark
            [{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark

            """;
    }

    /// <summary>A PostScript string: plain ASCII as it is (escaped), anything else as UTF-16 with a byte order mark.</summary>
    private static string Text(string value) => value.All(ch => ch is >= ' ' and <= '~')
        ? "(" + value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("(", @"\(", StringComparison.Ordinal).Replace(")", @"\)", StringComparison.Ordinal) + ")"
        : "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";
}
