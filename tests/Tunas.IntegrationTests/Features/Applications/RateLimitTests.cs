using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>
/// The app with small limits: a burst of 3 applications, 2 status checks and 2 appeals per address, one more a minute,
/// and 4 lookups per registration number from all addresses, one more an hour. The
/// test server has no client address, so a test names its own in the <see cref="ClientHeader"/> header.
/// </summary>
public sealed class RateLimitedApp : TunasFactory
{
    public const string ClientHeader = "X-Test-Client";

    public RateLimitedApp()
    {
        Settings["RateLimiting:Enabled"] = "true";
        Settings["RateLimiting:ApplyBurst"] = "3";
        Settings["RateLimiting:ApplyPerMinute"] = "1";
        Settings["RateLimiting:StatusBurst"] = "2";
        Settings["RateLimiting:StatusPerMinute"] = "1";
        Settings["RateLimiting:AppealBurst"] = "2";
        Settings["RateLimiting:AppealPerMinute"] = "1";
        Settings["RateLimiting:PerNumberBurst"] = "4";
        Settings["RateLimiting:PerNumberPerHour"] = "1";
    }

    /// <summary>A client from an address of its own.</summary>
    public static T From<T>(T client, string address) where T : HttpClient
    {
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
    }

    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                if (IPAddress.TryParse(ctx.Request.Headers[ClientHeader].ToString(), out var address))
                {
                    ctx.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task ApplyingBeyondTheBurstIs429WithRetryAfterAndAnIndonesianMessage()
    {
        var program = await Applicants.ProgramAsync(app);
        var client = RateLimitedApp.From(app.CreateClient(), "10.0.0.1");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await Applicants.ApplyAsync(client, Applicants.Body(program, Applicants.NewPerson())));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var refused = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta?.TotalSeconds >= 1, refused.Headers.RetryAfter?.ToString());
        Assert.StartsWith("Terlalu banyak permintaan dari alamat Anda.", (await Applicants.JsonAsync(refused)).GetProperty("title").GetString(), StringComparison.Ordinal);
        // Reading the programs is not counted, and another address has its own bucket.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/public/programs")).StatusCode);
        var neighbour = RateLimitedApp.From(app.CreateClient(), "10.0.0.2");
        Assert.Equal(HttpStatusCode.Created, (await Applicants.ApplyAsync(neighbour, Applicants.Body(program, Applicants.NewPerson()))).StatusCode);
    }

    [Fact]
    public async Task StatusChecksAreLimitedSooner()
    {
        var client = RateLimitedApp.From(app.CreateClient(), "10.0.1.1");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await client.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = "TNS-0000-0000", birthDate = "1990-01-01" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task TheStatusPageIsLimitedTooWithAPageInIndonesian()
    {
        var client = RateLimitedApp.From(await app.PageClientAsync(null), "2001:db8:1:2::10");
        var sameNetwork = RateLimitedApp.From(await app.PageClientAsync(null), "2001:db8:1:2::99");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            var from = i < 2 ? client : sameNetwork;
            answers.Add(await from.PostAsync("/Status", await TunasFactory.FormAsync(from, "/Status", new()
            {
                ["RegistrationNumber"] = "TNS-0000-0000",
                ["BirthDate"] = "1990-01-01",
            })));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.NotNull(answers[2].Headers.RetryAfter);
        Assert.Contains("Terlalu banyak permintaan dari alamat Anda.", await Applicants.TextAsync(answers[2]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInStaffAreNotLimited()
    {
        var program = await Applicants.ProgramAsync(app);
        var officer = RateLimitedApp.From(await app.ApiClientAsync(Roles.ProgramOfficer), "10.0.2.1");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await Applicants.ApplyAsync(officer, Applicants.Body(program, Applicants.NewPerson()))).StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a));
    }
}

[Collection(ApplicationsAppGroup.Name)]
public sealed class RateLimitOffTests(ApplicationsApp app)
{
    [Fact]
    public async Task WithRateLimitingOffNothingIsRefused()
    {
        var client = app.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            answers.Add((await client.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = "TNS-0000-0000", birthDate = "1990-01-01" })).StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a));
    }
}
