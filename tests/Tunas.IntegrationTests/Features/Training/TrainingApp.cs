using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

/// <summary>
/// The app for the training tests: the provider staff user trains at <see cref="ProviderA"/>; <see cref="ProviderB"/>
/// is another provider of the same agency.
/// </summary>
public sealed class TrainingApp : TunasFactory, IAsyncLifetime
{
    public TrainingApp()
    {
        Settings["RateLimiting:Enabled"] = "false";
        // Kit receipt photos of this app alone, so a test can count what was stored.
        Settings["Kits:Folder"] = Path.Combine(Path.GetTempPath(), "tunas-kits-" + Guid.NewGuid().ToString("N"));
    }

    public int ProviderA { get; private set; }
    public int ProviderB { get; private set; }
    public string StaffId { get; private set; } = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = (await db.Agencies.FirstAsync()).Id;
        var a = new Provider { AgencyId = agency, Name = "Modes Al Amin", Capacity = 40, CreatedAt = DateTime.UtcNow };
        var b = new Provider { AgencyId = agency, Name = "SMK Negeri Uji", Capacity = 40, CreatedAt = DateTime.UtcNow };
        db.AddRange(a, b);
        await db.SaveChangesAsync();
        var staff = await db.Users.SingleAsync(u => u.Email == EmailOf(Roles.ProviderStaff));
        staff.ProviderId = a.Id;
        await db.SaveChangesAsync();
        (ProviderA, ProviderB, StaffId) = (a.Id, b.Id, staff.Id);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>
    /// A program with <paramref name="selected"/> applicants of track A selected, <paramref name="waitlisted"/> more on
    /// the waitlist, and the result published.
    /// </summary>
    internal async Task<ProgramScenario> PublishedAsync(int selected, int waitlisted = 0)
    {
        var scenario = await ProgramScenario.CreateAsync(this, p => p.TargetSize = selected);
        await scenario.QuotasAsync(this, (ProgramScenario.Village1, null, selected));
        for (var i = 0; i < selected + waitlisted; i++)
        {
            await scenario.ApplyAsync(this, "p" + i, ProgramScenario.Village1, 2, scenario.TrackA);
        }
        var officer = await ApiClientAsync(Roles.ProgramOfficer);
        var run = await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/selection-runs", null);
        run.EnsureSuccessStatusCode();
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/selection-runs/{runId}/publish", null)).EnsureSuccessStatusCode();
        return scenario;
    }

    /// <summary>Creates a cohort through the API; its id.</summary>
    public async Task<int> CohortAsync(int programId, int trackId, int providerId, string name, int capacity, DateOnly starts, int days = 3)
    {
        var officer = await ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsJsonAsync($"/api/v1/programs/{programId}/cohorts", new
        {
            trackId,
            providerId,
            name,
            place = "Aula Dinas Sosial",
            startsOn = starts.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            endsOn = starts.AddDays(days - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            capacity,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>
    /// A client with the bearer token of the participant's own account (created if need be), as the participant's
    /// sign-in would give it.
    /// </summary>
    public async Task<HttpClient> ParticipantClientAsync(long participantId)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var participant = await db.Set<CohortParticipant>().SingleAsync(p => p.Id == participantId);
        var user = await scope.ServiceProvider.GetRequiredService<ParticipantAccounts>().EnsureAsync(participant);
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var (token, _) = scope.ServiceProvider.GetRequiredService<TokenIssuer>().Issue(principal);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task<T> DbAsync<T>(Func<TunasDb, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }
}
