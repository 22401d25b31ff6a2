using System.CommandLine;
using Microsoft.Extensions.Options;
using Portal.Application;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Places.Catalog;

namespace Portal.Web.Cli;

/// <summary>
/// What every verb shares: where it writes, the --content option, and one way to build the services from the same
/// configuration as the server (appsettings.json beside the binary, the environment, --Portal:Key=value), whichever
/// folder the command is started from.
/// </summary>
public sealed class VerbContext(TextWriter output, TextWriter error, Action<IServiceCollection>? configure)
{
    public static readonly Option<string?> ContentOption = new("--content") { Description = "content folder (default: content/ beside the binary)", Recursive = true };

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Action<IServiceCollection>? Configure { get; } = configure;

    /// <summary>Settings the verb's own options give, applied over everything else.</summary>
    public static Dictionary<string, string?> Settings(ParseResult parse)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parse.GetValue(ContentOption) is { } content)
        {
            settings["Portal:ContentPath"] = Path.GetFullPath(content);
        }

        return settings;
    }

    /// <summary>The application's services for a verb that does not serve; null (after saying why) when the settings are invalid.</summary>
    /// <param name="services">More services for this host (e.g. one card printer shared by every site of a region).</param>
    public IHost? BuildHost(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? extra = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(Builder(parse));
        // Later settings win (a site's own content folder over --content).
        var settings = Settings(parse);
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPortalApplication(builder.Configuration);
        services?.Invoke(builder.Services);
        Configure?.Invoke(builder.Services);
        var host = builder.Build();
        return SettingsAreValid(host.Services, parse.CommandResult.Command.Name) ? host : null;
    }

    /// <summary>
    /// The sites of the region deployment --Portal:Deployment names (each municipality's, then the region's), or null for
    /// a single municipality. Empty, after saying why, when the deployment cannot be used (exit 2).
    /// </summary>
    /// <param name="region">Settings for the whole region (the region's public address), from which each site's are made.</param>
    public DeploymentSites? Deployment(ParseResult parse, IDictionary<string, string?>? region = null)
    {
        var builder = Host.CreateApplicationBuilder(Builder(parse));
        var settings = Settings(parse);
        foreach (var (key, value) in region ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        if (builder.Configuration["Portal:Deployment"] is not { Length: > 0 } name)
        {
            return null;
        }

        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var (deployment, problems) = RegionDeployment.Load(name, options.ContentPath);
        if (deployment is null)
        {
            Error.WriteLine($"portal {parse.CommandResult.Command.Name}: {string.Join("; ", problems)}");
            return new DeploymentSites(null, []);
        }

        var snapshot = builder.Configuration["Portal:Umbraco:SnapshotPath"] ?? new Portal.Content.Umbraco.UmbracoOptions().SnapshotPath;
        return new DeploymentSites(deployment, deployment.Sites(options, snapshot));
    }

    /// <summary>This verb's context for one site of a region: every line it writes starts with the site's slug.</summary>
    public VerbContext For(DeploymentSite site) =>
        new(new SiteLines(Output, site.Slug), new SiteLines(Error, site.Slug), Configure);

    /// <summary>
    /// <see cref="WithContentAsync"/> for every site of a region deployment, each with its own services and content: a
    /// site whose content cannot be used is said (with its slug) and the others still run. The exit code is the worst.
    /// </summary>
    /// <param name="shareCardPrinter">One Chromium for every site: starting one takes a second and a half.</param>
    /// <param name="services">More services for a site's host (the region's directory for the region's own site).</param>
    /// <param name="sideBySide">How many sites run at once: two keep both cores busy when one site's work waits on another
    /// program (a print run's PNGs are rendered by pdftoppm while Chromium prints the next site's cards).</param>
    public async Task<int> ForEachSiteAsync(ParseResult parse, IReadOnlyList<DeploymentSite> sites, Func<SiteRun, Task<int>> work,
        CancellationToken cancellationToken, IDictionary<string, string?>? extra = null, Action<IServiceProvider>? meanwhile = null,
        bool shareCardPrinter = false, int sideBySide = 1, Action<DeploymentSite, IServiceCollection>? services = null)
    {
        var settings = extra ?? new Dictionary<string, string?>();
        // The shared printer lives in a host of its own (the first site's settings, no content), until every site is done.
        using var printerOwner = shareCardPrinter && sites.Count > 0 ? For(sites[0]).BuildHost(parse, sites[0].Settings.Concat(settings)) : null;
        if (shareCardPrinter && printerOwner is null)
        {
            return 2;
        }

        var printer = printerOwner?.Services.GetRequiredService<Portal.Application.CardPrinting.CardPrinter>();
        if (printerOwner is not null)
        {
            meanwhile?.Invoke(printerOwner.Services);
        }

        using var turns = new SemaphoreSlim(Math.Max(1, sideBySide));
        var exits = await Task.WhenAll(sites.Select(async (site, index) =>
        {
            await turns.WaitAsync(cancellationToken);
            try
            {
                var verb = For(site);
                using var host = verb.BuildHost(parse, site.Settings.Concat(settings), collection =>
                {
                    services?.Invoke(site, collection);
                    if (printer is not null)
                    {
                        collection.AddSingleton(printer);
                    }
                });
                if (host is null)
                {
                    return 2;
                }

                if (printer is null && index == 0)
                {
                    meanwhile?.Invoke(host.Services);
                }

                var load = await verb.LoadAsync(host.Services, cancellationToken);
                return load.Data is not { } data ? 1 : await work(new SiteRun(verb, site, host.Services, data, load.Refused));
            }
            finally
            {
                turns.Release();
            }
        }));
        return exits.DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// A verb's host reads its configuration once: it does not watch appsettings.json, as a server does. Each watcher is an
    /// inotify instance (128 per user by default), and a region verb builds a host per site beside a running region
    /// portal that holds a watcher per site already.
    /// </summary>
    private static HostApplicationBuilderSettings Builder(ParseResult parse)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["hostBuilder:reloadConfigOnChange"] = "false" });
        return new HostApplicationBuilderSettings
        {
            Args = [.. parse.UnmatchedTokens],
            ContentRootPath = AppContext.BaseDirectory,
            Configuration = configuration,
        };
    }

    /// <summary>
    /// Options are validated before any work, by the same validators (ValidateOnStart) the server runs when it starts,
    /// and a problem is a message, never a stack trace.
    /// </summary>
    public bool SettingsAreValid(IServiceProvider services, string verb)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (OptionsValidationException e)
        {
            Error.WriteLine($"portal {verb}: {string.Join("; ", e.Failures)}");
            return false;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            Error.WriteLine($"portal {verb}: {string.Join("; ", e.InnerExceptions.SelectMany(inner => ((OptionsValidationException)inner).Failures))}");
            return false;
        }
        catch (InvalidOperationException e)
        {
            // A value that is not even of the right kind ("abc" for an address): the binder names key and value.
            Error.WriteLine($"portal {verb}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// The common shape of a verb that works on content: services from the settings (2 when they are invalid), the
    /// configured source loaded through the content pipeline (1, with every problem, when it is not valid), then the work.
    /// </summary>
    /// <param name="meanwhile">Started before the content is read, to run beside it (e.g. starting Chromium).</param>
    public async Task<int> WithContentAsync(ParseResult parse, Func<IServiceProvider, PortalData, Task<int>> work, CancellationToken cancellationToken,
        IDictionary<string, string?>? extra = null, Action<IServiceProvider>? meanwhile = null)
    {
        using var host = BuildHost(parse, extra);
        if (host is null)
        {
            return 2;
        }

        meanwhile?.Invoke(host.Services);
        var load = await LoadAsync(host.Services, cancellationToken);
        return load.Data is null ? 1 : await work(host.Services, load.Data);
    }

    /// <summary>
    /// Loads the configured source (content/ or Umbraco) through the content pipeline, as the server does: the valid items,
    /// with the refused ones said on stderr (the work goes on without them); every problem when nothing can be used.
    /// </summary>
    public async Task<ContentLoad> LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var load = await services.GetRequiredService<ContentSources>().ReadAsync(cancellationToken);
        if (load.Data is null)
        {
            Report(load.Problems);
        }
        else if (load.Refused.Count > 0)
        {
            ReportRefused(load.Refused);
        }

        return load;
    }

    public void Report(IReadOnlyList<DataProblem> problems)
    {
        Error.WriteLine($"The content has {problems.Count} problem(s); nothing can be served until those that concern everything are fixed:");
        foreach (var problem in problems)
        {
            Error.WriteLine($"  {problem}");
        }
    }

    public void ReportRefused(IReadOnlyList<ItemRefusal> refused)
    {
        Error.WriteLine($"{refused.Count} item(s) refused; the rest is used (a refused item is left out, or served on its last good version by a running portal):");
        foreach (var problem in refused.SelectMany(item => item.Problems.Select(p => (Problem: p, item.Because))))
        {
            Error.WriteLine($"  {problem.Problem}{(problem.Because.Count > 0 ? $" (because {string.Join(", ", problem.Because)} was refused)" : "")}");
        }
    }
}

/// <summary>One site's turn in a region verb: its context (lines with its slug), its services and its content.</summary>
/// <param name="Refused">The items of its content that were refused (left out).</param>
public sealed record SiteRun(VerbContext Verb, DeploymentSite Site, IServiceProvider Services, PortalData Data, IReadOnlyList<ItemRefusal> Refused);

/// <summary>The sites of a region deployment, for a verb; no deployment (and no sites) when it could not be read.</summary>
public sealed record DeploymentSites(RegionDeployment? Deployment, IReadOnlyList<DeploymentSite> Sites);

/// <summary>
/// Writes every line with a site's slug in front ("wijchen: …"), so a region's output says which site it is about; a
/// whole line at a time, so two sites working side by side never mix within a line.
/// </summary>
public sealed class SiteLines(TextWriter inner, string slug) : TextWriter
{
    private readonly System.Text.StringBuilder _line = new();

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            lock (inner)
            {
                inner.WriteLine($"{slug}: {_line.ToString().TrimEnd('\r')}");
            }

            _line.Clear();
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            Write('\n');
        }

        inner.Flush();
    }
}
