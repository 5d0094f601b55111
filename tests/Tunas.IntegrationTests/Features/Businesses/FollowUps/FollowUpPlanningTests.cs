using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses.FollowUps;

/// <summary>Planning: four rounds per person from the end of training, drop-outs and the comparison group included, once.</summary>
public sealed class FollowUpPlanningTests(FollowUpApp app) : IClassFixture<FollowUpApp>
{
    private static readonly int[] Rounds = [1, 3, 6, 12];
    private static readonly long[] SomeRow = [1];
    [Fact]
    public async Task PlanningGivesEachGraduateAndComparisonApplicantFourRoundsFromTheEndOnce()
    {
        var program = await app.ProgramAsync(app.Today.AddDays(-10));
        var facilitator = await app.UserIdAsync(Roles.Facilitator);
        var withBusiness = program.Placed[^1];
        var business = await app.BusinessAsync(withBusiness, facilitator);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var first = await (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(program.Placed.Count * 4, first.GetProperty("participants").GetInt32());
        Assert.Equal(program.Comparison.Count * 4, first.GetProperty("comparison").GetInt32());
        Assert.NotEmpty(program.Comparison);

        var rows = await app.DbAsync(db => db.Set<FollowUp>().AsNoTracking().Where(f => f.ProgramId == program.ProgramId).ToListAsync());
        Assert.Equal((program.Placed.Count + program.Comparison.Count) * 4, rows.Count);
        foreach (var person in program.Placed.Concat(program.Comparison))
        {
            var mine = rows.Where(r => r.PersonId == person).OrderBy(r => r.MonthsAfter).ToList();
            Assert.Equal(Rounds, mine.Select(r => r.MonthsAfter));
            Assert.Equal(Rounds.Select(m => program.EndsOn.AddMonths(m)), mine.Select(r => r.DueOn));
            Assert.All(mine, r => Assert.Equal(FollowUpStatus.Due, r.Status));
        }
        Assert.Equal(4, rows.Count(r => r.PersonId == program.DroppedOut && r.Group == FollowUpGroup.Participant));
        Assert.All(rows.Where(r => program.Comparison.Contains(r.PersonId)), r => Assert.Equal(FollowUpGroup.Comparison, r.Group));
        Assert.All(rows.Where(r => r.PersonId == withBusiness), r => Assert.Equal((facilitator, (long?)business), (r.FacilitatorId, r.BusinessId)));
        Assert.All(rows.Where(r => r.PersonId != withBusiness), r => Assert.Null(r.FacilitatorId));
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "followup.planned")));

        var again = await (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0), (again.GetProperty("participants").GetInt32(), again.GetProperty("comparison").GetInt32()));
        Assert.Equal(rows.Count, await app.DbAsync(db => db.Set<FollowUp>().CountAsync(f => f.ProgramId == program.ProgramId)));
    }

    [Fact]
    public async Task ABusinessStartedAfterPlanningBringsItsFacilitatorToTheOpenRows()
    {
        var program = await app.ProgramAsync(app.Today.AddDays(-10));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).EnsureSuccessStatusCode();
        var facilitator = await app.UserIdAsync(Roles.Facilitator);
        await app.BusinessAsync(program.Placed[^1], facilitator);

        var again = await (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(4, again.GetProperty("assigned").GetInt32());
        Assert.Equal(4, await app.DbAsync(db => db.Set<FollowUp>().CountAsync(f => f.ProgramId == program.ProgramId && f.FacilitatorId == facilitator)));
    }

    [Fact]
    public async Task NothingIsPlannedBeforeTheEndAndTheComparisonWaitsForTheLastCohort()
    {
        var program = await app.ProgramAsync(app.Today);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var early = await (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0), (early.GetProperty("participants").GetInt32(), early.GetProperty("comparison").GetInt32()));

        // The first cohort ended; a second one of the program has not: graduates are planned, the comparison group not yet.
        await app.DbAsync(async db =>
        {
            var cohort = await db.Set<Cohort>().SingleAsync(c => c.Id == program.CohortId);
            cohort.EndsOn = app.Today.AddDays(-1);
            db.Add(new Cohort
            {
                AgencyId = cohort.AgencyId,
                ProgramId = cohort.ProgramId,
                TrackId = cohort.TrackId,
                ProviderId = cohort.ProviderId,
                Name = "Angkatan Kedua",
                Place = "Aula",
                StartsOn = app.Today.AddDays(5),
                EndsOn = app.Today.AddDays(12),
                Capacity = 10,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var later = await (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((program.Placed.Count * 4, 0), (later.GetProperty("participants").GetInt32(), later.GetProperty("comparison").GetInt32()));
    }

    [Fact]
    public async Task OnlyOfficersPlanAndAssign()
    {
        var program = await app.ProgramAsync(app.Today.AddDays(-10));
        foreach (var role in new[] { Roles.Facilitator, Roles.VillageOperator, Roles.Participant, Roles.Leadership, Roles.ProviderStaff })
        {
            var client = await app.ApiClientAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/followups/assign", new { followUpIds = SomeRow, facilitatorId = "x" })).StatusCode);
        }
        Assert.Equal(0, await app.DbAsync(db => db.Set<FollowUp>().CountAsync(f => f.ProgramId == program.ProgramId)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(Roles.ProgramOfficer)).PostAsync("/api/v1/programs/999999/followups/plan", null)).StatusCode);
    }

    [Fact]
    public async Task AnOfficerAssignsManyAtOnceToAFacilitatorOfTheAgencyOnly()
    {
        var program = await app.ProgramAsync(app.Today.AddDays(-10));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).EnsureSuccessStatusCode();
        var ids = await app.DbAsync(db => db.Set<FollowUp>().Where(f => f.ProgramId == program.ProgramId && f.Group == FollowUpGroup.Comparison).Select(f => f.Id).ToListAsync());

        var refused = await officer.PostAsJsonAsync("/api/v1/followups/assign", new { followUpIds = ids, facilitatorId = await app.UserIdAsync(Roles.VillageOperator) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("pendamping", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.DbAsync(db => db.Set<FollowUp>().CountAsync(f => ids.Contains(f.Id) && f.FacilitatorId != null)));

        var facilitator = await app.UserIdAsync(Roles.Facilitator);
        var assigned = await officer.PostAsJsonAsync("/api/v1/followups/assign", new { followUpIds = ids, facilitatorId = facilitator });
        Assert.Equal(ids.Count, (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(ids.Count, await app.DbAsync(db => db.Set<FollowUp>().CountAsync(f => ids.Contains(f.Id) && f.FacilitatorId == facilitator)));
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "followup.assigned")));
    }
}
