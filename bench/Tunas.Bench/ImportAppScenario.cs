using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tunas.Bench;

/// <summary>
/// Issue 11's memory goal: a generated CSV of <see cref="BenchOptions.Rows"/> residents uploaded to the published app
/// (its own process on 127.0.0.1, as an operator's upload goes: the API, the background job), and with
/// <c>--intake</c> the public application intake loaded at the same time (<see cref="BenchOptions.Connections"/>
/// connections, bounded by <see cref="BenchOptions.Requests"/> and <see cref="BenchOptions.LoadSeconds"/>, stopped
/// when the import ends). Figures: the server process's peak resident set over its whole life (VmHWM, start-up
/// included), the import's rate against the raw baseline of the same run, and the intake's answers (every 201 stored).
/// Goal: under 400 MB for 1,000,000 rows, with or without the intake.
/// </summary>
internal static class ImportAppScenario
{
    public static async Task RunAsync(BenchOptions options, bool intake)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tunas-bench-files-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"residents-{options.Rows}.csv"));
            var written = ResidentFiles.WriteCsv(file, GenerateCommand.Rows(options, options.Rows), ResidentFiles.VillageNames("35.72"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import-app: {written:N0} rows ({options.BadShare:P1} spoiled), {new FileInfo(file).Length / 1048576.0:F0} MB{(intake ? ", with the public intake under load" : "")}"));
            if (!options.NoSqlite)
            {
                await RunOneAsync(options, file, null, intake);
            }
            if (options.Postgres is { } pg)
            {
                await RunOneAsync(options, file, pg, intake);
            }
        }
        finally
        {
            if (!options.Keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task RunOneAsync(BenchOptions options, string file, string? postgres, bool intake)
    {
        var (baselineRate, label) = await ImportScenario.RawBaselineAsync(options, options.Rows, postgres);
        await using var database = await BenchDatabase.CreateAsync(postgres, "import-app", options.Keep);
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{IntakeScenario.FreePort()}");
        // The importer's own view of memory after each batch (a debug line): the one with the largest process is printed.
        var heaviest = (Mb: 0L, Line: "");
        using var server = IntakeScenario.StartServer(url, database, line =>
        {
            var at = line.IndexOf("Import memory:", StringComparison.Ordinal);
            var process = line.IndexOf("process ", StringComparison.Ordinal);
            if (at >= 0 && process > at && long.TryParse(line.AsSpan(process + 8).TrimEnd().ToString().Split(' ')[0], CultureInfo.InvariantCulture, out var mb))
            {
                lock (file)
                {
                    heaviest = mb >= heaviest.Mb ? (mb, line[at..].Trim()) : heaviest;
                }
            }
        }, "--Imports:MaxFileBytes=" + (new FileInfo(file).Length + (1 << 20)), "--Logging:LogLevel:Tunas.Web.Features.Registry.Imports.ImportRunner=Debug");
        try
        {
            var connections = intake ? options.Connections : 4;
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections + 2, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
            await HttpLoad.WaitForAsync(http, server, "/health");
            var (programId, tracks) = await IntakeScenario.SetUpProgramAsync(http);
            var token = await TokenAsync(http);
            var bodies = intake ? IntakeScenario.ApplicationBodies(programId, tracks, options.Requests, options.Seed) : [];
            server.Refresh();
            var before = server.WorkingSet64;

            var clock = Stopwatch.StartNew();
            var id = await UploadAsync(http, token, file);
            var uploaded = clock.Elapsed.TotalSeconds;
            using var done = new CancellationTokenSource();
            var load = intake ? Task.Run(() => LoadAsync(http, connections, bodies, TimeSpan.FromSeconds(options.LoadSeconds), done.Token)) : Task.FromResult(new Load(0, 0, 0, 0, ""));
            long during = 0;
            var duringAt = "";
            JsonElement job;
            while (true)
            {
                server.Refresh();
                var sampled = server.WorkingSet64;
                job = await GetAsync(http, token, $"/api/v1/imports/{id}");
                if (sampled > during)
                {
                    // Where the import was when the largest working set was sampled: a batch, or the work after the last one.
                    (during, duringAt) = (sampled, string.Create(CultureInfo.InvariantCulture,
                        $"{job.GetProperty("processedRows").GetInt32():N0} of {job.GetProperty("totalRows").GetInt32():N0} rows processed, {clock.Elapsed.TotalSeconds:F0} s"));
                }
                if (job.GetProperty("status").GetString() is not ("queued" or "running" or "paused"))
                {
                    break;
                }
                if (clock.Elapsed.TotalSeconds > options.MaxSeconds)
                {
                    throw new TimeoutException($"The import did not finish within {options.MaxSeconds} s (--max-seconds).");
                }
                await Task.Delay(250);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            await done.CancelAsync();
            var applications = await load;
            server.Refresh();
            var peak = server.PeakWorkingSet64 / 1048576.0;
            var rate = options.Rows / seconds;
            Report.Line(string.Create(CultureInfo.InvariantCulture, $"import-app CSV {options.Rows / 1000:N0}k rows{(intake ? " + intake" : "")} ({label}) rows/s"), rate, baselineRate, "r/s",
                string.Create(CultureInfo.InvariantCulture, $"server peak RSS {peak:F0} MB (goal < 400 MB: {(peak < 400 ? "met" : "MISSED")})"));
            int Count(string name) => job.GetProperty(name).GetInt32();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {job.GetProperty("status").GetString()} in {seconds:F1} s (upload {uploaded:F1} s): {Count("inserted"):N0} inserted, {Count("updated"):N0} updated, {Count("unchanged"):N0} unchanged, {Count("rejected"):N0} rejected of {Count("totalRows"):N0}; working set {before / 1048576.0:F0} MB before the upload, {during / 1048576.0:F0} MB highest sampled during it ({duringAt})"));
            Console.WriteLine("  the importer's heaviest batch: " + heaviest.Line);
            if (intake)
            {
                var stored = await IntakeScenario.StoredAsync(database, programId);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  intake during the import: {applications.Accepted:N0} of {applications.Sent:N0} accepted in {applications.Seconds:F1} s ({applications.Accepted / Math.Max(0.001, applications.Seconds):N0}/s, p99 {applications.P99:F1} ms{applications.Others}); stored {stored:N0} {(stored == applications.Accepted ? "— all stored" : "— MISMATCH")}"));
            }
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    private sealed record Load(int Sent, int Accepted, double Seconds, double P99, string Others);

    /// <summary>Distinct applications posted by <paramref name="connections"/> workers until the import ends, the bodies run out or the time does.</summary>
    private static async Task<Load> LoadAsync(HttpClient http, int connections, byte[][] bodies, TimeSpan maxTime, CancellationToken importDone)
    {
        var next = -1;
        var accepted = 0;
        var latencies = new ConcurrentBag<double>();
        var others = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (!importDone.IsCancellationRequested && clock.Elapsed < maxTime)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= bodies.Length)
                {
                    return;
                }
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    var content = new ByteArrayContent(bodies[i]);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync("/api/v1/public/applications", content, CancellationToken.None);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 599;
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (status == (int)HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    others.AddOrUpdate(status, 1, (_, n) => n + 1);
                }
            }
        }));
        var sorted = latencies.Order().ToArray();
        var p99 = sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.99 * sorted.Length) - 1)];
        var refused = others.IsEmpty ? "" : "; other answers " + string.Join(", ", others.Select(o => $"{o.Key}×{o.Value}"));
        return new Load(sorted.Length, accepted, clock.Elapsed.TotalSeconds, p99, refused);
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = IntakeScenario.AdminEmail, password = IntakeScenario.AdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<string> UploadAsync(HttpClient http, string token, string file)
    {
        await using var stream = File.OpenRead(file);
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(stream, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "warga.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/persons") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Upload refused: {(int)response.StatusCode} {text}");
        }
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }
}
