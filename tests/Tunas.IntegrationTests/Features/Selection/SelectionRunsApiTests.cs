using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Selection;

[Collection(SelectionAppGroup.Name)]
public sealed partial class SelectionRunsApiTests(SelectionApp app)
{
    /// <summary>Kelurahan 1: desil 1, 2, 3 for one seat of track A; kelurahan 2: desil 2 and an ineligible desil 8.</summary>
    private async Task<ProgramScenario> ArrangeAsync(Action<Tunas.Web.Features.Programs.TrainingProgram>? configure = null)
    {
        var s = await ProgramScenario.CreateAsync(app, configure);
        await s.QuotasAsync(app, (ProgramScenario.Village1, s.TrackA, 1), (ProgramScenario.Village2, s.TrackA, 1));
        await s.ApplyAsync(app, "v1d1", ProgramScenario.Village1, 1, s.TrackA);
        await s.ApplyAsync(app, "v1d2", ProgramScenario.Village1, 2, s.TrackA);
        await s.ApplyAsync(app, "v1d3", ProgramScenario.Village1, 3, s.TrackA);
        await s.ApplyAsync(app, "v2d2", ProgramScenario.Village2, 2, s.TrackA);
        await s.ApplyAsync(app, "v2d8", ProgramScenario.Village2, 8, s.TrackA);
        return s;
    }

    private static async Task<long> RunAsync(HttpClient client, ProgramScenario s)
    {
        var response = await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<Dictionary<string, JsonElement>> OutcomesAsync(HttpClient client, ProgramScenario s, long runId)
    {
        var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}");
        return run.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("registrationNumber").GetString()!);
    }

    private static string Number(ProgramScenario s, string key, Dictionary<string, JsonElement> outcomes) =>
        outcomes.Values.Single(o => o.GetProperty("applicationId").GetInt64() == s.Applicants[key].ApplicationId).GetProperty("registrationNumber").GetString()!;

    private static JsonElement Of(ProgramScenario s, string key, Dictionary<string, JsonElement> outcomes) => outcomes[Number(s, key, outcomes)];

    [Fact]
    public async Task ARunRanksThePoorestFirstInEachQuotaAndExplainsEveryOutcome()
    {
        var s = await ArrangeAsync();
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(client, s);
        var outcomes = await OutcomesAsync(client, s, runId);

        Assert.Equal(5, outcomes.Count);
        Assert.Equal("selected", Of(s, "v1d1", outcomes).GetProperty("outcome").GetString());
        Assert.Equal("waitlisted", Of(s, "v1d2", outcomes).GetProperty("outcome").GetString());
        Assert.Equal(1, Of(s, "v1d2", outcomes).GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(2, Of(s, "v1d3", outcomes).GetProperty("waitlistPosition").GetInt32());
        Assert.Equal("selected", Of(s, "v2d2", outcomes).GetProperty("outcome").GetString());
        var ineligible = Of(s, "v2d8", outcomes);
        Assert.Equal("ineligible", ineligible.GetProperty("outcome").GetString());
        var reasons = ineligible.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("desil-too-high", reasons);
        // Reasons come in Indonesian by default.
        Assert.Contains("desil", ineligible.GetProperty("reasons")[1].GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(Of(s, "v1d1", outcomes).GetProperty("score").GetInt32() > Of(s, "v1d2", outcomes).GetProperty("score").GetInt32());
        Assert.Equal(1, Of(s, "v1d1", outcomes).GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task ARunIsFrozenAndANewRunSupersedesTheDraft()
    {
        var s = await ArrangeAsync();
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var first = await RunAsync(client, s);
        var before = await OutcomesAsync(client, s, first);

        // The registry changes after the run: the first run keeps what it was given.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var id = s.Applicants["v1d3"].PersonId;
            await db.Persons.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.WelfareDecile, 1));
        }
        var again = await OutcomesAsync(client, s, first);
        Assert.Equal(Of(s, "v1d3", before).GetProperty("score").GetInt32(), Of(s, "v1d3", again).GetProperty("score").GetInt32());

        var second = await RunAsync(client, s);
        var runs = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{s.ProgramId}/selection-runs");
        var statuses = runs.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt64(), r => r.GetProperty("status").GetString());
        Assert.Equal("superseded", statuses[first]);
        Assert.Equal("draft", statuses[second]);
        var hashes = runs.EnumerateArray().Select(r => r.GetProperty("inputsHash").GetString()).Distinct().Count();
        Assert.Equal(2, hashes);
        var after = await OutcomesAsync(client, s, second);
        Assert.True(Of(s, "v1d3", after).GetProperty("score").GetInt32() > Of(s, "v1d3", before).GetProperty("score").GetInt32());

        var run = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{s.ProgramId}/selection-runs/{second}");
        Assert.Equal(2, run.GetProperty("run").GetProperty("number").GetInt32());
        Assert.Contains("maxDesil", run.GetProperty("settings").GetString(), StringComparison.Ordinal);
        Assert.Contains(ProgramScenario.Village1, run.GetProperty("quotas").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameInputsGiveTheSameHashAndTheSameResult()
    {
        var s = await ArrangeAsync();
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var a = await OutcomesAsync(client, s, await RunAsync(client, s));
        var b = await OutcomesAsync(client, s, await RunAsync(client, s));
        foreach (var (number, outcome) in a)
        {
            Assert.Equal(outcome.GetProperty("outcome").GetString(), b[number].GetProperty("outcome").GetString());
            Assert.Equal(outcome.GetProperty("rank").ToString(), b[number].GetProperty("rank").ToString());
        }
        var runs = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{s.ProgramId}/selection-runs");
        Assert.Single(runs.EnumerateArray().Select(r => r.GetProperty("inputsHash").GetString()).Distinct());
    }

    [Fact]
    public async Task PublishingTellsEveryApplicantOnceAndEndsReRuns()
    {
        var s = await ArrangeAsync();
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(client, s);
        var publish = await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var messages = await db.OutboxMessages.Where(m => m.ProgramId == s.ProgramId).ToListAsync();
            Assert.Equal(5, messages.Count);
            Assert.All(messages, m => Assert.Equal(MessageKind.SelectionResult, m.Kind));
            Assert.All(messages, m => Assert.DoesNotContain(s.Nik(app, "v1d1"), m.Body, StringComparison.Ordinal));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "selection.published" && e.EntityId == s.ProgramId.ToString(CultureInfo.InvariantCulture)));
        }

        var twice = await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var rerun = await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null);
        Assert.Equal(HttpStatusCode.Conflict, rerun.StatusCode);
        Assert.Contains("diumumkan", (await rerun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachApplicantSeesTheirOwnScoreAndReasonsOnceTheResultIsPublished()
    {
        var s = await ArrangeAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(officer, s);
        var outcomes = await OutcomesAsync(officer, s, runId);
        using var anonymous = app.CreateClient();
        object Ask(string key) => new { registrationNumber = Number(s, key, outcomes), birthDate = s.Applicants[key].BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

        var before = await (await anonymous.PostAsJsonAsync("/api/v1/public/applications/status", Ask("v1d1"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(before.TryGetProperty("selection", out var none) && none.ValueKind != JsonValueKind.Null, before.ToString());

        await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);
        var selected = await (await anonymous.PostAsJsonAsync("/api/v1/public/applications/status", Ask("v1d1"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(selected.TryGetProperty("selection", out var decision), selected.ToString());
        Assert.Equal("selected", decision.GetProperty("status").GetString());
        Assert.Equal(1, decision.GetProperty("rank").GetInt32());
        Assert.Equal(1000, decision.GetProperty("scoreBreakdown").GetProperty("desil").GetInt32());
        Assert.Equal(decision.GetProperty("score").GetInt32(), decision.GetProperty("scoreBreakdown").GetProperty("total").GetInt32());
        Assert.Contains("peringkat 1", decision.GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(decision.GetProperty("rules").EnumerateArray(), r => r.GetProperty("code").GetString() == "desil-allowed");

        var ineligible = await (await anonymous.PostAsJsonAsync("/api/v1/public/applications/status", Ask("v2d8"))).Content.ReadFromJsonAsync<JsonElement>();
        var rules = ineligible.GetProperty("selection").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("code").GetString() == "desil-too-high" && r.GetProperty("message").GetString()!.Contains("melebihi batas maksimal 4", StringComparison.Ordinal));

        await officer.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/applications/{s.Applicants["v1d1"].ApplicationId}/withdraw", new { reason = "pindah" });
        var promoted = await (await anonymous.PostAsJsonAsync("/api/v1/public/applications/status", Ask("v1d2"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("promoted", promoted.GetProperty("selection").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheResultIsNotPublishedWhileRegistrationIsOpen()
    {
        var s = await ArrangeAsync(p => p.RegistrationCloses = ProgramScenario.Today);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(client, s);
        var publish = await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        var runs = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{s.ProgramId}/selection-runs");
        Assert.Equal("draft", runs[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task AProgramWithoutQuotasCannotBeRun()
    {
        var s = await ProgramScenario.CreateAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kuota", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThePublicResultListShowsMaskedNiksAndInitialsOnly()
    {
        var s = await ArrangeAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/programs/{s.ProgramId}/results")).StatusCode);

        var runId = await RunAsync(officer, s);
        await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);
        var response = await anonymous.GetAsync($"/api/v1/public/programs/{s.ProgramId}/results");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var key in s.Applicants.Keys)
        {
            Assert.DoesNotContain(s.Nik(app, key), text, StringComparison.Ordinal);
            Assert.DoesNotContain("Warga " + key, text, StringComparison.Ordinal);
        }
        var rows = JsonDocument.Parse(text).RootElement.GetProperty("rows");
        Assert.Equal(5, rows.GetArrayLength());
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("name").GetString() == "W. V. U." && r.GetProperty("status").GetString() == "selected");
        Assert.All(rows.EnumerateArray(), r => Assert.Contains("••••", r.GetProperty("maskedNik").GetString(), StringComparison.Ordinal));
        // Per kelurahan: seats first, then the waitlist in order, then the rest.
        var village1 = rows.EnumerateArray().Where(r => r.GetProperty("villageCode").GetString() == ProgramScenario.Village1)
            .Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(["selected", "waitlisted", "waitlisted"], village1);
        var village2 = rows.EnumerateArray().Where(r => r.GetProperty("villageCode").GetString() == ProgramScenario.Village2)
            .Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(["selected", "ineligible"], village2);
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    public async Task OtherRolesCannotRunPublishWithdrawOrAnswer(string role)
    {
        var s = await ArrangeAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(officer, s);
        var client = await app.ApiClientAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/applications/{s.Applicants["v1d1"].ApplicationId}/withdraw", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/programs/{s.ProgramId}/appeals")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheReasonsOfARunAsTheyAreSent()
    {
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("OutcomeReasonDto").GetProperty("properties").TryGetProperty("text", out _));
        Assert.True(schemas.GetProperty("ReasonDto").GetProperty("properties").TryGetProperty("message", out _));
    }

    [Fact]
    public async Task TheAnonymousAreAskedToSignIn()
    {
        var s = await ArrangeAsync();
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null)).StatusCode);
    }

    [Fact]
    public async Task AnotherAgencysProgramIsNotFound()
    {
        int otherAgency;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var agency = new Agency { Name = "Dinas Sosial Kabupaten Lain", RegencyCode = "35.05" };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            otherAgency = agency.Id;
        }
        var s = await ProgramScenario.CreateAsync(app, agencyId: otherAgency);
        await s.QuotasAsync(app, (ProgramScenario.Village1, s.TrackA, 1));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/programs/{s.ProgramId}/selection-runs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/programs/{s.ProgramId}/appeals")).StatusCode);
    }
}
