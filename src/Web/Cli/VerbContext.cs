using System.CommandLine;
using Microsoft.Extensions.Options;
using Portal.Application;
using Portal.Application.ContentPipeline;
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
    public IHost? BuildHost(ParseResult parse, IDictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. parse.UnmatchedTokens],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(Settings(parse).Concat(extra ?? new Dictionary<string, string?>()));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPortalApplication(builder.Configuration);
        Configure?.Invoke(builder.Services);
        var host = builder.Build();
        return SettingsAreValid(host.Services, parse.CommandResult.Command.Name) ? host : null;
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
