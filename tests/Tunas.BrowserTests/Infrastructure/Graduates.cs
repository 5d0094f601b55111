using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.BrowserTests.Infrastructure;

/// <summary>
/// The steps after training that the business and impact journeys share, on a <see cref="ProgramScenario"/>: a selection
/// published through the API, and a cohort of track A that has ended, written in the database (the API refuses a
/// cohort in the past), holding the placed applications.
/// </summary>
internal static class Graduates
{
    /// <summary>Runs and publishes the program's selection as a program officer; the applications it selected.</summary>
    public static async Task<List<long>> SelectAsync(BrowserAppFactory app, ProgramScenario scenario)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var run = await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/selection-runs", null);
        var runId = (await run.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/selection-runs/{runId}/publish", null)).EnsureSuccessStatusCode();
        return await DbAsync(app, db => db.SelectionDecisions.Where(d => d.RunId == runId && d.Status == DecisionStatus.Selected)
            .OrderBy(d => d.ApplicationId).Select(d => d.ApplicationId).ToListAsync());
    }

    /// <summary>A week-long cohort of track A that ended on <paramref name="endsOn"/>, with the applications placed in it; its id.</summary>
    public static Task<int> CohortAsync(BrowserAppFactory app, ProgramScenario scenario, DateOnly endsOn, IEnumerable<long> applications) => DbAsync(app, async db =>
    {
        var agency = await db.Programs.Where(p => p.Id == scenario.ProgramId).Select(p => p.AgencyId).SingleAsync();
        var now = DateTime.UtcNow;
        var provider = new Provider { AgencyId = agency, Name = "LPK Lulusan " + scenario.ProgramId, Capacity = 40, CreatedAt = now };
        db.Add(provider);
        await db.SaveChangesAsync();
        var cohort = new Cohort
        {
            AgencyId = agency,
            ProgramId = scenario.ProgramId,
            TrackId = scenario.TrackA,
            ProviderId = provider.Id,
            Name = "Angkatan Lulusan " + scenario.ProgramId,
            Place = "Aula",
            StartsOn = endsOn.AddDays(-7),
            EndsOn = endsOn,
            Capacity = 40,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(cohort);
        await db.SaveChangesAsync();
        db.AddRange(applications.Select(a => new CohortParticipant { AgencyId = agency, CohortId = cohort.Id, ApplicationId = a, PlacedAt = now }));
        await db.SaveChangesAsync();
        return cohort.Id;
    });

    public static async Task<T> DbAsync<T>(BrowserAppFactory app, Func<TunasDb, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }
}
