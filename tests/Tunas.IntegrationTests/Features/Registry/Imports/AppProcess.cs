using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>
/// The published app as a process of its own, as an operator runs it, so that a test can kill it with SIGKILL
/// (<see cref="Process.Kill()"/>): nothing of it runs its shutdown. Batches are small, leases short.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@uji.test";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Address = $"http://127.0.0.1:{port}";
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app on a database (<paramref name="database"/>: a PostgreSQL connection string, or a SQLite data folder).</summary>
    public static AppProcess Start(bool postgres, string database, string importFolder, int batchSize = 50, int leaseSeconds = 3)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = postgres ? "Postgres" : "Sqlite";
        if (postgres)
        {
            start.Environment["ConnectionStrings__Tunas"] = database;
        }
        else
        {
            start.Environment.Remove("ConnectionStrings__Tunas");
            start.Environment["Database__DataFolder"] = database;
        }
        start.Environment["Agency__Name"] = "Dinas Sosial Kota Uji";
        start.Environment["Agency__RegencyCode"] = TunasFactory.AgencyRegency;
        start.Environment["Admin__Email"] = AdminEmail;
        start.Environment["Admin__Password"] = TunasFactory.Password;
        start.Environment["RateLimiting__Enabled"] = "false";
        start.Environment["Auth__SignInPerMinute"] = "100000";
        start.Environment["Imports__Folder"] = importFolder;
        start.Environment["Imports__BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture);
        start.Environment["Imports__LeaseSeconds"] = leaseSeconds.ToString(CultureInfo.InvariantCulture);
        start.Environment["Imports__PollSeconds"] = "0.5";
        return new AppProcess(Process.Start(start)!, port);
    }

    /// <summary>How long a start may take: migrations from an empty database and the first JIT, on a 2-core runner
    /// that also runs the other test assemblies (a start once took over a minute there).</summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    /// <summary>Waits until the app answers /health (migrations done).</summary>
    public async Task<HttpClient> ReadyAsync()
    {
        // The test's own calls get a minute each (a first call JIT-compiles its path); a health poll gets 10 s.
        var http = new HttpClient { BaseAddress = new Uri(Address), Timeout = TimeSpan.FromMinutes(1) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartLimit && !_process.HasExited)
        {
            try
            {
                using var poll = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                if ((await http.GetAsync("/health", poll.Token)).StatusCode == HttpStatusCode.OK)
                {
                    return http;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or listening but too busy to answer within the client's timeout: try again.
            }
            await Task.Delay(250);
        }
        http.Dispose();
        throw new InvalidOperationException($"The app at {Address} did not start: {Output}");
    }

    /// <summary>A bearer token of the configured administrator, issued by this instance.</summary>
    public static async Task<string> TokenAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = TunasFactory.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it writes.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>A file of <paramref name="rows"/> residents of Kauman (Kota Blitar); every <paramref name="refusedEvery"/>th row names a kelurahan that does not exist.</summary>
    public static (byte[] Content, List<string> Niks, int Refused) ResidentsFile(int rows, int refusedEvery)
    {
        var text = new StringBuilder("NIK,NAMA,TGL_LAHIR,KELURAHAN\r\n");
        var niks = new List<string>(rows);
        var refused = 0;
        for (var i = 0; i < rows; i++)
        {
            var birth = new DateOnly(1970, 1, 1).AddDays(i / 900);
            var nik = string.Create(CultureInfo.InvariantCulture, $"357201{birth.Day:00}{birth.Month:00}{birth.Year % 100:00}{1 + (i % 900):0000}");
            var bad = i % refusedEvery == refusedEvery - 1;
            refused += bad ? 1 : 0;
            niks.Add(nik);
            text.Append(CultureInfo.InvariantCulture, $"{nik},Warga {i},{birth:dd/MM/yyyy},{(bad ? "Atlantis" : "Kauman")}\r\n");
        }
        return (Encoding.UTF8.GetBytes(text.ToString()), niks, refused);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
