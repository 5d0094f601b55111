using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training.Participants;

/// <summary>Participants sign in without e-mail: the trainer's one-time code sets a 6-digit PIN; lockout and the same 401 (issue 13).</summary>
public sealed class ParticipantSignInTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private sealed record Placed(int Cohort, long Participant, string Login);

    private async Task<Placed> PlacedAsync(int providerId = 0)
    {
        var scenario = await app.PublishedAsync(1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, providerId == 0 ? app.ProviderA : providerId, "Masuk", 5, ProgramScenario.Today.AddDays(-1));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var row = await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort)
            .Join(db.Applications, p => p.ApplicationId, a => a.Id, (p, a) => new { p.Id, a.RegistrationNumber }).SingleAsync());
        return new Placed(cohort, row.Id, row.RegistrationNumber);
    }

    private async Task<string> CodeAsync(Placed placed, string role = Roles.ProviderStaff)
    {
        using var response = await (await app.ApiClientAsync(role)).PostAsync($"/api/v1/cohorts/{placed.Cohort}/participants/{placed.Participant}/sign-in-code", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(placed.Login, body.GetProperty("login").GetString());
        Assert.True(body.GetProperty("expiresAt").GetDateTime() > DateTime.UtcNow.AddDays(6));
        return body.GetProperty("code").GetString()!;
    }

    private Task<HttpResponseMessage> SignInAsync(string login, string pin, string? code = null) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/participant", new { login, pin, code });

    private Task<string?> PinHashAsync(Placed placed) =>
        app.DbAsync(db => db.Users.Where(u => u.UserName == placed.Login).Select(u => u.PasswordHash).SingleAsync());

    [Fact]
    public async Task PlacementCreatesTheAccountOnceAndTheCodeSetsThePinWhichAloneSignsInAfterwards()
    {
        var placed = await PlacedAsync();
        Assert.Equal(1, await app.DbAsync(db => db.Users.CountAsync(u => u.UserName == placed.Login)));
        Assert.NotNull(await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.Id == placed.Participant).Select(p => p.UserId).SingleAsync()));

        var code = await CodeAsync(placed);
        Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", code);
        Assert.DoesNotContain(code, await app.DbAsync(db => db.UserTokens.Select(t => t.Value).ToListAsync()), StringComparer.Ordinal);

        using var first = await SignInAsync(placed.Login.ToLowerInvariant(), "482915", code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var me = app.CreateClient();
        me.DefaultRequestHeaders.Authorization = new("Bearer", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/api/v1/me")).StatusCode);

        using var again = await SignInAsync(placed.Login, "482915");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "participant.pin-set" && a.ActorName == placed.Login)));
        var id = placed.Participant.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "participant.sign-in-code-issued" && a.EntityId == id)));
    }

    [Fact]
    public async Task ACodeWorksOnceAndANewCodeReplacesTheOld()
    {
        var placed = await PlacedAsync();
        var old = await CodeAsync(placed);
        var code = await CodeAsync(placed, Roles.ProgramOfficer);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(placed.Login, "482915", old)).StatusCode);
        Assert.Null(await PinHashAsync(placed));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "482915", code)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(placed.Login, "739104", code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "482915")).StatusCode);
    }

    [Fact]
    public async Task AnExpiredCodeIsRefused()
    {
        var placed = await PlacedAsync();
        var code = await CodeAsync(placed);
        await app.DbAsync(async db =>
        {
            var token = await db.UserTokens.Join(db.Users.Where(u => u.UserName == placed.Login), t => t.UserId, u => u.Id, (t, _) => t).SingleAsync();
            var value = token.Value!;
            token.Value = DateTime.UtcNow.AddMinutes(-1).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) + value[value.IndexOf(':', StringComparison.Ordinal)..];
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(placed.Login, "482915", code)).StatusCode);
        Assert.Null(await PinHashAsync(placed));
    }

    [Fact]
    public async Task AForgottenPinIsSetAgainWithANewCodeAndAudited()
    {
        var placed = await PlacedAsync();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "482915", await CodeAsync(placed))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "570362", await CodeAsync(placed))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(placed.Login, "482915")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "570362")).StatusCode);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "participant.pin-reset" && a.ActorName == placed.Login)));
    }

    [Theory]
    [InlineData("12345", "PIN harus tepat 6 angka")]
    [InlineData("12345a", "PIN harus tepat 6 angka")]
    [InlineData("1234567", "PIN harus tepat 6 angka")]
    [InlineData("000000", "terlalu mudah ditebak")]
    [InlineData("123456", "terlalu mudah ditebak")]
    [InlineData("987654", "terlalu mudah ditebak")]
    public async Task ABadPinIsToldInIndonesianAndStoresNothing(string pin, string words)
    {
        var placed = await PlacedAsync();
        var code = await CodeAsync(placed);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("id-ID");

        using var response = await client.PostAsJsonAsync("/api/v1/auth/participant", new { login = placed.Login, pin, code });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(words, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await PinHashAsync(placed));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "482915", code)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownLoginAWrongPinAndAWrongCodeGetTheSame401()
    {
        var placed = await PlacedAsync();
        var code = await CodeAsync(placed);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "482915", code)).StatusCode);

        var answers = new List<string>();
        foreach (var response in new[]
        {
            await SignInAsync("TNS-ZZZZ-ZZZZ", "482915"),
            await SignInAsync(placed.Login, "482916"),
            await SignInAsync(placed.Login, "482915", "ABCDEFGH"),
            await SignInAsync(TunasFactory.EmailOf(Roles.ProgramOfficer), "482915"),
        })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            // The same status and words; only the trace id differs between answers.
            var body = await response.Content.ReadAsStringAsync();
            answers.Add(body.Length == 0 ? "" : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!);
        }
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task WrongPinsLockTheAccountWhichOnlyTheRightPinLearnsAndANewCodeLifts()
    {
        var placed = await PlacedAsync();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "482915", await CodeAsync(placed))).StatusCode);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(placed.Login, "11112" + i)).StatusCode);
        }
        using var wrong = await SignInAsync(placed.Login, "111129");
        using var right = await SignInAsync(placed.Login, "482915");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain("locked", await wrong.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("title", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.DbAsync(db => db.Users.Where(u => u.UserName == placed.Login).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(placed.Login, "570362", await CodeAsync(placed))).StatusCode);
    }

    [Fact]
    public async Task WrongCodesCountTowardsTheLockout()
    {
        var placed = await PlacedAsync();
        var code = await CodeAsync(placed);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(placed.Login, "482915", "ABCDEFG" + (char)('A' + i))).StatusCode);
        }

        using var locked = await SignInAsync(placed.Login, "482915", code);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("title", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await PinHashAsync(placed));
    }

    [Fact]
    public async Task OnlyTheTrainersOfTheProviderAndOfficersGiveCodes()
    {
        var other = await PlacedAsync(app.ProviderB);
        var url = $"/api/v1/cohorts/{other.Cohort}/participants/{other.Participant}/sign-in-code";

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(Roles.ProviderStaff)).PostAsync(url, null)).StatusCode);
        foreach (var role in new[] { Roles.VillageOperator, Roles.Facilitator, Roles.Leadership, Roles.Participant })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(role)).PostAsync(url, null)).StatusCode);
        }
        using var participant = await app.ParticipantClientAsync(other.Participant);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.PostAsync(url, null)).StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.UserTokens.CountAsync(t => t.Name == "sign-in-code" && db.Users.Any(u => u.Id == t.UserId && u.UserName == other.Login))));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync(Roles.Administrator)).PostAsync(url, null)).StatusCode);
    }

    [Fact]
    public async Task ThePageSignsInWithACookieAndLandsOnMe()
    {
        var placed = await PlacedAsync();
        var code = await CodeAsync(placed);
        using var client = await app.PageClientAsync(null);
        var page = await client.GetStringAsync("/Account/Participant");
        var main = page.IndexOf("<main", StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page[main..page.IndexOf("</main>", main, StringComparison.Ordinal)], StringComparison.Ordinal);

        using var wrong = await client.PostAsync("/Account/Participant", await TunasFactory.FormAsync(client, "/Account/Participant",
            new() { ["Login"] = placed.Login, ["Pin"] = "482915", ["Code"] = "ABCDEFGH" }));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        using var signedIn = await client.PostAsync("/Account/Participant", await TunasFactory.FormAsync(client, "/Account/Participant",
            new() { ["Login"] = placed.Login, ["Pin"] = "482915", ["Code"] = code }));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/me", signedIn.Headers.Location?.OriginalString);
        var me = await client.GetStringAsync("/me");
        Assert.Contains(placed.Login, me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTrainersPageShowsACodeAndTheCohortSheetPrintsFreshOnes()
    {
        var placed = await PlacedAsync();
        using var trainer = await app.PageClientAsync(Roles.ProviderStaff);
        var details = $"/Training/{placed.Cohort}";

        using var shown = await trainer.PostAsync(details + "?handler=Code", await TunasFactory.FormAsync(trainer, details,
            new() { ["participantId"] = placed.Participant.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var html = await shown.Content.ReadAsStringAsync();
        var code = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"code\">([A-Z0-9]{8})<").Groups[1].Value;
        Assert.Equal(8, code.Length);

        using var sheet = await trainer.PostAsync(details + "/Codes", await TunasFactory.FormAsync(trainer, details + "/Codes", new()));
        var printed = await sheet.Content.ReadAsStringAsync();
        Assert.Contains("data-login=\"" + placed.Login + "\"", printed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(placed.Login, "482915", code)).StatusCode);
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "participant.sign-in-codes-printed" && a.EntityId == placed.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
