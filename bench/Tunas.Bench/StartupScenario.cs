using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tunas.Bench;

/// <summary>
/// Time from process start to the first 200 on /health: Tunas on an empty SQLite database (migrations and the
/// 91,599 regions included), Tunas again on the now-filled database, and a bare ASP.NET Core app (the baseline).
/// </summary>
internal static class StartupScenario
{
    public static async Task RunAsync()
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll");
        var self = Path.Combine(AppContext.BaseDirectory, "Tunas.Bench.dll");
        var data = Path.Combine(Path.GetTempPath(), "tunas-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var baseline = await TimeToFirstRequestAsync(self, "baseline-server", null);
            var first = await TimeToFirstRequestAsync(web, null, data);
            var second = await TimeToFirstRequestAsync(web, null, data);
            Report.Line("start-up to first request, empty database", first.Seconds, baseline.Seconds, "s", first.Memory);
            Report.Line("start-up to first request, filled database", second.Seconds, baseline.Seconds, "s", second.Memory);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<(double Seconds, string Memory)> TimeToFirstRequestAsync(string dll, string? command, string? dataFolder)
    {
        var port = FreePort();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        if (command is not null)
        {
            start.ArgumentList.Add(command);
        }
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        if (dataFolder is not null)
        {
            start.ArgumentList.Add("--Database:DataFolder=" + dataFolder);
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before answering.");
                }
                try
                {
                    using var response = await http.GetAsync(new Uri(url + "/health"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var seconds = clock.Elapsed.TotalSeconds;
                        process.Refresh();
                        return (seconds, string.Create(CultureInfo.InvariantCulture, $"peak {process.PeakWorkingSet64 / 1048576.0:F0} MB"));
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(20);
            }
            throw new TimeoutException($"{dll} did not answer /health within 60 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
