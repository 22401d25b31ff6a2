using System.Diagnostics;

namespace Portal.Application.CardPrinting;

/// <summary>
/// Cuts a combined print PDF into one file per page with qpdf (Debian `qpdf`, a separate program): milliseconds for what
/// costs Chromium one print per card. The pages keep their corrected boxes and embedded fonts. Without qpdf, or when it
/// fails, the caller prints per card instead.
/// </summary>
public static class PdfPageSplitter
{
    public const string Executable = "/usr/bin/qpdf";

    /// <returns>The page files in page order, or null when qpdf is not there or did not give one file per page.</returns>
    public static async Task<IReadOnlyList<string>?> SplitAsync(string combined, int pages, string folder)
    {
        if (!File.Exists(Executable))
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        using var qpdf = Process.Start(new ProcessStartInfo(Executable, ["--split-pages=1", combined, Path.Combine(folder, "page.pdf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await Task.WhenAll(qpdf.StandardOutput.ReadToEndAsync(), qpdf.StandardError.ReadToEndAsync(), qpdf.WaitForExitAsync());
        // qpdf numbers the files with as many digits as the page count has (page-01.pdf … page-44.pdf).
        var files = Directory.GetFiles(folder, "page-*.pdf").Order(StringComparer.Ordinal).ToList();
        return qpdf.ExitCode is 0 or 3 && files.Count == pages ? files : null;
    }
}
