using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses;

/// <summary>
/// The app for the business tests: a program whose applicants are placed in one cohort (<see cref="Participant"/> gives
/// a fresh placed person each time), and a second agency with an officer of its own.
/// </summary>
public sealed class BusinessApp : TunasFactory, IAsyncLifetime
{
    public const string OtherOfficer = "petugas@dinas-usaha-lain.test";
    private int _serial;
    private ProgramScenario _scenario = null!;

    public BusinessApp() => Settings["RateLimiting:Enabled"] = "false";

    /// <summary>Off unless a test turns it on (<see cref="AuditTogetherTests"/>).</summary>
    public FaultInjector Faults { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Faults.AddTo(builder);
    }

    public int CohortId { get; private set; }
    public int AgencyId { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _scenario = await ProgramScenario.CreateAsync(this);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        AgencyId = (await db.Agencies.OrderBy(a => a.Id).FirstAsync()).Id;
        var provider = new Provider { AgencyId = AgencyId, Name = "LPK Usaha", Capacity = 40, CreatedAt = DateTime.UtcNow };
        db.Add(provider);
        await db.SaveChangesAsync();
        var today = ProgramScenario.Today;
        var cohort = new Cohort
        {
            AgencyId = AgencyId,
            ProgramId = _scenario.ProgramId,
            TrackId = _scenario.TrackA,
            ProviderId = provider.Id,
            Name = "Angkatan Usaha",
            Place = "Aula",
            StartsOn = today.AddDays(-20),
            EndsOn = today.AddDays(-10),
            Capacity = 200,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Add(cohort);
        await db.SaveChangesAsync();
        CohortId = cohort.Id;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>A new resident of the given kelurahan placed in the cohort; their person id and NIK.</summary>
    public async Task<(long PersonId, string Nik)> ParticipantAsync(string village = ProgramScenario.Village1, int? desil = 3, bool placed = true)
    {
        var key = "u" + Interlocked.Increment(ref _serial);
        await _scenario.ApplyAsync(this, key, village, desil, _scenario.TrackA);
        var (applicationId, personId, _) = _scenario.Applicants[key];
        if (placed)
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            db.Add(new CohortParticipant { AgencyId = AgencyId, CohortId = CohortId, ApplicationId = applicationId, PlacedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        return (personId, _scenario.Nik(this, key));
    }

    /// <summary>Creates a business through the API as a program officer; its id.</summary>
    public async Task<long> BusinessAsync(string village = ProgramScenario.Village1, string? facilitatorId = null, params long[] owners)
    {
        if (owners.Length == 0)
        {
            owners = [(await ParticipantAsync(village)).PersonId];
        }
        var officer = await ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsJsonAsync("/api/v1/businesses", Body(owners, village) with { FacilitatorId = facilitatorId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static Tunas.Web.Features.Businesses.BusinessInput Body(long[] owners, string village = ProgramScenario.Village1) => new()
    {
        OwnerPersonIds = owners,
        Name = "Kue Basah Bu Sri",
        Category = "Makanan",
        Description = "Kue basah pesanan tetangga.",
        VillageCode = village,
        Address = "Jl. Melati 3",
        StartedOn = "2026-01-15",
        Status = "active",
        WhatsApp = "0812-3456-7890",
        CatalogueConsent = true,
    };

    public async Task<string> UserIdAsync(string role) => await DbAsync(db => db.Users.Where(u => u.Email == EmailOf(role)).Select(u => u.Id).SingleAsync());

    public async Task<T> DbAsync<T>(Func<TunasDb, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }

    /// <summary>A bearer client of a program officer of a second agency (made once).</summary>
    public async Task<HttpClient> OtherAgencyClientAsync()
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(OtherOfficer) is null)
            {
                var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
                var agency = new Agency { Name = "Dinas Kota Lain", RegencyCode = "35.05", UpdatedAt = DateTime.UtcNow };
                db.Agencies.Add(agency);
                await db.SaveChangesAsync();
                var user = new AppUser { UserName = OtherOfficer, Email = OtherOfficer, EmailConfirmed = true, AgencyId = agency.Id, CreatedAt = DateTime.UtcNow };
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.ProgramOfficer)).Succeeded);
            }
        }
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = OtherOfficer, password = Password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }
}
