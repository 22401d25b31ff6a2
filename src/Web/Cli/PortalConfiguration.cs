namespace Portal.Web.Cli;

/// <summary>Configuration for verbs that do not start the web host, read from the same sources as the host.</summary>
public static class PortalConfiguration
{
    private static readonly Dictionary<string, string> Switches = new() { ["--content"] = "Portal:ContentPath" };

    public static IConfiguration Build(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args, Switches)
            .Build();

    /// <summary>Adds the verbs' short switches (--content) to the host's configuration too.</summary>
    public static void AddSwitches(IConfigurationBuilder configuration, string[] args) => configuration.AddCommandLine(args, Switches);
}
