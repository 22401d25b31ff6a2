using System.Diagnostics;

namespace Portal.Cards;

/// <summary>A print tool (qpdf, Ghostscript, pdftoppm) that failed: its own words, and which file it was working on.</summary>
public sealed class PrintToolException(string message) : IOException(message);

/// <summary>Runs the Debian print tools Portal hands work to, as separate programs with their errors captured.</summary>
public static class ExternalTool
{
    public static async Task<(int ExitCode, string Errors)> RunAsync(string executable, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        using var process = Process.Start(new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new PrintToolException($"{executable} could not be started");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        return (process.ExitCode, (await errors).Trim());
    }

    /// <summary>The first lines of a tool's complaint, enough to act on without flooding a terminal.</summary>
    public static string Summary(string errors) =>
        string.Join(" ", errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
}
