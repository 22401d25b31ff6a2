using System.Collections.Concurrent;
using System.Diagnostics;

namespace Portal.Tests.Web;

/// <summary>
/// The published portal in a process of its own, on a free loopback port, as an operator runs it. What it writes is read
/// as it comes (a full pipe can never block it) and kept for a failing assertion; disposing stops it and its children.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    public PortalProcess(IEnumerable<string> arguments, string? workingDirectory = null)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        Port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "portal.dll"), "--urls", $"http://127.0.0.1:{Port}", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => _log.Enqueue(e.Data ?? "");
        _process.ErrorDataReceived += (_, e) => _log.Enqueue(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Whether it runs, and everything it has written so far.</summary>
    public string Log => $"{(_process.HasExited ? $"exited {_process.ExitCode}" : "running")}: {string.Join('\n', _log)}";

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
