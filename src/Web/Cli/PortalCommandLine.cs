namespace Portal.Web.Cli;

/// <summary>
/// portal [serve] [--urls URL] | portal check-data [--content DIR]. The verb comes first; without one the portal
/// serves, so ASP.NET Core's own arguments (--urls, --environment) work as usual.
/// </summary>
public static class PortalCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var hasVerb = args.Length > 0 && !args[0].StartsWith('-');
        var verb = hasVerb ? args[0] : "serve";
        var rest = hasVerb ? args[1..] : args;
        switch (verb)
        {
            case "serve":
                return await ServeCommand.RunAsync(rest);
            case "check-data":
                return CheckDataCommand.Run(rest, Console.Out, Console.Error);
            case "export-static":
                return await ExportStaticCommand.RunAsync(rest, Console.Out, Console.Error);
            case "cards":
                return await CardsCommand.RunAsync(rest, Console.Out, Console.Error);
            case "umbraco" when rest.FirstOrDefault() == "provision":
                return await UmbracoProvisionCommand.RunAsync(rest[1..], Console.Out, Console.Error);
            case "content" when rest.FirstOrDefault() == "status":
                return ContentStatusCommand.Run(rest[1..], Console.Out, Console.Error);
            case "help" or "--help" or "-h":
                Console.Out.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"portal: unknown command '{verb}'.{Environment.NewLine}{Usage}");
                return 2;
        }
    }

    public const string Usage = """
        Usage:
          portal [serve] [--urls http://localhost:5000]   serve the portal
          portal check-data [--content DIR]               validate the content folder and report every problem
          portal content status [--content DIR]           list translations that are behind the Dutch source
          portal cards --out DIR [--size a6|a5] [--lang nl] [--format pdf,png]
                                                          every buurt's meterkastkaart for the print shop
          portal export-static --out DIR [--base-url URL] [--no-pdf]
                                                          the low-bandwidth fallback site as plain files + zip
          portal umbraco provision --url URL --client-id umbraco-back-office-...
                                                          create or update Portal's document types in Umbraco
                                                          (secret from PORTAL__UMBRACO__CLIENTSECRET)
        Configuration (appsettings.json, environment PORTAL__..., or --Portal:Key=value):
          Portal:ContentPath   content folder (default: content/ beside the binary)
          Portal:Cultures      languages, default first (default: nl, en)
          Portal:Pdok:Enabled  resolve postcode + house number exactly with PDOK Locatieserver (default: false)
        """;
}
