using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tunas.IntegrationTests.Infrastructure;

/// <summary>
/// The built app as a process of its own (`dotnet Tunas.Web.dll`), as a deployment runs it: for what only a real
/// process shows (its exit code, its stderr, a kill -9). The environment names the database; nothing of the test
/// run's own database settings leaks in.
/// </summary>
public sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private PublishedApp(Process process, int port)
    {
        _process = process;
        Port = port;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.HasExited;

    public static PublishedApp Start(IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var listen = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listen}";
        start.Environment.Remove("ConnectionStrings__Tunas");
        start.Environment.Remove("Database__Provider");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return new PublishedApp(Process.Start(start)!, listen);
    }

    /// <summary>Waits for the process to end by itself; its exit code, stdout and stderr.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> ExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Waits until <c>/health</c> answers 200; false if the process ended or the time ran out first.</summary>
    public async Task<bool> ReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as a power cut or the OOM killer ends it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async Task<string> OutputAsync()
    {
        await KillAsync();
        return await _stdout + await _stderr;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
