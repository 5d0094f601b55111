using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses.FollowUps;

/// <summary>A program after its selection: who was placed in its cohort, who was waitlisted or not selected.</summary>
public sealed record FollowUpProgram(int ProgramId, int CohortId, DateOnly EndsOn, IReadOnlyList<long> Placed, IReadOnlyList<long> Comparison, long DroppedOut);

/// <summary>
/// The app for the follow-up tests, on a clock that moves only when told (it starts at the real time, and bearer
/// tokens live long enough for the days a test moves it).
/// </summary>
public sealed class FollowUpApp : TunasFactory, IAsyncLifetime
{
    public FollowUpApp()
    {
        Settings["RateLimiting:Enabled"] = "false";
        Settings["Auth:TokenLifetimeHours"] = "2000";
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public DateOnly Today => Clock.TodayInIndonesia();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    async Task IAsyncLifetime.InitializeAsync() => await InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>
    /// A program with six applicants for two seats, selected and published through the API; the selected are placed
    /// in a cohort that ends on <paramref name="endsOn"/>, the first of them dropped out.
    /// </summary>
    public async Task<FollowUpProgram> ProgramAsync(DateOnly endsOn)
    {
        var scenario = await ProgramScenario.CreateAsync(this);
        await scenario.QuotasAsync(this, (ProgramScenario.Village1, null, 2));
        for (var i = 0; i < 6; i++)
        {
            await scenario.ApplyAsync(this, "a" + i, ProgramScenario.Village1, 2, scenario.TrackA);
        }
        var officer = await ApiClientAsync(Roles.ProgramOfficer);
        var run = await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/selection-runs", null);
        run.EnsureSuccessStatusCode();
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/selection-runs/{runId}/publish", null)).EnsureSuccessStatusCode();

        return await DbAsync(async db =>
        {
            var agency = await db.Programs.Where(p => p.Id == scenario.ProgramId).Select(p => p.AgencyId).SingleAsync();
            var provider = new Provider { AgencyId = agency, Name = "LPK Kunjungan " + scenario.ProgramId, Capacity = 40, CreatedAt = DateTime.UtcNow };
            db.Add(provider);
            await db.SaveChangesAsync();
            var cohort = new Cohort
            {
                AgencyId = agency,
                ProgramId = scenario.ProgramId,
                TrackId = scenario.TrackA,
                ProviderId = provider.Id,
                Name = "Angkatan Kunjungan",
                Place = "Aula",
                StartsOn = endsOn.AddDays(-7),
                EndsOn = endsOn,
                Capacity = 10,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Add(cohort);
            await db.SaveChangesAsync();
            var decisions = await (from d in db.SelectionDecisions
                                   where d.RunId == runId
                                   join a in db.Applications on d.ApplicationId equals a.Id
                                   orderby a.PersonId
                                   select new { d.Status, d.ApplicationId, a.PersonId }).ToListAsync();
            var selected = decisions.Where(d => d.Status == DecisionStatus.Selected).ToList();
            foreach (var (d, i) in selected.Select((d, i) => (d, i)))
            {
                db.Add(new CohortParticipant
                {
                    AgencyId = agency,
                    CohortId = cohort.Id,
                    ApplicationId = d.ApplicationId,
                    PlacedAt = DateTime.UtcNow,
                    Status = i == 0 ? ParticipantStatus.DroppedOut : ParticipantStatus.Placed,
                    DroppedOutOn = i == 0 ? endsOn.AddDays(-3) : null,
                    DropOutReason = i == 0 ? "Pindah kota." : null,
                });
            }
            await db.SaveChangesAsync();
            var comparison = decisions.Where(d => d.Status is DecisionStatus.Waitlisted or DecisionStatus.NotSelected).Select(d => d.PersonId).ToList();
            return new FollowUpProgram(scenario.ProgramId, cohort.Id, endsOn, [.. selected.Select(d => d.PersonId)], comparison, selected[0].PersonId);
        });
    }

    /// <summary>A business of <paramref name="owner"/>, followed by the given facilitator.</summary>
    public Task<long> BusinessAsync(long owner, string? facilitatorId) => DbAsync(async db =>
    {
        var agency = await db.Persons.Where(p => p.Id == owner).Select(p => p.AgencyId).SingleAsync();
        var category = await db.Set<BusinessCategory>().FirstOrDefaultAsync(c => c.AgencyId == agency);
        if (category is null)
        {
            category = new BusinessCategory { AgencyId = agency, Name = "makanan", CreatedAt = DateTime.UtcNow };
            db.Add(category);
            await db.SaveChangesAsync();
        }
        var business = new Business
        {
            AgencyId = agency,
            Name = "Kue Kunjungan " + owner,
            CategoryId = category.Id,
            VillageCode = ProgramScenario.Village1,
            Status = BusinessStatus.Active,
            FacilitatorId = facilitatorId,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Owners = [new BusinessOwner { AgencyId = agency, PersonId = owner }],
        };
        db.Add(business);
        await db.SaveChangesAsync();
        return business.Id;
    });

    public async Task<string> UserIdAsync(string role) => await DbAsync(db => db.Users.Where(u => u.Email == EmailOf(role)).Select(u => u.Id).SingleAsync());

    public async Task<T> DbAsync<T>(Func<TunasDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }
}
