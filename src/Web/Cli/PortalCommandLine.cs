using System.CommandLine;

namespace Portal.Web.Cli;

/// <summary>
/// portal [serve] | check-data | content status | status [set] | cards | coverage | export-static | umbraco provision | umbraco seed. Only argument
/// parsing lives here (System.CommandLine); every verb does its work through the application layer. Without a verb the
/// portal serves, so ASP.NET Core's own arguments (--urls, --environment) work as usual; any --Portal:Key=value is
/// configuration for every verb.
/// </summary>
public static class PortalCommandLine
{
    private static readonly string[] Verbs = ["serve", "check-data", "content", "status", "cards", "coverage", "export-static", "umbraco"];

    /// <param name="configure">Tests replace services here (HTTP handlers of external APIs); real runs pass nothing.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, Action<IServiceCollection>? configure = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length > 0 && !args[0].StartsWith('-') && !Verbs.Contains(args[0]) && args[0] is not "help")
        {
            error.WriteLine($"portal: unknown command '{args[0]}'. Commands: {string.Join(", ", Verbs)}; see portal --help.");
            return 2;
        }

        var verb = new VerbContext(output, error, configure);
        var root = new RootCommand("Portal: noodsteunpunten and Denk Vooruit advice for residents, cards for every fuse box, a static fallback site.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Add(VerbContext.ContentOption);
        root.SetAction((parse, _) => ServeVerb.RunAsync(parse, verb));
        root.Add(ServeVerb.Command(verb));
        root.Add(CheckDataVerb.Command(verb));
        root.Add(ContentStatusVerb.Command(verb));
        root.Add(StatusVerb.Command(verb));
        root.Add(CardsVerb.Command(verb));
        root.Add(CoverageVerb.Command(verb));
        root.Add(ExportStaticVerb.Command(verb));
        root.Add(UmbracoVerbs.Command(verb));
        var parse = root.Parse(args.Select(a => a == "help" ? "--help" : a).ToArray());
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"portal: {problem.Message}");
            }

            error.WriteLine("See portal --help.");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the operator gets a sentence, not a stack trace or a type name.
            error.WriteLine($"portal {parse.CommandResult.Command.Name}: failed: {e.Message.Split('\n', 2)[0].Trim()}");
            return 1;
        }
    }
}
