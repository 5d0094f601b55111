using System.Globalization;
using System.Net;
using Tunas.Web.Features.Regions;

namespace Tunas.Bench;

/// <summary>
/// The hot paths under load against Kestrel's floor, both measured in this run: the bench's bare plaintext app
/// in its own process, then the published Tunas app in its own process on SQLite, each driven by the same
/// closed-loop generator (<see cref="BenchOptions.Connections"/> connections, <see cref="BenchOptions.LoadSeconds"/>
/// seconds per path after a warm-up).
/// </summary>
internal static class HttpScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        var connections = options.Connections;
        var time = TimeSpan.FromSeconds(options.LoadSeconds);
        var warmUp = TimeSpan.FromSeconds(Math.Max(2, options.LoadSeconds / 5));
        var (floor, floorMb) = await HttpLoad.PlaintextFloorAsync(connections, warmUp, time);
        Report.Line($"plaintext, bare Kestrel ({connections} conn.)", floor.PerSecond, floor.PerSecond, "req/s",
            string.Create(CultureInfo.InvariantCulture, $"{floor.Latency}, {floor.CpuMicroseconds:F0} µs CPU/req, peak {floorMb:F0} MB"));

        // Different names on every request: after the first 4,096 the app keeps no more answers, so most are searched.
        var names = RegionFiles.Read(RegionFiles.DefaultFolder).Where(r => r.Level == RegionLevel.Village)
            .Select(r => Uri.EscapeDataString(r.Name)).Distinct(StringComparer.Ordinal).ToArray();
        new Random(options.Seed).Shuffle(names);
        (string Name, Func<int, string> Path, HttpStatusCode Status)[] paths =
        [
            ("/health", _ => "/health", HttpStatusCode.OK),
            ("/api/v1/regions/stats", _ => "/api/v1/regions/stats", HttpStatusCode.OK),
            ("/api/v1/regions/35.72", _ => "/api/v1/regions/35.72", HttpStatusCode.OK),
            ("/api/v1/regions/35.72/children", _ => "/api/v1/regions/35.72/children", HttpStatusCode.OK),
            ("/api/v1/regions?q=kepanjen", _ => "/api/v1/regions?q=kepanjen", HttpStatusCode.OK),
            ("/api/v1/regions?q=<village name, varied>", i => "/api/v1/regions?q=" + names[i % names.Length], HttpStatusCode.OK),
            ("home page /", _ => "/", HttpStatusCode.OK),
            ("unknown page (404)", _ => "/tidak-ada", HttpStatusCode.NotFound),
        ];

        await using var database = await BenchDatabase.CreateAsync(null, "http", options.Keep);
        var url = HttpLoad.LocalUrl();
        using var server = HttpLoad.Start(Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"),
        [
            "--urls", url,
            "--Database:Provider=" + database.Provider,
            "--ConnectionStrings:Tunas=" + database.ConnectionString,
            "--Admin:Email=bench@tunas.test",
            "--Admin:Password=Bench-Tunas-2026!",
            "--Agency:Name=Dinas Sosial Kota Blitar (bench)",
            "--Agency:RegencyCode=35.72",
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            using var http = HttpLoad.Client(url, connections);
            await HttpLoad.WaitForAsync(http, server, "/health");
            foreach (var (name, path, status) in paths)
            {
                var result = await HttpLoad.MeasureAsync(http, server, connections, warmUp, time, path, status);
                var refused = result.Sent - result.Accepted;
                Report.Line($"{name} (SQLite)", result.PerSecond, floor.PerSecond, "req/s",
                    string.Create(CultureInfo.InvariantCulture, $"{result.Latency}, {result.CpuMicroseconds:F0} µs CPU/req{(refused > 0 ? $", {refused:N0} unexpected answers" : "")}"));
            }
            server.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Tunas server peak working set: {server.PeakWorkingSet64 / 1048576.0:F0} MB"));
        }
        finally
        {
            await HttpLoad.StopAsync(server);
        }
    }
}
