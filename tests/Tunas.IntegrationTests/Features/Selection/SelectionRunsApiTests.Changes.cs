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

/// <summary>After publication: withdrawals, promotion from the waitlist and appeals.</summary>
public sealed partial class SelectionRunsApiTests
{
    [Fact]
    public async Task AWithdrawalPromotesTheFirstOnTheWaitlistAndTellsThem()
    {
        var s = await ArrangeAsync();
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(client, s);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null)).StatusCode);
        var outcomes = await OutcomesAsync(client, s, runId);

        var withdraw = await client.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/applications/{s.Applicants["v1d1"].ApplicationId}/withdraw", new { reason = "Pindah kerja" });
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        var promoted = (await withdraw.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("promotedRegistrationNumber").GetString();
        Assert.Equal(Number(s, "v1d2", outcomes), promoted);

        var now = await OutcomesAsync(client, s, runId);
        Assert.Equal("withdrawn", Of(s, "v1d1", now).GetProperty("status").GetString());
        Assert.Equal("promoted", Of(s, "v1d2", now).GetProperty("status").GetString());
        Assert.Equal("waitlisted", Of(s, "v1d3", now).GetProperty("status").GetString());
        // The frozen outcome stays what the run decided.
        Assert.Equal("selected", Of(s, "v1d1", now).GetProperty("outcome").GetString());

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ProgramId == s.ProgramId && m.Kind == MessageKind.Promotion));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "selection.promoted"));
        }

        var again = await client.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/applications/{s.Applicants["v1d1"].ApplicationId}/withdraw", new { reason = "lagi" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The promoted one withdraws too: the next in line moves up.
        var next = await client.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/applications/{s.Applicants["v1d2"].ApplicationId}/withdraw", new { reason = "sakit" });
        Assert.Equal(Number(s, "v1d3", outcomes), (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("promotedRegistrationNumber").GetString());
    }

    [Fact]
    public async Task AWaitlistedWithdrawalPromotesNobody()
    {
        var s = await ArrangeAsync();
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(client, s);
        await client.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);
        var withdraw = await client.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/applications/{s.Applicants["v1d2"].ApplicationId}/withdraw", new { reason = "x" });
        Assert.Equal(JsonValueKind.Null, (await withdraw.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("promotedRegistrationNumber").ValueKind);
        var now = await OutcomesAsync(client, s, runId);
        Assert.Equal("selected", Of(s, "v1d1", now).GetProperty("status").GetString());
        Assert.Equal("waitlisted", Of(s, "v1d3", now).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnAppealInTheWindowIsAnsweredAndMayChangeTheResult()
    {
        var s = await ArrangeAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(officer, s);
        await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);
        var outcomes = await OutcomesAsync(officer, s, runId);
        var number = Number(s, "v2d8", outcomes);
        var birth = s.Applicants["v2d8"].BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var anonymous = app.CreateClient();

        var wrongBirth = await anonymous.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = number, birthDate = "2001-01-01", text = "Data desil saya sudah diperbarui kelurahan." });
        Assert.Equal(HttpStatusCode.NotFound, wrongBirth.StatusCode);
        var tooShort = await anonymous.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = number, birthDate = birth, text = "salah" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);

        var lodged = await anonymous.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = number.ToLowerInvariant(), birthDate = birth, text = "Data desil saya sudah diperbarui kelurahan." });
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        var appealId = (await lodged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var twice = await anonymous.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = number, birthDate = birth, text = "Data desil saya sudah diperbarui kelurahan." });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        var list = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{s.ProgramId}/appeals");
        Assert.Equal("open", list[0].GetProperty("status").GetString());
        Assert.Equal("ineligible", list[0].GetProperty("currentStatus").GetString());

        var noText = await officer.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/appeals/{appealId}/answer", new { upheld = true, answer = " ", newStatus = "selected" });
        Assert.Equal(HttpStatusCode.Conflict, noText.StatusCode);
        var answered = await officer.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/appeals/{appealId}/answer", new { upheld = true, answer = "Desil Anda 3 menurut DTSEN terbaru.", newStatus = "selected" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var again = await officer.PostAsJsonAsync($"/api/v1/programs/{s.ProgramId}/appeals/{appealId}/answer", new { upheld = false, answer = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var now = await OutcomesAsync(officer, s, runId);
        Assert.Equal("selected", Of(s, "v2d8", now).GetProperty("status").GetString());
        Assert.Equal("ineligible", Of(s, "v2d8", now).GetProperty("outcome").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ProgramId == s.ProgramId && m.Kind == MessageKind.AppealAnswer));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "appeal.answered" && e.EntityId == s.Applicants["v2d8"].ApplicationId.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task AnAppealOutsideTheWindowOrBeforePublicationIsRefused()
    {
        var closed = await ArrangeAsync(p => { p.AppealOpens = ProgramScenario.Today.AddDays(-10); p.AppealCloses = ProgramScenario.Today.AddDays(-1); });
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var runId = await RunAsync(officer, closed);
        using var anonymous = app.CreateClient();
        var outcomes = await OutcomesAsync(officer, closed, runId);
        var body = new { registrationNumber = Number(closed, "v1d3", outcomes), birthDate = closed.Applicants["v1d3"].BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text = "Saya keberatan dengan hasil ini." };

        var beforePublication = await anonymous.PostAsJsonAsync("/api/v1/public/appeals", body);
        Assert.Equal(HttpStatusCode.BadRequest, beforePublication.StatusCode);
        Assert.Contains("belum diumumkan", (await beforePublication.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);

        await officer.PostAsync($"/api/v1/programs/{closed.ProgramId}/selection-runs/{runId}/publish", null);
        var afterWindow = await anonymous.PostAsJsonAsync("/api/v1/public/appeals", body);
        Assert.Equal(HttpStatusCode.BadRequest, afterWindow.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var id = closed.Applicants["v1d3"].ApplicationId;
        Assert.False(await db.Appeals.AnyAsync(a => a.ApplicationId == id));
    }
}
