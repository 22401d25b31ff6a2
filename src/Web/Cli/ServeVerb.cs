using System.CommandLine;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Web.Hosting;

namespace Portal.Web.Cli;

/// <summary>portal [serve]: the live site. Starts from disk at once; refuses to start only when nothing valid can be served.</summary>
public static class ServeVerb
{
    public static Command Command(VerbContext verb)
    {
        var command = new Command("serve", "serve the portal (the default); ASP.NET Core's arguments such as --urls work") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((parse, _) => RunAsync(parse, verb));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parse, VerbContext verb)
    {
        // The content root is the binary's folder, whichever folder the portal is started from: appsettings.json is found
        // there, and the configuration watcher watches that folder, never the working directory (started from "/", as a
        // service may be, it would watch the whole file system and take minutes to start).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. parse.UnmatchedTokens], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(VerbContext.Settings(parse));
        // A start that fails (a port in use) is said below in one sentence; the host would first log it with its stack.
        var started = false;
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && (started || level < LogLevel.Error));
        // A region deployment: this host serves the region site and hands every municipality's requests to its own site.
        var slot = RegionHosting.Register(builder);
        builder.AddPortalWeb();
        verb.Configure?.Invoke(builder.Services);
        var app = builder.Build();
        if (RegionHosting.Prepare(app, slot, verb.Configure) is { Count: > 0 } problems)
        {
            verb.Error.WriteLine($"portal serve: {string.Join("; ", problems)}");
            return 2;
        }

        if (!verb.SettingsAreValid(app.Services, "serve"))
        {
            return 2;
        }

        var region = app.Services.GetService<RegionSites>();
        if (region is not null && !region.SettingsAreValid(verb))
        {
            return 2;
        }

        // The municipalities' sites start beside the region's own.
        var municipalities = region?.StartAsync(verb, app.Lifetime.ApplicationStopping) ?? Task.CompletedTask;

        var load = app.Services.GetRequiredService<ContentSources>().StartServing();
        await municipalities;
        if (load.Data is null)
        {
            verb.Report(load.Problems);
            return 1;
        }

        _ = app.Services.GetRequiredService<Portal.Application.Publishing.ContentPublisher>().Started(load.Data);
        app.UsePortal();
        app.Lifetime.ApplicationStarted.Register(() => started = true);
        try
        {
            await app.RunAsync();
        }
        catch (IOException e)
        {
            verb.Error.WriteLine($"portal serve: cannot listen: {e.Message.TrimEnd('.')}. Stop the program that uses the address, or choose another with --urls http://localhost:5080.");
            return 1;
        }
        finally
        {
            if (region is not null)
            {
                await region.DisposeAsync();
            }
        }

        return 0;
    }
}
