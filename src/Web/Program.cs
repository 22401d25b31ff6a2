using Portal.Web.Cli;

return await PortalCommandLine.RunAsync(args);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
