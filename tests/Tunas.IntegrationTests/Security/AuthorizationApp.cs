using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Security;

/// <summary>
/// The ids a route parameter takes: rows the kelurahan operator owns (<see cref="Own"/>) and rows of another
/// kelurahan or another creator (<see cref="Other"/>), which every other allowed role may reach.
/// </summary>
public sealed record SeedIds(long Person, long Application, long Message, Guid Import, int Cohort = 0, long Session = 0, long Participant = 0,
    long Certificate = 0, long Business = 0, long Worker = 0, long Photo = 0, long FollowUp = 0);

/// <summary>
/// The app for the authorization suite, with a database of its own and a small seed: one agency, two kelurahan,
/// a program with two tracks and a quota, an application from each kelurahan, a published selection run with its
/// messages, an appeal, a suspected duplicate, an import job of each creator and a training provider.
/// Public rate limits are off: the suite calls the public endpoints once per role, not as an attacker would.
/// </summary>
public class AuthorizationApp : TunasFactory, IAsyncLifetime
{
    public const string OtherVillage = "35.72.02.1001";

    public AuthorizationApp() => Settings["RateLimiting:Enabled"] = "false";

    public int ProgramId { get; private set; }
    public int TrackId { get; private set; }
    public long RunId { get; private set; }
    public long AppealId { get; private set; }
    public long DuplicateId { get; private set; }
    public int ProviderId { get; private set; }
    public string UserId { get; private set; } = "";
    public int CategoryId { get; private set; }
    public SeedIds Own { get; private set; } = null!;
    public SeedIds Other { get; private set; } = null!;

    /// <summary>Every full NIK of the seed, to prove which answers carry none.</summary>
    public IReadOnlyList<string> Niks { get; private set; } = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await SeedAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private async Task SeedAsync()
    {
        var scenario = await ProgramScenario.CreateAsync(this);
        await scenario.QuotasAsync(this, (OperatorVillage, null, 1), (OtherVillage, null, 1));
        await scenario.ApplyAsync(this, "own", OperatorVillage, 2, scenario.TrackA);
        await scenario.ApplyAsync(this, "other", OtherVillage, 2, scenario.TrackA);
        (ProgramId, TrackId) = (scenario.ProgramId, scenario.TrackA);

        var officer = await ApiClientAsync(Roles.ProgramOfficer);
        var run = await officer.PostAsync($"/api/v1/programs/{ProgramId}/selection-runs", null);
        run.EnsureSuccessStatusCode();
        RunId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await officer.PostAsync($"/api/v1/programs/{ProgramId}/selection-runs/{RunId}/publish", null)).EnsureSuccessStatusCode();

        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Programs.Where(p => p.Id == ProgramId).Select(p => p.AgencyId).SingleAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        UserId = users[EmailOf(Roles.Participant)];

        var now = DateTime.UtcNow;
        var appeal = new Appeal { AgencyId = agency, ApplicationId = scenario.Applicants["other"].ApplicationId, RunId = RunId, Text = "Desil saya sudah diperbarui.", LodgedAt = now };
        var duplicate = new SuspectedDuplicate
        {
            AgencyId = agency,
            PersonAId = scenario.Applicants["own"].PersonId,
            PersonBId = scenario.Applicants["other"].PersonId,
            Reason = DuplicateReason.SameNameAndBirthDate,
            DetectedAt = now,
        };
        var provider = new Provider { AgencyId = agency, Name = "LPK Uji", Capacity = 20, CreatedAt = now };
        ImportJob Job(string role) => new()
        {
            AgencyId = agency,
            FileName = "warga.csv",
            Status = ImportStatus.Completed,
            CreatedById = users[EmailOf(role)],
            CreatedByName = EmailOf(role),
            CreatedAt = now,
            FinishedAt = now,
        };
        var (ownJob, otherJob) = (Job(Roles.VillageOperator), Job(Roles.ProgramOfficer));
        db.AddRange(appeal, duplicate, provider, ownJob, otherJob);
        await db.SaveChangesAsync();
        (AppealId, DuplicateId, ProviderId) = (appeal.Id, duplicate.Id, provider.Id);

        async Task<SeedIds> IdsAsync(string key, Guid job)
        {
            var (applicationId, personId, _) = scenario.Applicants[key];
            var message = await db.OutboxMessages.Where(m => m.ApplicationId == applicationId).Select(m => m.Id).FirstAsync();
            return new SeedIds(personId, applicationId, message, job);
        }
        Own = await IdsAsync("own", ownJob.Id);
        Other = await IdsAsync("other", otherJob.Id);

        // Training: the provider staff user trains at the seed's provider; "own" is placed in its cohort, "other" in
        // a cohort of another provider.
        var staff = await db.Users.SingleAsync(u => u.Email == EmailOf(Roles.ProviderStaff));
        staff.ProviderId = provider.Id;
        var otherProvider = new Provider { AgencyId = agency, Name = "SMK Uji", Capacity = 20, CreatedAt = now };
        db.Add(otherProvider);
        await db.SaveChangesAsync();
        async Task<SeedIds> CohortAsync(SeedIds ids, string name, int providerId)
        {
            var today = DateOnly.FromDateTime(now);
            var cohort = new Tunas.Web.Features.Training.Cohort
            {
                AgencyId = agency,
                ProgramId = ProgramId,
                TrackId = TrackId,
                ProviderId = providerId,
                Name = name,
                Place = "Aula",
                StartsOn = today,
                EndsOn = today.AddDays(2),
                Capacity = 5,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(cohort);
            await db.SaveChangesAsync();
            var session = new Tunas.Web.Features.Training.CohortSession { AgencyId = agency, CohortId = cohort.Id, Date = today, Title = "Pembukaan", Hours = 4 };
            var participant = new Tunas.Web.Features.Training.CohortParticipant { AgencyId = agency, CohortId = cohort.Id, ApplicationId = ids.Application, PlacedAt = now };
            db.AddRange(session, participant);
            await db.SaveChangesAsync();
            var certificate = new Tunas.Web.Features.Training.Certificates.Certificate
            {
                AgencyId = agency,
                ProgramId = ProgramId,
                CohortId = cohort.Id,
                ParticipantId = participant.Id,
                Sequence = cohort.Id,
                Number = "TNS/UJI/" + name,
                VerificationCode = Tunas.Web.Features.Training.Certificates.VerificationCodes.New(),
                HolderName = "Peserta Uji",
                TrackName = "Menjahit",
                ProviderName = "Lembaga Uji",
                StartsOn = today,
                EndsOn = today.AddDays(2),
                IssuedAt = now,
            };
            db.Add(certificate);
            await db.SaveChangesAsync();
            return ids with { Cohort = cohort.Id, Session = session.Id, Participant = participant.Id, Certificate = certificate.Id };
        }
        Own = await CohortAsync(Own, "Angkatan Uji 1", provider.Id);
        Other = await CohortAsync(Other, "Angkatan Uji 2", otherProvider.Id);
        (Own, Other, CategoryId) = await BusinessSeed.AddAsync(db, agency, Own, Other, users[EmailOf(Roles.Facilitator)]);
        (Own, Other) = await FollowUpSeed.AddAsync(db, agency, ProgramId, Own, Other, users[EmailOf(Roles.Facilitator)]);
        Niks = await db.Persons.Select(p => p.Nik).ToListAsync();
    }
}
