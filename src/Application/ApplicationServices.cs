using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Application.Publishing;
using Portal.Application.StaticSite;
using Portal.Application.Umbraco;
using Portal.Content;
using Portal.Pages;
using Portal.Places;

namespace Portal.Application;

public static class ApplicationServices
{
    /// <summary>
    /// The application layer for any host: settings bound once and validated at start, the content pipeline and its
    /// sources, the served state, the card printer, the static site and publishing. Each library adds its own services.
    /// </summary>
    public static IServiceCollection AddPortalApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);

        services.AddPageRendering();
        services.AddUmbracoDelivery(configuration);
        services.AddPlaceLookup(configuration);

        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PortalOptions>>().Value.CultureSet());
        services.AddSingleton(provider =>
        {
            var portal = provider.GetRequiredService<IOptions<PortalOptions>>().Value;
            return new ContentPipeline.ContentPipeline(portal.ContentFolders(), portal.GeographyFiles(), provider.GetRequiredService<Content.Cultures.CultureSet>());
        });
        services.AddSingleton<PortalDataStore>();
        services.AddSingleton<ContentSourceStatus>();
        services.AddSingleton<ContentSources>();
        // Resolved per use from the store, so a republish is picked up by the next request.
        services.AddTransient(provider => provider.GetRequiredService<PortalDataStore>().Current);
        services.AddTransient(provider => provider.GetRequiredService<PortalDataStore>().Current.Places);

        services.AddSingleton<UmbracoContentSync>();
        services.AddSingleton<UmbracoRefreshQueue>();
        services.AddSingleton<UmbracoSetup>();

        // The site's and the card's stylesheets: the theme's tokens with the NL Design System components, composed once.
        services.AddSingleton(provider =>
        {
            var portal = provider.GetRequiredService<IOptions<PortalOptions>>().Value;
            return Portal.Pages.Styles.SiteStyles.Compose(portal.WebRootPath, portal.ThemePath);
        });
        services.AddSingleton<CardPrinter>();
        services.AddSingleton<CardDocuments>();
        services.AddSingleton<CardFileCache>();
        services.AddSingleton<PrintRuns>();
        services.AddSingleton<OpenData.Cap.CapFeed>();
        services.AddSingleton<PageCatalogue.LiveSitemap>();
        services.AddSingleton<StaticSitePublisher>();
        services.AddSingleton<ContentPublisher>();
        services.TryAddSingleton<RebuildTurns>();
        services.AddSingleton<RebuildLog>();
        services.AddSingleton<ContentServing>();
        services.AddSingleton<Editors.EditorsOverview>();
        services.AddSingleton<Editors.DraftCardPdf>();
        services.AddSingleton<Statuses.SupportPointStatuses>();
        services.AddSingleton<Coverage.CoverageReport>();
        services.AddTransient<PageCatalogue.LivePageServices>();
        services.AddMetrics();
        services.AddSingleton<PortalMetrics>();
        return services;
    }

    /// <summary>
    /// The server's background work: the search dictionaries, and Umbraco read after start, on webhooks and by the
    /// periodic check — or, without Umbraco, content/ re-read whenever a file in it changes.
    /// </summary>
    public static IServiceCollection AddUmbracoSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<SearchDictionaries>();
        // Both are registered; each starts only for its source (UmbracoOptions.IsConfigured decides, in one place).
        services.AddHostedService<UmbracoSyncService>();
        services.AddHostedService<ContentFolderWatcher>();
        return services;
    }
}

/// <summary>Names every problem with the settings at start, rather than failing later on the first request that needs them.</summary>
internal sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
