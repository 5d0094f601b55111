using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Selection;

namespace Tunas.IntegrationTests.Features.Applications;

[Collection(ApplicationsAppGroup.Name)]
public sealed class StatusTests(ApplicationsApp app)
{
    private const string ScoreJson = """{"desil":900,"femaleHeadedHousehold":10,"disability":0,"noEarner":6,"householdSize":3,"youth":0,"women":10,"total":929}""";

    private const string ReasonsJson = """[{"code":"waitlisted","message":"On the waitlist at position {0} (rank {1} in their own quota).","args":["2","7"]}]""";

    private const string RulesJson = """
        [{"rule":"age","status":"passed","code":"age-allowed","message":"The age on {0} is within the program's range.","args":["2025-10-23"]},
         {"rule":"desil","status":"passed","code":"desil-allowed","message":"The welfare decile (desil) is at most {0}.","args":["4"]},
         {"rule":"secondTrack","status":"notApplied","code":"no-second-choice","message":"No second choice.","args":[]}]
        """;

    [Fact]
    public async Task TheApplicantSeesTheirApplicationWithNumberAndBirthDate()
    {
        var (program, person, number) = await AppliedAsync();

        var response = await StatusAsync(number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), person.BirthIso);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Applicants.JsonAsync(response);
        Assert.Equal(number, body.GetProperty("registrationNumber").GetString());
        Assert.Equal("submitted", body.GetProperty("status").GetString());
        Assert.Equal(program.Name, body.GetProperty("programName").GetString());
        Assert.Equal("Jajanan", body.GetProperty("firstTrack").GetProperty("name").GetString());
        Assert.Equal("Menjahit Kaos Konveksi", body.GetProperty("secondTrack").GetProperty("name").GetString());
        Assert.Contains(body.GetProperty("checks").EnumerateArray(), c => c.GetProperty("message").GetString() == "NIK valid.");
        Assert.Equal(JsonValueKind.Null, body.GetProperty("selection").ValueKind);
        Assert.DoesNotContain(person.Nik, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongBirthDateGetsTheSameAnswerAsAWrongNumber()
    {
        var (_, person, number) = await AppliedAsync();

        var wrongBirth = await StatusAsync(number, person.Birth.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var wrongNumber = await StatusAsync("TNS-0000-0000", person.BirthIso);
        var malformed = await StatusAsync("bukan nomor", person.BirthIso);

        Assert.Equal(HttpStatusCode.NotFound, wrongBirth.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongNumber.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        var a = await wrongBirth.Content.ReadAsStringAsync();
        var b = await wrongNumber.Content.ReadAsStringAsync();
        Assert.Equal(Without(a, "traceId"), Without(b, "traceId"));
        Assert.Contains("Tidak ada pendaftaran dengan nomor pendaftaran dan tanggal lahir ini.", a, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFieldsAreFieldErrors()
    {
        var response = await StatusAsync(null, "31-02-1990");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Applicants.JsonAsync(response)).GetProperty("errors");
        Assert.Equal("Isi nomor pendaftaran.", errors.GetProperty("registrationNumber")[0].GetString());
        Assert.True(errors.TryGetProperty("birthDate", out _));
    }

    [Fact]
    public async Task APublishedSelectionShowsTheDecisionRankScoreAndReasonsInIndonesian()
    {
        var (program, person, number) = await AppliedAsync();
        await RunAsync(program.Id, number, SelectionRunStatus.Published, DecisionStatus.Waitlisted, program.Tracks[0]);

        var body = await Applicants.JsonAsync(await StatusAsync(number, person.BirthIso));

        var selection = body.GetProperty("selection");
        Assert.Equal("waitlisted", selection.GetProperty("status").GetString());
        Assert.Equal(7, selection.GetProperty("rank").GetInt32());
        Assert.Equal(2, selection.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(929, selection.GetProperty("score").GetInt32());
        var breakdown = selection.GetProperty("scoreBreakdown");
        Assert.Equal(900, breakdown.GetProperty("desil").GetInt32());
        Assert.Equal(10, breakdown.GetProperty("femaleHeadedHousehold").GetInt32());
        Assert.Equal(929, breakdown.GetProperty("total").GetInt32());
        var reason = selection.GetProperty("reasons")[0];
        Assert.Equal("waitlisted", reason.GetProperty("code").GetString());
        Assert.DoesNotContain("{0}", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("2", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        var rules = selection.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["age", "desil", "secondTrack"], rules.Select(r => r.GetProperty("rule").GetString()));
        Assert.Equal("notApplied", rules[2].GetProperty("status").GetString());
        Assert.Contains("2025-10-23", rules[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraftSelectionIsNotShown()
    {
        var (program, person, number) = await AppliedAsync();
        await RunAsync(program.Id, number, SelectionRunStatus.Draft, DecisionStatus.Selected, program.Tracks[0]);

        var body = await Applicants.JsonAsync(await StatusAsync(number, person.BirthIso));

        Assert.Equal(JsonValueKind.Null, body.GetProperty("selection").ValueKind);
    }

    [Fact]
    public async Task TheStatusPageTakesNumberAndBirthDateByPostAndShowsTheResult()
    {
        var (program, person, number) = await AppliedAsync();
        await RunAsync(program.Id, number, SelectionRunStatus.Published, DecisionStatus.Promoted, program.Tracks[0]);
        var client = await app.PageClientAsync(null);

        var page = await client.GetStringAsync("/Status");
        var response = await client.PostAsync("/Status", await TunasFactory.FormAsync(client, "/Status", new()
        {
            ["RegistrationNumber"] = number,
            ["BirthDate"] = person.BirthIso,
        }));

        Applicants.AssertFormHasToken(page, "/Status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Applicants.TextAsync(response);
        Assert.Contains("Terpilih dari daftar tunggu", html, StringComparison.Ordinal);
        Assert.Contains(program.Name, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"score-breakdown\"", html, StringComparison.Ordinal);
        Assert.Contains("Desil kesejahteraan", html, StringComparison.Ordinal);
        Assert.Contains("terpenuhi", html, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Nik, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatusPageSaysTheSameForAWrongBirthDate()
    {
        var (_, person, number) = await AppliedAsync();
        var client = await app.PageClientAsync(null);

        var response = await client.PostAsync("/Status", await TunasFactory.FormAsync(client, "/Status", new()
        {
            ["RegistrationNumber"] = number,
            ["BirthDate"] = person.Birth.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));

        var html = await Applicants.TextAsync(response);
        Assert.Contains("data-testid=\"not-found\"", html, StringComparison.Ordinal);
        Assert.Contains("Tidak ada pendaftaran dengan nomor pendaftaran dan tanggal lahir ini.", html, StringComparison.Ordinal);
    }

    private async Task<(Applicants.Program Program, Applicants.Person Person, string Number)> AppliedAsync()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var number = await Applicants.NumberAsync(await Applicants.ApplyAsync(app.CreateClient(), Applicants.Body(program, person)));
        return (program, person, number);
    }

    private Task<HttpResponseMessage> StatusAsync(string? number, string? birthDate) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = number, birthDate });

    private async Task RunAsync(int programId, string number, SelectionRunStatus status, DecisionStatus decision, int trackId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.RegistrationNumber == number);
        var run = new SelectionRun
        {
            AgencyId = application.AgencyId,
            ProgramId = programId,
            Number = 1 + await db.SelectionRuns.CountAsync(r => r.ProgramId == programId),
            Status = status,
            RunAt = DateTime.UtcNow,
            RunById = "uji",
            RunByName = "Petugas Uji",
            ReferenceDate = new DateOnly(2025, 10, 23),
            Seed = "uji",
            SettingsJson = "{}",
            QuotasJson = "[]",
            InputsHash = new string('0', 64),
            PublishedAt = status == SelectionRunStatus.Published ? DateTime.UtcNow : null,
        };
        db.SelectionRuns.Add(run);
        await db.SaveChangesAsync();
        db.SelectionDecisions.Add(new SelectionDecision
        {
            AgencyId = application.AgencyId,
            RunId = run.Id,
            ApplicationId = application.Id,
            RegistrationNumber = number,
            VillageCode = application.VillageCode,
            QuotaRegion = application.VillageCode,
            TrackId = trackId,
            Outcome = SelectionOutcome.Waitlisted,
            Status = decision,
            Rank = 7,
            WaitlistPosition = 2,
            Score = 929,
            ScoreJson = ScoreJson,
            RulesJson = RulesJson,
            ReasonsJson = ReasonsJson,
            InputJson = "{}",
        });
        await db.SaveChangesAsync();
    }

    private static string Without(string json, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove(property);
        return node.ToJsonString();
    }
}
