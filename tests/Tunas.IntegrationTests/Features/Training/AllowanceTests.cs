using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Features.Shared.Exports;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Allowances;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

/// <summary>The transport allowance (issue 13): attended days × the program's amount, the SPJ list, and its payment.</summary>
public sealed class AllowanceTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private const long PerDay = 50_000;

    /// <summary>
    /// Two participants, four sessions over three days (two on the first day). P0: present and late on day 1 (one
    /// day), present then corrected to absent on day 2 (none), late on day 3: 2 days. P1: excused, absent, present: 1 day.
    /// </summary>
    private async Task<(ProgramScenario Scenario, int Cohort, long P0, long P1)> MarkedAsync(int providerId)
    {
        var scenario = await app.PublishedAsync(2);
        var start = ProgramScenario.Today.AddDays(-2);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, providerId, "Transport", 5, start);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        var (people, sessions) = await app.DbAsync(async db =>
        {
            var program = await db.Programs.SingleAsync(p => p.Id == scenario.ProgramId);
            program.TransportPerDay = PerDay;
            db.Set<CohortSession>().RemoveRange(db.Set<CohortSession>().Where(s => s.CohortId == cohort));
            var made = new[] { start, start, start.AddDays(1), start.AddDays(2) }.Select((d, i) => new CohortSession
            {
                AgencyId = program.AgencyId,
                CohortId = cohort,
                Date = d,
                Title = "Sesi " + i,
                Hours = 4,
                SortOrder = i,
            }).ToList();
            db.AddRange(made);
            await db.SaveChangesAsync();
            var placed = await db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).OrderBy(p => p.ApplicationId).Select(p => p.Id).ToListAsync();
            return (placed, made.Select(s => s.Id).ToList());
        });
        var (p0, p1) = (people[0], people[1]);
        async Task Mark(int session, long participant, string status) =>
            (await officer.PutAsJsonAsync($"/api/v1/cohorts/{cohort}/sessions/{sessions[session]}/attendance",
                new[] { new { participantId = participant, status, clientId = Guid.NewGuid().ToString("N") } })).EnsureSuccessStatusCode();
        await Mark(0, p0, "present");
        await Mark(1, p0, "late");
        await Mark(2, p0, "present");
        await Mark(2, p0, "absent");
        await Mark(3, p0, "late");
        await Mark(0, p1, "excused");
        await Mark(2, p1, "absent");
        await Mark(3, p1, "present");
        return (scenario, cohort, p0, p1);
    }

    [Fact]
    public async Task LateCountsAbsentAndExcusedDoNotAndTwoSessionsOnOneDayAreOneDay()
    {
        var (_, cohort, p0, p1) = await MarkedAsync(app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);

        var sheet = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{cohort}/allowances");

        var rows = sheet.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("participantId").GetInt64());
        Assert.Equal(2, rows[p0].GetProperty("days").GetInt32());
        Assert.Equal(2 * PerDay, rows[p0].GetProperty("amount").GetInt64());
        Assert.Equal(1, rows[p1].GetProperty("days").GetInt32());
        Assert.Equal(3 * PerDay, sheet.GetProperty("total").GetInt64());
        Assert.Equal(3, sheet.GetProperty("totalDays").GetInt32());
    }

    [PdfToTextFact]
    public async Task ThePayoutListShowsMaskedNiksOnlyAndTheTotalInRupiah()
    {
        var (scenario, cohort, _, _) = await MarkedAsync(app.ProviderA);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.GetAsync($"/api/v1/cohorts/{cohort}/allowances/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await ExportFiles.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(text);
        foreach (var who in (string[])["p0", "p1"])
        {
            var nik = scenario.Nik(app, who);
            Assert.DoesNotContain(nik, text, StringComparison.Ordinal);
            Assert.Contains(Tunas.Web.Features.Shared.Nik.Mask(nik), text, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(@"\d{16}", text);
        Assert.Contains("Rp 150.000", text, StringComparison.Ordinal);
        Assert.Contains("Mengetahui", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerMarksTheListPaidOnceAndItCountsInTheProgramsSpending()
    {
        var (scenario, cohort, _, _) = await MarkedAsync(app.ProviderA);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var url = $"/api/v1/cohorts/{cohort}/allowances/paid";

        var future = await officer.PostAsJsonAsync(url, new { paidOn = DateText.Iso(ProgramScenario.Today.AddDays(1)) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("tidak boleh setelah hari ini", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<AllowancePayment>().CountAsync(p => p.CohortId == cohort)));

        var paid = await officer.PostAsJsonAsync(url, new { paidOn = DateText.Iso(ProgramScenario.Today) });
        var again = await officer.PostAsJsonAsync(url, new { paidOn = DateText.Iso(ProgramScenario.Today) });
        var kits = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{scenario.ProgramId}/kits");

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("sudah ditandai dibayar", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var money = kits.GetProperty("money");
        Assert.Equal(3 * PerDay, money.GetProperty("transportPaid").GetInt64());
        Assert.Equal(150_000_000 - (3 * PerDay), money.GetProperty("remaining").GetInt64());
        Assert.Equal(1, await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "allowance.paid" && a.EntityId == cohort.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData(Roles.ProviderStaff)] // a trainer of another provider
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.Participant)]
    public async Task OnlyOfficersAndTheCohortsOwnProviderSeeTheAllowance(string role)
    {
        var (_, cohort, p0, _) = await MarkedAsync(app.ProviderB);
        var client = role == Roles.Participant ? await app.ParticipantClientAsync(p0) : await app.ApiClientAsync(role);

        var read = await client.GetAsync($"/api/v1/cohorts/{cohort}/allowances");
        var pdf = await client.GetAsync($"/api/v1/cohorts/{cohort}/allowances/pdf");
        var paid = await client.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/allowances/paid", new { paidOn = DateText.Iso(ProgramScenario.Today) });

        var expected = role == Roles.ProviderStaff ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        Assert.Equal(expected, read.StatusCode);
        Assert.Equal(expected, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, paid.StatusCode);
        Assert.Equal(0, await app.DbAsync(db => db.Set<AllowancePayment>().CountAsync(p => p.CohortId == cohort)));
    }

    [Fact]
    public async Task TheCohortsOwnTrainerSeesTheListButCannotMarkItPaid()
    {
        var (_, cohort, _, _) = await MarkedAsync(app.ProviderA);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var pages = await app.PageClientAsync(Roles.ProviderStaff);

        var page = await pages.GetAsync($"/Training/{cohort}/Allowances");
        var paid = await staff.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/allowances/paid", new { paidOn = DateText.Iso(ProgramScenario.Today) });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Uang transport", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, paid.StatusCode);
    }
}
