using Microsoft.Extensions.FileProviders;
using Portal.Web.Cards;
using Portal.Web.Umbraco;
using Portal.Web.Apis;
using Portal.Web.Hosting;
using Portal.Web.ResidentPages;

namespace Portal.Web.Cli;

/// <summary>portal serve: the live site. Refuses to start on invalid data rather than serve part of it.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        PortalConfiguration.AddSwitches(builder.Configuration, args);
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var (data, problems) = PortalData.Load(options.ContentPath, PortalServices.CulturesFrom(builder.Configuration));
        if (data is null)
        {
            CheckDataCommand.Report(problems, Console.Error);
            return 1;
        }

        builder.AddPortal(data);
        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseHeadAsGet();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(options.WebRootPath),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        // Explicitly after UseHeadAsGet, so a HEAD request is matched to the GET endpoint.
        app.UseRouting();
        app.MapLookupApi();
        app.MapHealth();
        app.MapUmbracoWebhook();
        app.MapShortLinks();
        app.MapResidentPages(data);
        await app.RunAsync();
        return 0;
    }
}
