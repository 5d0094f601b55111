using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>The application tests' app, with a switch that makes every database write fail as on a full disk.</summary>
public sealed class FaultyApp : TunasFactory
{
    public FaultyApp()
    {
        Settings["RateLimiting:Enabled"] = "false";
        Settings["Applications:ProgramCacheSeconds"] = "0";
    }

    public FaultInjector Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Faults.AddTo(builder);
    }
}

/// <summary>
/// A full disk is a passing fault (issue 11): the intake answers 503 with Retry-After and the cause in plain
/// Indonesian, stores nothing, and takes applications again once the disk has room; <c>/health</c> says Unhealthy
/// meanwhile and Healthy after, though no application comes to clear it.
/// </summary>
public sealed class IntakeFaultTests : IClassFixture<FaultyApp>
{
    private readonly FaultyApp _app;

    public IntakeFaultTests(FaultyApp app)
    {
        _app = app;
        _app.Faults.Failing = false;
    }

    [Fact]
    public async Task WhileTheDiskIsFullTheIntakeAnswers503WithRetryAfterAndStoresNothingThen201After()
    {
        var program = await Applicants.ProgramAsync(_app);
        var person = Applicants.NewPerson();
        var client = _app.CreateClient();

        _app.Faults.Failing = true;
        try
        {
            var refused = await Applicants.ApplyAsync(client, Applicants.Body(program, person));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("30", refused.Headers.RetryAfter?.ToString());
            var title = (await Applicants.JsonAsync(refused)).GetProperty("title").GetString();
            Assert.Equal("Penyimpanan data sedang penuh. Permohonan belum tersimpan. Silakan kirim lagi beberapa menit lagi.", title);
            Assert.Equal(0, await Applicants.PersonsWithAsync(_app, person.Nik));
            Assert.Equal(0, await Applicants.ApplicationsOfAsync(_app, person.Nik));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(client, HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            _app.Faults.Failing = false;
        }

        var accepted = await Applicants.ApplyAsync(client, Applicants.Body(program, person));

        await Applicants.NumberAsync(accepted, HttpStatusCode.Created);
        Assert.Equal(1, await Applicants.ApplicationsOfAsync(_app, person.Nik));
        Assert.Equal(HttpStatusCode.OK, await HealthAsync(client, HttpStatusCode.OK));
    }

    [Fact]
    public async Task HealthTurnsHealthyAgainByItsOwnWriteProbeWhenNoApplicationComes()
    {
        var program = await Applicants.ProgramAsync(_app);
        var client = _app.CreateClient();
        _app.Faults.Failing = true;
        try
        {
            var refused = await Applicants.ApplyAsync(client, Applicants.Body(program, Applicants.NewPerson()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync(client, HttpStatusCode.ServiceUnavailable));
            // The probe's own write fails too: still Unhealthy a while later.
            await Task.Delay(DatabaseHealthCheck.MaxAge * 1.5);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
            Assert.NotNull(_app.Services.GetRequiredService<WriteFaults>().Current);
        }
        finally
        {
            _app.Faults.Failing = false;
        }

        Assert.Equal(HttpStatusCode.OK, await HealthAsync(client, HttpStatusCode.OK));
        Assert.Null(_app.Services.GetRequiredService<WriteFaults>().Current);
    }

    [Fact]
    public async Task TheApplyPageSaysWhyIn503AndKeepsWhatWasTyped()
    {
        var program = await Applicants.ProgramAsync(_app);
        var person = Applicants.NewPerson();
        var client = await _app.PageClientAsync(null);
        var url = $"/Apply?program={program.Id}";
        var form = await TunasFactory.FormAsync(client, url, Applicants.Form(program, person));

        _app.Faults.Failing = true;
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync("/Apply", form);
        }
        finally
        {
            _app.Faults.Failing = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("30", response.Headers.RetryAfter?.ToString());
        var html = await Applicants.TextAsync(response);
        Assert.Contains("data-testid=\"unavailable\"", html, StringComparison.Ordinal);
        Assert.Contains("Penyimpanan data sedang penuh.", html, StringComparison.Ordinal);
        Assert.Contains("Isian Anda masih ada di formulir di bawah.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{person.Nik}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{person.Name}\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await Applicants.PersonsWithAsync(_app, person.Nik));
    }

    /// <summary>The status of <c>/health</c> once it is <paramref name="expected"/> (its answer is kept a second), or the last seen.</summary>
    private static async Task<HttpStatusCode> HealthAsync(HttpClient client, HttpStatusCode expected)
    {
        var status = HttpStatusCode.InternalServerError;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            status = (await client.GetAsync("/health")).StatusCode;
            if (status == expected)
            {
                break;
            }
            await Task.Delay(250);
        }
        return status;
    }
}
