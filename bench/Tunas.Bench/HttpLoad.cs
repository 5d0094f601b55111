using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tunas.Bench;

/// <summary>What one closed-loop measurement saw: requests answered as expected, per second, and latencies of all.</summary>
internal sealed record LoadResult(int Sent, int Accepted, double Seconds, double P50, double P99, TimeSpan ServerCpu)
{
    public double PerSecond => Accepted / Seconds;

    public string Latency => string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F2} ms p99 {P99:F2} ms");

    /// <summary>Server CPU per answered request, in microseconds.</summary>
    public double CpuMicroseconds => Accepted == 0 ? 0 : ServerCpu.TotalMicroseconds / Accepted;
}

/// <summary>
/// A bounded closed-loop load generator (a fixed number of connections, each sending its next request when the
/// last one is answered) and the servers it drives, each in a process of its own on 127.0.0.1.
/// </summary>
internal static class HttpLoad
{
    /// <summary>Upper bound of requests in one measurement, beside its time limit.</summary>
    public const int MaxRequests = 5_000_000;

    public static HttpClient Client(string url, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// Kestrel's floor: the bench's own bare app (<c>baseline-server</c>) answering "Hello, World!" on /plaintext,
    /// in its own process, with the same connections and seconds as the figure it is compared with.
    /// </summary>
    public static async Task<(LoadResult Result, double PeakMb)> PlaintextFloorAsync(int connections, TimeSpan warmUp, TimeSpan time)
    {
        var url = LocalUrl();
        using var server = Start(Path.Combine(AppContext.BaseDirectory, "Tunas.Bench.dll"), ["baseline-server", "--urls", url, "--Logging:LogLevel:Default=Warning"]);
        try
        {
            using var http = Client(url, connections);
            await WaitForAsync(http, server, "/plaintext");
            var result = await MeasureAsync(http, server, connections, warmUp, time, _ => "/plaintext", HttpStatusCode.OK);
            server.Refresh();
            return (result, server.PeakWorkingSet64 / 1048576.0);
        }
        finally
        {
            await StopAsync(server);
        }
    }

    /// <summary>A warm-up, then the measurement; the server's CPU time is read around the measurement only.</summary>
    public static async Task<LoadResult> MeasureAsync(HttpClient http, Process server, int connections, TimeSpan warmUp, TimeSpan time,
        Func<int, string> path, HttpStatusCode expected)
    {
        await LoadAsync(http, connections, warmUp, path, expected);
        server.Refresh();
        var cpu = server.TotalProcessorTime;
        var result = await LoadAsync(http, connections, time, path, expected);
        server.Refresh();
        return result with { ServerCpu = server.TotalProcessorTime - cpu };
    }

    /// <summary><paramref name="connections"/> workers send GET requests 0, 1, 2... until <paramref name="time"/> has passed or <see cref="MaxRequests"/> are sent.</summary>
    public static async Task<LoadResult> LoadAsync(HttpClient http, int connections, TimeSpan time, Func<int, string> path, HttpStatusCode expected)
    {
        var next = -1;
        var ok = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            var latencies = new List<double>(1 << 14);
            while (clock.Elapsed < time)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= MaxRequests)
                {
                    break;
                }
                var started = Stopwatch.GetTimestamp();
                HttpStatusCode status;
                try
                {
                    using var response = await http.GetAsync(new Uri(path(i), UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = (HttpStatusCode)599;
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (status == expected)
                {
                    Interlocked.Increment(ref ok);
                }
            }
            return latencies;
        }).ToArray();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToArray();
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(all);
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new LoadResult(all.Length, ok, seconds, Percentile(0.50), Percentile(0.99), TimeSpan.Zero);
    }

    public static Process Start(string dll, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) { Console.Error.WriteLine("  server: " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitForAsync(HttpClient http, Process server, string path)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {server.ExitCode} before answering.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The server did not answer {path} within 120 s.");
    }

    public static async Task StopAsync(Process server)
    {
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    public static string LocalUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }
}
