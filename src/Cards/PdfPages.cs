namespace Portal.Cards;

/// <summary>
/// Cuts print PDFs into pages and joins them with qpdf (Debian `qpdf`, a separate program): milliseconds for what
/// costs Chromium one print per card. The pages keep their corrected boxes and embedded fonts.
/// </summary>
public static class PdfPages
{
    public const string Executable = "/usr/bin/qpdf";

    public static bool Available => File.Exists(Executable);

    /// <returns>The page files in page order, or null when qpdf is not there or did not give one file per page (the
    /// caller then prints per card).</returns>
    public static async Task<IReadOnlyList<string>?> SplitAsync(string combined, int pages, string folder)
    {
        if (!Available)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        var (exitCode, _) = await ExternalTool.RunAsync(Executable, ["--split-pages=1", combined, Path.Combine(folder, "page.pdf")]);
        // qpdf numbers the files with as many digits as the page count has (page-01.pdf … page-44.pdf).
        var files = Directory.GetFiles(folder, "page-*.pdf").Order(StringComparer.Ordinal).ToList();
        return exitCode is 0 or 3 && files.Count == pages ? files : null;
    }

    /// <summary>
    /// Page i of <paramref name="combined"/> into <paramref name="outputs"/>[i], each a whole document: unlike
    /// --split-pages, taking the pages out of the combined file itself keeps its catalogue and document information,
    /// which is where a PDF/X file says what it is (GTS_PDFXVersion, OutputIntents).
    /// </summary>
    public static async Task ExtractEachAsync(string combined, IReadOnlyList<string> outputs, CancellationToken cancellationToken = default)
    {
        if (!Available)
        {
            throw new PrintToolException($"qpdf not found at {Executable}; install it with: apt-get install -y qpdf");
        }

        await Parallel.ForAsync(0, outputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var (exitCode, errors) = await ExternalTool.RunAsync(Executable,
                    [combined, "--pages", ".", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--", outputs[i]], token);
                // 3: written, with warnings.
                if (exitCode is not (0 or 3) || !File.Exists(outputs[i]))
                {
                    throw new PrintToolException($"qpdf could not take page {i + 1} out of {Path.GetFileName(combined)}: {ExternalTool.Summary(errors)}");
                }
            });
    }

    /// <summary>The pages of <paramref name="parts"/>, in order, as one document with the first part's catalogue and
    /// document information (its PDF/X identity).</summary>
    public static async Task JoinAsync(IReadOnlyList<string> parts, string output, CancellationToken cancellationToken = default)
    {
        if (parts.Count == 1)
        {
            File.Move(parts[0], output);
            return;
        }

        var (exitCode, errors) = await ExternalTool.RunAsync(Executable, [parts[0], "--pages", .. parts, "--", output], cancellationToken);
        if (exitCode is not (0 or 3) || !File.Exists(output))
        {
            throw new PrintToolException($"qpdf could not join the parts of {Path.GetFileName(output)}: {ExternalTool.Summary(errors)}");
        }
    }
}
