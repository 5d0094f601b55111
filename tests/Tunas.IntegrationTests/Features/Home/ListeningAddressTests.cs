using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>
/// The published app listens where a deployment says: <c>ASPNETCORE_URLS</c> (systemd units and containers set it)
/// as well as <c>--urls</c>; the default, http://localhost:5080, applies only when neither is given.
/// </summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task TheAppListensOnTheAddressOfAspnetcoreUrls()
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("tunas-urls-");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__DataFolder"] = folder.FullName;
        start.Environment.Remove("ConnectionStrings__Tunas");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpStatusCode? status = null;
            for (var attempt = 0; attempt < 120 && status is null && !process.HasExited; attempt++)
            {
                try
                {
                    status = (await http.GetAsync($"http://127.0.0.1:{port}/health")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.True(status == HttpStatusCode.OK, $"no answer on port {port}: {(process.HasExited ? await output : "still starting")}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
