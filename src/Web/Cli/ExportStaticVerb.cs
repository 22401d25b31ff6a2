using System.CommandLine;
using System.Globalization;
using Portal.Application.ContentPipeline;
using Portal.Application.StaticSite;
using Portal.Cards;

namespace Portal.Web.Cli;

/// <summary>portal export-static --out DIR [--base-url URL] [--no-pdf]: the low-bandwidth fallback site as plain files.</summary>
public static class ExportStaticVerb
{
    public static Command Command(VerbContext verb)
    {
        var output = new Option<string>("--out") { Description = "the folder to write; DIR.zip is written beside it", Required = true };
        var baseUrl = new Option<string?>("--base-url") { Description = "where the site will be published (anchors 404.html, sitemap.xml)" };
        var noPdf = new Option<bool>("--no-pdf") { Description = "leave the card PDFs out (no Chromium needed)" };
        var command = new Command("export-static", "the low-bandwidth fallback site as plain files plus a zip") { output, baseUrl, noPdf };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            Uri? published = null;
            if (parse.GetValue(baseUrl) is { } given && !(Uri.TryCreate(given, UriKind.Absolute, out published) && published.Scheme is "http" or "https"))
            {
                verb.Error.WriteLine($"portal export-static: --base-url '{given}' is not an http(s) address; give where the site will be published, e.g. https://noodsteunpunt.nijmegen.nl/");
                return Task.FromResult(2);
            }

            return verb.WithContentAsync(parse, (services, data) =>
                ExportAsync(verb, services, data, parse.GetValue(output)!, published, !parse.GetValue(noPdf)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExportAsync(VerbContext verb, IServiceProvider services, PortalData data, string folder, Uri? baseUrl, bool withPdf)
    {
        try
        {
            var result = await services.GetRequiredService<StaticSitePublisher>().ExportAsync(data, folder, baseUrl, withPdf, verb.Output);
            verb.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Exported {result.Pages} pages in {result.Elapsed.TotalSeconds:0.00} s ({result.PagesPerSecond:0} pages/s) to {result.Folder} and {result.Zip}."));
            verb.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Page size gzipped: median {result.MedianGzipBytes:N0} bytes, largest {result.LargestGzipBytes:N0} bytes ({result.LargestPage}); budget {StaticExportOptions.PageBudgetBytes:N0}."));
            if (baseUrl is null)
            {
                verb.Output.WriteLine("Without --base-url, 404.html works when the site is served at a host's root (or opened from disk); give --base-url to publish it under a path.");
            }

            return 0;
        }
        catch (StaticExportException e)
        {
            verb.Error.WriteLine($"portal export-static: {e.Message}{Environment.NewLine}The previous export was left as it was.");
        }
        catch (CardOverflowException e)
        {
            verb.Error.WriteLine($"portal export-static: {e.Message}. Shorten the card texts; the previous export was left as it was.");
        }
        catch (FileNotFoundException e)
        {
            verb.Error.WriteLine($"portal export-static: {e.Message} (or use --no-pdf)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            verb.Error.WriteLine($"portal export-static: {e.Message}; the previous export was left as it was.");
        }

        return 1;
    }
}
