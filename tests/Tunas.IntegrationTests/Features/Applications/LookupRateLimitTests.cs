using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Applications;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>The limits of the lookups by registration number and birth date (status, appeal): per address and per number.</summary>
public sealed class LookupRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private static object Appeal(string number) => new { registrationNumber = number, birthDate = "1990-01-01", text = "Saya keberatan dengan hasil seleksi ini." };

    [Fact]
    public async Task AppealsAreLimitedPerAddressWith429AndRetryAfter()
    {
        var client = RateLimitedApp.From(app.CreateClient(), "10.0.3.1");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/v1/public/appeals", Appeal(RegistrationNumbers.New())));
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.True(answers[2].Headers.RetryAfter?.Delta?.TotalSeconds >= 1, answers[2].Headers.RetryAfter?.ToString());
        Assert.StartsWith("Terlalu banyak permintaan dari alamat Anda.", (await Applicants.JsonAsync(answers[2])).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppealPageIsLimitedPerAddressToo()
    {
        var client = RateLimitedApp.From(await app.PageClientAsync(null), "10.0.3.2");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.PostAsync("/Appeal", await TunasFactory.FormAsync(client, "/Appeal", new()
            {
                ["RegistrationNumber"] = RegistrationNumbers.New(),
                ["BirthDate"] = "01/01/1990",
                ["Text"] = "Saya keberatan dengan hasil seleksi ini.",
            })));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.NotNull(answers[2].Headers.RetryAfter);
    }

    [Fact]
    public async Task ANumberIsLimitedAcrossAddressesAndForStaffToo()
    {
        var number = RegistrationNumbers.New();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            var client = RateLimitedApp.From(app.CreateClient(), string.Create(CultureInfo.InvariantCulture, $"10.0.4.{i + 1}"));
            answers.Add(i % 2 == 0
                ? await client.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = number, birthDate = "1990-01-01" })
                : await client.PostAsJsonAsync("/api/v1/public/appeals", Appeal(number.ToLowerInvariant())));
        }
        var officer = RateLimitedApp.From(await app.ApiClientAsync(Roles.ProgramOfficer), "10.0.4.50");
        var byOfficer = await officer.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = number, birthDate = "1990-01-01" });
        var page = RateLimitedApp.From(await app.PageClientAsync(null), "10.0.4.60");
        var byPage = await page.PostAsync("/Status", await TunasFactory.FormAsync(page, "/Status", new() { ["RegistrationNumber"] = number, ["BirthDate"] = "01/01/1990" }));

        Assert.All(answers.Take(4), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[4].StatusCode);
        Assert.True(answers[4].Headers.RetryAfter?.Delta?.TotalSeconds >= 60, answers[4].Headers.RetryAfter?.ToString());
        Assert.StartsWith("Terlalu banyak percobaan untuk nomor pendaftaran ini.", (await Applicants.JsonAsync(answers[4])).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, byPage.StatusCode);
        Assert.Contains("Terlalu banyak percobaan untuk nomor pendaftaran ini.", await Applicants.TextAsync(byPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAreExemptFromThePerAddressLimitOfLookups()
    {
        var officer = RateLimitedApp.From(await app.ApiClientAsync(Roles.ProgramOfficer), "10.0.5.1");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await officer.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = RegistrationNumbers.New(), birthDate = "1990-01-01" })).StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a));
    }

    [Fact]
    public async Task AParticipantsAccountIsLimitedLikeThePublic()
    {
        var program = await Applicants.ProgramAsync(app);
        var participant = RateLimitedApp.From(await app.ApiClientAsync(Roles.Participant), "10.0.6.1");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await Applicants.ApplyAsync(participant, Applicants.Body(program, Applicants.NewPerson()))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers);
    }
}
