using System.Globalization;

namespace Portal.Cards;

/// <summary>
/// PNGs of a print PDF's pages: poppler's pdftoppm (Debian `poppler-utils`) renders each page once to raw pixels, one
/// process per core over a range of pages, and <see cref="PngFile"/> writes them with light compression. Rendering the PDF that
/// was printed anyway is several times faster than a Chromium screenshot per card, and the PNG is then exactly the PDF,
/// shaping and all. The resolution is written into each file.
/// </summary>
public static class PdfRaster
{
    public const string Executable = "/usr/bin/pdftoppm";

    public static bool Available => File.Exists(Executable);

    /// <returns>One PNG per page, in page order.</returns>
    public static async Task<IReadOnlyList<byte[]>> PngsAsync(string pdf, int pages, int dpi, CancellationToken cancellationToken = default)
    {
        if (!Available)
        {
            throw new PrintToolException($"pdftoppm not found at {Executable}; install it with: apt-get install -y poppler-utils");
        }

        var pngs = new byte[pages][];
        await Task.WhenAll(PageRanges.PerCore(pages)
            .Select(range => Task.Run(() => RenderAsync(pdf, range.First, range.Last, dpi, pngs, cancellationToken), cancellationToken)));
        return pngs;
    }

    private static async Task RenderAsync(string pdf, int first, int last, int dpi, byte[][] pngs, CancellationToken cancellationToken)
    {
        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        // Shapes without anti-aliasing: a fifth faster, and at 300 dpi the QR modules come out crisper. Text keeps it.
        // Without an output name pdftoppm writes the pages one after another to standard output as binary PPM.
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Executable,
            ["-r", Number(dpi), "-aaVector", "no", "-f", Number(first), "-l", Number(last), pdf])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new PrintToolException($"{Executable} could not be started");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var stream = process.StandardOutput.BaseStream;
        try
        {
            for (var page = first; page <= last; page++)
            {
                var (width, height) = await ReadHeaderAsync(stream, cancellationToken);
                var rgb = new byte[checked(width * height * 3)];
                await stream.ReadExactlyAsync(rgb, cancellationToken);
                pngs[page - 1] = PngFile.FromRgb(width, height, rgb, dpi);
            }
        }
        catch (EndOfStreamException)
        {
            await process.WaitForExitAsync(cancellationToken);
            throw new PrintToolException($"pdftoppm stopped before the last page of {Path.GetFileName(pdf)} (pages {first}–{last}): {ExternalTool.Summary(await errors)}");
        }

        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new PrintToolException($"pdftoppm could not render {Path.GetFileName(pdf)} (pages {first}–{last}): {ExternalTool.Summary(await errors)}");
        }
    }

    /// <summary>A binary PPM header: "P6", width, height, maximum value, each followed by white space.</summary>
    private static async Task<(int Width, int Height)> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var magic = await TokenAsync(stream, cancellationToken);
        if (magic != "P6")
        {
            throw new PrintToolException($"pdftoppm wrote something other than a PPM image ('{magic}')");
        }

        var width = int.Parse(await TokenAsync(stream, cancellationToken), CultureInfo.InvariantCulture);
        var height = int.Parse(await TokenAsync(stream, cancellationToken), CultureInfo.InvariantCulture);
        var maximum = await TokenAsync(stream, cancellationToken);
        return maximum == "255" ? (width, height) : throw new PrintToolException($"pdftoppm wrote {maximum} levels per colour, not 255");
    }

    private static async Task<string> TokenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var token = new System.Text.StringBuilder();
        var one = new byte[1];
        while (true)
        {
            await stream.ReadExactlyAsync(one, cancellationToken);
            if (char.IsWhiteSpace((char)one[0]))
            {
                if (token.Length > 0)
                {
                    return token.ToString();
                }
            }
            else
            {
                token.Append((char)one[0]);
            }
        }
    }
}
