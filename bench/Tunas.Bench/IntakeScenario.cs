using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Bench;

/// <summary>
/// Public application intake under load: the published app in its own process on 127.0.0.1 (rate limits off),
/// a load generator with a fixed number of connections posting distinct valid applications, bounded in requests
/// and in time. The baseline is Kestrel's plaintext floor: a bare Kestrel app answering "Hello, World!" in a process of
/// its own, loaded by the same generator with the same connections, in the same run (goal: intake at least 7.5 % of
/// it, p99 under 100 ms). Both are measured warm: the floor after 20,000 requests, the app after a warm-up that lasts
/// until its tiered JIT is quiet (<see cref="TieredJit"/>). After the run the stored applications are counted: every
/// 201 must be a row.
/// </summary>
internal static class IntakeScenario
{
    internal const string AdminEmail = "bench@tunas.test";
    internal const string AdminPassword = "Bench-Tunas-2026!";

    public static async Task RunAsync(BenchOptions options)
    {
        if (!options.NoSqlite)
        {
            await RunOnAsync(options, null);
        }
        if (options.Postgres is { } pg)
        {
            await RunOnAsync(options, pg);
        }
    }

    /// <summary>The plaintext floor's server, run by the bench itself as <c>plaintext-server --urls ...</c>.</summary>
    public static void ServePlaintext(string[] args)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
        builder.WebHost.UseKestrelCore();
        builder.Configuration.AddCommandLine(args);
        var app = builder.Build();
        var hello = "Hello, World!"u8.ToArray();
        app.Run(context =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = hello.Length;
            return context.Response.Body.WriteAsync(hello).AsTask();
        });
        app.Run();
    }

    private static async Task<LoadResult> PlaintextFloorAsync(BenchOptions options)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Tunas.Bench.dll"), "plaintext-server", "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await HttpLoad.WaitForAsync(http, server, "/");
            await LoadAsync(http, options.Connections, 20_000, TimeSpan.FromSeconds(5), _ => new HttpRequestMessage(HttpMethod.Get, "/"), s => s == HttpStatusCode.OK);
            return await LoadAsync(http, options.Connections, options.Requests * 20, TimeSpan.FromSeconds(options.LoadSeconds),
                _ => new HttpRequestMessage(HttpMethod.Get, "/"), s => s == HttpStatusCode.OK);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task RunOnAsync(BenchOptions options, string? postgres)
    {
        // The floor first, alone on the machine, then the app.
        var plaintext = await PlaintextFloorAsync(options);
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"Kestrel plaintext ({options.Connections} conn., own process)"), plaintext.PerSecond, plaintext.PerSecond, "req/s",
            string.Create(CultureInfo.InvariantCulture, $"p50 {plaintext.P50:F1} ms p99 {plaintext.P99:F1} ms"));
        await using var database = await BenchDatabase.CreateAsync(postgres, "intake", options.Keep);
        var port = FreePort();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        using var server = StartServer(url, database);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await HttpLoad.WaitForAsync(http, server, "/health");
            var (programId, tracks) = await SetUpProgramAsync(http);

            var bodies = ApplicationBodies(programId, tracks, options.Requests + options.WarmUpRequests, options.Seed);
            // Warm-up: JIT, connection pool, SQLite cache; until the runtime stops recompiling (TieredJit), bounded.
            var warmUp = await WarmUpAsync(http, server, options, i => Post(bodies[i]));
            server.Refresh();
            var (serverCpu, ownCpu) = (server.TotalProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
            var intake = await LoadAsync(http, options.Connections, options.Requests, TimeSpan.FromSeconds(options.LoadSeconds),
                i => Post(bodies[warmUp.Sent + i]), s => s == HttpStatusCode.Created);
            server.Refresh();
            var used = server.TotalProcessorTime - serverCpu;
            var cpu = string.Create(CultureInfo.InvariantCulture,
                $"CPU during intake: server {used.TotalSeconds:F1} s ({used.TotalMicroseconds / Math.Max(1, intake.Sent):F0} µs per request), load generator {(Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds:F1} s");
            var memory = string.Create(CultureInfo.InvariantCulture, $"server peak {server.PeakWorkingSet64 / 1048576.0:F0} MB");
            Report.Line($"accepted applications ({database.Label})", intake.PerSecond, plaintext.PerSecond, "req/s",
                string.Create(CultureInfo.InvariantCulture, $"p50 {intake.P50:F1} ms p99 {intake.P99:F1} ms, {intake.Accepted:N0} of {intake.Sent:N0} accepted, {intake.Seconds:F1} s, {memory}"));
            Console.WriteLine("  " + cpu);
            if (intake.Accepted != intake.Sent)
            {
                Console.WriteLine($"  refused: {string.Join(", ", intake.Statuses.Select(s => $"{(int)s.Key}×{s.Value}"))}");
            }
            // Every 201 (warm-up included) must be a stored row; counted by the bench's own connection after the run.
            var acknowledged = warmUp.Accepted + intake.Accepted;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  warm-up: {warmUp.Sent:N0} applications in {warmUp.Seconds:F1} s, tiered JIT {(double.IsNaN(warmUp.JitShare) ? "not measured" : warmUp.JitShare.ToString("P0", CultureInfo.InvariantCulture) + " of a core in its last 2 s")}"));
            var stored = await StoredAsync(database, programId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  stored applications: {stored:N0} of {acknowledged:N0} acknowledged (201) {(stored == acknowledged ? "— all stored" : "— MISMATCH")}"));
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }

        HttpRequestMessage Post(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/applications") { Content = content };
        }
    }

    internal static Process StartServer(string url, BenchDatabase database, params string[] extra) => StartServer(url, database, null, extra);

    /// <summary>The published app on <paramref name="url"/>; <paramref name="output"/> sees its standard output's lines.</summary>
    internal static Process StartServer(string url, BenchDatabase database, Action<string>? output, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"));
        foreach (var arg in new[]
        {
            "--urls", url,
            "--Database:Provider=" + database.Provider,
            "--ConnectionStrings:Tunas=" + database.ConnectionString,
            "--Admin:Email=" + AdminEmail,
            "--Admin:Password=" + AdminPassword,
            "--Agency:Name=Dinas Sosial Kota Blitar (bench)",
            "--Agency:RegencyCode=35.72",
            "--RateLimiting:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { output?.Invoke(line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) { Console.Error.WriteLine("  server: " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task<int> StoredAsync(BenchDatabase database, int programId)
    {
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return await db.Applications.CountAsync(a => a.ProgramId == programId);
    }

    /// <summary>An open program with three tracks, made through the API as an officer would.</summary>
    internal static async Task<(int ProgramId, int[] Tracks)> SetUpProgramAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword });
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        HttpRequestMessage Make(HttpMethod method, string path, object? body)
        {
            var message = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return message;
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var fields = new
        {
            name = "Bench intake",
            year = today.Year,
            budget = 1_000_000_000L,
            registrationOpens = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            registrationCloses = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            targetSize = 1000,
        };
        var program = await SendAsync(http, Make(HttpMethod.Post, "/api/v1/programs", fields));
        var id = program.GetProperty("id").GetInt32();
        // Opened to the public, as the officer's "open" button does.
        await SendAsync(http, Make(HttpMethod.Put, $"/api/v1/programs/{id}", new
        {
            fields.name,
            fields.year,
            fields.budget,
            fields.registrationOpens,
            fields.registrationCloses,
            fields.targetSize,
            status = "Active",
        }));
        var tracks = new int[3];
        for (var i = 0; i < tracks.Length; i++)
        {
            tracks[i] = (await SendAsync(http, Make(HttpMethod.Post, $"/api/v1/programs/{id}/tracks", new { name = "Kejuruan " + (i + 1) }))).GetProperty("id").GetInt32();
        }
        return (id, tracks);
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {text}");
            }
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Distinct valid applications of Kota Blitar residents, each as ready JSON bytes.</summary>
    internal static byte[][] ApplicationBodies(int programId, int[] tracks, int count, int seed)
    {
        var random = new Random(seed);
        string[] given = ["Siti", "Sri", "Dewi", "Nur", "Ani", "Budi", "Agus", "Eko", "Rina", "Wahyu", "Lestari", "Yuni", "Dwi", "Tri", "Putri",
            "Rudi", "Joko", "Bambang", "Endang", "Wati", "Ayu", "Fitri", "Indah", "Hendra", "Teguh", "Yanto", "Sari", "Ratna", "Mulyadi", "Suparmi"];
        string[] middle = ["", "Nur", "Dwi", "Tri", "Eka", "Puji", "Kurnia", "Ika", "Sri", "Budi", "Adi", "Setyo", "Wahyu", "Rahma", "Ayu"];
        string[] family = ["Rahayu", "Wulandari", "Santoso", "Setiawan", "Handayani", "Purnomo", "Saputra", "Lestari", "Hidayat", "Susanti",
            "Prasetyo", "Kusuma", "Wibowo", "Utami", "Suryani", "Hartono", "Nugroho", "Pratiwi", "Maharani", "Firmansyah"];
        var bodies = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            // Unique NIKs, birth dates spread over 33 years: kecamatan, then the day of birth, then the serial.
            var district = 1 + (i % 3);
            var birth = new DateOnly(1972, 1, 1).AddDays(i / 3 % 12_000);
            var serial = 1 + (i / 3 / 12_000 % 9999);
            var female = random.Next(2) == 0;
            var nik = string.Create(CultureInfo.InvariantCulture, $"3572{district:00}{birth.Day + (female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}");
            var card = string.Create(CultureInfo.InvariantCulture, $"3572{district:00}{birth.Day:00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}");
            var name = string.Join(' ', new[] { given[random.Next(given.Length)], middle[random.Next(middle.Length)], family[random.Next(family.Length)] }.Where(w => w.Length > 0));
            var body = new
            {
                programId,
                nik,
                familyCardNumber = card,
                fullName = name,
                birthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                villageCode = string.Create(CultureInfo.InvariantCulture, $"35.72.{district:00}.{1001 + random.Next(7)}"),
                phone = string.Create(CultureInfo.InvariantCulture, $"08{random.Next(11, 99)}{random.Next(1_000_000, 9_999_999)}"),
                firstTrackId = tracks[random.Next(tracks.Length)],
                secondTrackId = (int?)null,
                motivation = "Ingin membuka usaha di rumah.",
                consent = true,
            };
            bodies[i] = JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        }
        return bodies;
    }

    /// <summary>
    /// At least 2,000 applications, then rounds of 2 s until the server's tiered JIT used under 3 % of a core in a
    /// round, at most <see cref="BenchOptions.WarmUpRequests"/> applications and <see cref="BenchOptions.WarmUpSeconds"/>.
    /// </summary>
    private static async Task<(int Sent, int Accepted, double Seconds, double JitShare)> WarmUpAsync(HttpClient http, Process server, BenchOptions options,
        Func<int, HttpRequestMessage> post)
    {
        var clock = Stopwatch.StartNew();
        var first = await LoadAsync(http, options.Connections, Math.Min(2_000, options.WarmUpRequests), TimeSpan.FromSeconds(options.WarmUpSeconds), post,
            s => s == HttpStatusCode.Created);
        var (sent, accepted, share) = (first.Sent, first.Accepted, double.NaN);
        var jit = TieredJit.CpuSeconds(server.Id);
        while (jit is not null && sent < options.WarmUpRequests && clock.Elapsed.TotalSeconds < options.WarmUpSeconds)
        {
            var offset = sent;
            var round = await LoadAsync(http, options.Connections, options.WarmUpRequests - sent, TimeSpan.FromSeconds(2), i => post(offset + i),
                s => s == HttpStatusCode.Created);
            (sent, accepted) = (sent + round.Sent, accepted + round.Accepted);
            var now = TieredJit.CpuSeconds(server.Id) ?? 0;
            share = (now - jit.Value) / round.Seconds;
            jit = now;
            if (share < 0.03)
            {
                break;
            }
        }
        return (sent, accepted, clock.Elapsed.TotalSeconds, share);
    }

    internal sealed record LoadResult(int Sent, int Accepted, double Seconds, double P50, double P99, Dictionary<HttpStatusCode, int> Statuses)
    {
        public double PerSecond => Accepted / Seconds;
    }

    /// <summary>
    /// <paramref name="connections"/> workers send requests 0, 1, 2... until <paramref name="maxRequests"/> are sent
    /// or <paramref name="maxTime"/> has passed; latencies of every request, accepted or not.
    /// </summary>
    internal static async Task<LoadResult> LoadAsync(HttpClient http, int connections, int maxRequests, TimeSpan maxTime,
        Func<int, HttpRequestMessage> request, Func<HttpStatusCode, bool> accepted)
    {
        var latencies = new double[maxRequests];
        var statuses = new int[600];
        var next = -1;
        var done = 0;
        var ok = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (clock.Elapsed < maxTime)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= maxRequests)
                {
                    return;
                }
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var message = request(i);
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 599;
                }
                catch (TaskCanceledException)
                {
                    status = 598;
                }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref statuses[status]);
                Interlocked.Increment(ref done);
                if (accepted((HttpStatusCode)status))
                {
                    Interlocked.Increment(ref ok);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var measured = latencies.AsSpan(0, done).ToArray();
        Array.Sort(measured);
        double Percentile(double p) => measured.Length == 0 ? 0 : measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p * measured.Length) - 1)];
        var byStatus = new Dictionary<HttpStatusCode, int>();
        for (var s = 0; s < statuses.Length; s++)
        {
            if (statuses[s] > 0)
            {
                byStatus[(HttpStatusCode)s] = statuses[s];
            }
        }
        return new LoadResult(done, ok, seconds, Percentile(0.50), Percentile(0.99), byStatus);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
