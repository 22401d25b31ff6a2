using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Pages;

namespace Portal.Web.Hosting;

/// <summary>Where the region host keeps its sites: registered before the host is built, filled once it is.</summary>
public sealed class RegionSlot
{
    public RegionSites? Sites { get; set; }

    public RegionDirectory? Directory { get; set; }

    public RegionDeployment? Deployment { get; set; }

    public Portal.Application.Umbraco.UmbracoSiteQueues? SiteQueues { get; set; }
}

/// <summary>
/// Reads the deployment when one is configured and sets the region host up for it. It runs after the host is built,
/// on the configuration as the host got it (a test host's settings included), so every site starts from the same.
/// </summary>
public static class RegionHosting
{
    /// <summary>Before the build: the services a region host has (null for a single municipality).</summary>
    public static RegionSlot Register(WebApplicationBuilder builder)
    {
        var slot = new RegionSlot();
        builder.Services.AddSingleton(slot);
        builder.Services.AddSingleton(_ => slot.Sites!);
        builder.Services.AddSingleton(_ => slot.Directory!);
        builder.Services.AddSingleton(_ => slot.Deployment!);
        builder.Services.AddSingleton(_ => slot.SiteQueues!);
        return slot;
    }

    /// <summary>After the build: the region site's settings and every municipality's site; the problems when the deployment is wrong.</summary>
    public static IReadOnlyList<string> Prepare(WebApplication app, RegionSlot slot, Action<IServiceCollection>? configure)
    {
        if (app.Configuration["Portal:Deployment"] is not { Length: > 0 } name)
        {
            return [];
        }

        var configuration = (IConfigurationBuilder)app.Configuration;
        var baseSources = configuration.Sources.ToList();
        var region = app.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var (deployment, problems) = RegionDeployment.Load(name, region.ContentPath);
        if (deployment is null)
        {
            return problems;
        }

        var snapshot = app.Configuration["Portal:Umbraco:SnapshotPath"] ?? new Portal.Content.Umbraco.UmbracoOptions().SnapshotPath;
        configuration.AddInMemoryCollection(deployment.SettingsForRegion(region, snapshot));
        slot.Deployment = deployment;
        slot.Directory = RegionSites.DirectoryOf(deployment, region.PublicBaseUrl.ToString());
        slot.Sites = RegionSites.Build(deployment, baseSources, region, snapshot,
            app.Services.GetRequiredService<Portal.Application.CardPrinting.CardPrinter>(), app.Services.GetRequiredService<Portal.Application.Publishing.RebuildTurns>(),
            app.Services.GetRequiredService<PortalDataStore>(), configure);
        // Umbraco's one webhook address is the region host's: it hands every id to each municipality's sync as well.
        slot.SiteQueues = new Portal.Application.Umbraco.UmbracoSiteQueues(
            [.. slot.Sites.Hosts.Select(host => host.Services.GetRequiredService<Portal.Application.Umbraco.UmbracoRefreshQueue>())]);
        return [];
    }
}
