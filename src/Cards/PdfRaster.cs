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
            .Select(range => Task.Factory.StartNew(() => Render(pdf, range.First, range.Last, dpi, pngs, cancellationToken), cancellationToken,
                TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        return pngs;
    }

    /// <summary>
    /// One pdftoppm over a range of pages, read on the calling thread with blocking reads: a card is 7 MB of pixels, and
    /// awaiting each of the pipe's 64 KB pieces (a socket underneath, on Linux) cost more processor time than encoding the
    /// PNG. Cancelling stops pdftoppm, which ends the read.
    /// </summary>
    private static void Render(string pdf, int first, int last, int dpi, byte[][] pngs, CancellationToken cancellationToken)
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
        using var stop = cancellationToken.Register(() => process.Kill());
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stream = process.StandardOutput.BaseStream;
        try
        {
            // One pixel buffer for the range: a fresh 7 MB array per card had the kernel fault in and zero gigabytes over
            // a region's print run.
            var rgb = Array.Empty<byte>();
            for (var page = first; page <= last; page++)
            {
                var (width, height) = ReadHeader(stream);
                var size = checked(width * height * 3);
                if (rgb.Length != size)
                {
                    rgb = new byte[size];
                }

                stream.ReadExactly(rgb);
                pngs[page - 1] = PngFile.FromRgb(width, height, rgb, dpi);
            }
        }
        catch (EndOfStreamException)
        {
            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            throw new PrintToolException($"pdftoppm stopped before the last page of {Path.GetFileName(pdf)} (pages {first}–{last}): {ExternalTool.Summary(errors.Result)}");
        }

        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            throw new PrintToolException($"pdftoppm could not render {Path.GetFileName(pdf)} (pages {first}–{last}): {ExternalTool.Summary(errors.Result)}");
        }
    }

    /// <summary>A binary PPM header: "P6", width, height, maximum value, each followed by white space.</summary>
    private static (int Width, int Height) ReadHeader(Stream stream)
    {
        var magic = Token(stream);
        if (magic != "P6")
        {
            throw new PrintToolException($"pdftoppm wrote something other than a PPM image ('{magic}')");
        }

        var width = int.Parse(Token(stream), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(stream), CultureInfo.InvariantCulture);
        var maximum = Token(stream);
        return maximum == "255" ? (width, height) : throw new PrintToolException($"pdftoppm wrote {maximum} levels per colour, not 255");
    }

    private static string Token(Stream stream)
    {
        var token = new System.Text.StringBuilder();
        Span<byte> one = stackalloc byte[1];
        while (true)
        {
            stream.ReadExactly(one);
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
