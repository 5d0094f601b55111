using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The demo's two rounds dated from today, so that a new user can try what the 2025 program (trained history)
/// no longer allows: "Gelombang II", whose result was published three days ago and whose appeal window is open
/// (two appeals wait for an answer), and "Gelombang III", open for registration, with its first applicants.
/// Their applicants are other residents of the demo registry, never the 80 trainees of 2025.
/// </summary>
public sealed class DemoRoundsSeeder(TunasDb db, SelectionRunner runner, SelectionDesk desk, TimeProvider clock)
{
    public const string AppealRoundName = "Pelatihan Wirausaha Gelombang II";
    public const string OpenRoundName = "Pelatihan Wirausaha Gelombang III";

    /// <summary>The kelurahan of each round: six for the appeal round, four others for the open one.</summary>
    private static readonly int[] AppealVillages = [0, 3, 7, 10, 14, 18];
    private static readonly int[] OpenVillages = [1, 8, 12, 19];

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        if (await db.Programs.AnyAsync(p => p.AgencyId == agencyId && (p.Name == AppealRoundName || p.Name == OpenRoundName), ct))
        {
            await output.WriteLineAsync("Demo rounds: already there; nothing added.");
            return;
        }
        var today = clock.TodayInIndonesia();
        var villages = DemoSeeder.KotaBlitarVillages;
        var trainees = DemoSeeder.ParticipantNiks().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Applications.AsNoTracking().Select(a => a.PersonId).ToListAsync(ct)).ToHashSet();
        var oldest = today.AddYears(-55);
        var youngest = today.AddYears(-18);
        var candidates = (await db.Persons.AsNoTracking()
                .Where(p => p.AgencyId == agencyId && p.BirthDate > oldest && p.BirthDate <= youngest && p.WelfareDecile != null && p.WelfareDecile <= 6)
                .OrderBy(p => p.Nik)
                .Select(p => new Candidate(p.Id, p.Nik, p.VillageCode, p.HouseholdId, p.Phone))
                .ToListAsync(ct))
            .Where(c => !trainees.Contains(c.Nik) && !applied.Contains(c.Id))
            .ToList();
        if (candidates.Count == 0)
        {
            await output.WriteLineAsync("Demo rounds: the demo registry is not there; no rounds added.");
            return;
        }
        var random = new Random(DemoSeeder.RegistrySeed + 2);
        var numbers = new HashSet<string>(StringComparer.Ordinal);

        var appeal = NewRound(agencyId, AppealRoundName, today, registrationOpens: -45, registrationCloses: -15, selection: -8, publication: -3, appealCloses: 4, trainingStarts: 14, trainingEnds: 27);
        var open = NewRound(agencyId, OpenRoundName, today, registrationOpens: -5, registrationCloses: 25, selection: 28, publication: 30, appealCloses: 33, trainingStarts: 42, trainingEnds: 55);
        db.Programs.AddRange(appeal, open);
        await db.SaveChangesAsync(ct);

        var appealApplicants = AddApplicants(appeal, Pick(candidates, villages, AppealVillages, 10), random, numbers, days: 30);
        db.ProgramQuotas.AddRange(AppealVillages.Select(v => new ProgramQuota { AgencyId = agencyId, ProgramId = appeal.Id, RegionCode = villages[v], Size = 3 }));
        var now = clock.GetUtcNow().UtcDateTime;
        var openApplicants = AddApplicants(open, Pick(candidates, villages, OpenVillages, 3), random, numbers, days: 5);
        foreach (var a in openApplicants.Where(a => a.SubmittedAt > now))
        {
            a.SubmittedAt = now.AddMinutes(-30);
            a.ConsentAt = a.SubmittedAt;
        }
        await db.SaveChangesAsync(ct);

        var actor = new SelectionActor(agencyId, "demo", "demo");
        var run = await runner.RunAsync(appeal.Id, actor, ct);
        var published = run.Run is { } r ? await desk.PublishAsync(appeal.Id, r.Id, actor, ct) : null;
        await db.SelectionRuns.Where(x => x.ProgramId == appeal.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.RunAt, At(appeal.SelectionOn!.Value))
            .SetProperty(x => x.PublishedAt, x => x.PublishedAt == null ? null : At(appeal.PublicationOn!.Value)), ct);
        var appeals = published?.Outcome == DeskOutcome.Done ? await LodgeAppealsAsync(appeal.Id, ct) : 0;

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo rounds: \"{AppealRoundName}\" ({appealApplicants.Count} applicants, {run.Run?.Selected} selected, appeals open until {appeal.AppealCloses:yyyy-MM-dd}, {appeals} appeals waiting); " +
            $"\"{OpenRoundName}\" (registration open until {open.RegistrationCloses:yyyy-MM-dd}, {openApplicants.Count} applicants)."));
    }

    /// <summary>Two applicants who were not selected object to their result; the officer answers them in the demo.</summary>
    private async Task<int> LodgeAppealsAsync(int programId, CancellationToken ct)
    {
        var objectors = await (from d in db.SelectionDecisions.AsNoTracking()
                               join a in db.Applications on d.ApplicationId equals a.Id
                               join p in db.Persons on a.PersonId equals p.Id
                               where a.ProgramId == programId && (d.Status == DecisionStatus.NotSelected || d.Status == DecisionStatus.Ineligible)
                               orderby d.Status, d.RegistrationNumber
                               select new { d.RegistrationNumber, p.BirthDate }).ToListAsync(ct);
        string[] texts =
        [
            "Saya merasa desil keluarga saya sudah turun sejak suami tidak bekerja, mohon dicek ulang datanya.",
            "Mohon ditinjau kembali, usaha jahit saya di rumah butuh pelatihan ini dan saya sanggup hadir setiap hari.",
        ];
        var lodged = 0;
        foreach (var o in objectors.Take(texts.Length))
        {
            var result = await desk.LodgeAppealAsync(o.RegistrationNumber, o.BirthDate, texts[lodged], ct);
            lodged += result.CreatedId is null ? 0 : 1;
        }
        return lodged;
    }

    private static TrainingProgram NewRound(int agencyId, string name, DateOnly today, int registrationOpens, int registrationCloses, int selection, int publication, int appealCloses, int trainingStarts, int trainingEnds)
    {
        var created = At(today.AddDays(registrationOpens - 14));
        return new TrainingProgram
        {
            AgencyId = agencyId,
            Name = name,
            Year = today.AddDays(trainingStarts).Year,
            Description = "Pelatihan membuat kue dan jajanan untuk dijual, atau menjahit, dengan manajemen usaha dan pembukuan sederhana. Tempat: Aula Dinas Sosial Kota Blitar.",
            Budget = 60_000_000,
            TargetSize = 18,
            Status = ProgramStatus.Active,
            RegistrationOpens = today.AddDays(registrationOpens),
            RegistrationCloses = today.AddDays(registrationCloses),
            SelectionOn = today.AddDays(selection),
            PublicationOn = today.AddDays(publication),
            AppealOpens = today.AddDays(publication),
            AppealCloses = today.AddDays(appealCloses),
            TrainingStarts = today.AddDays(trainingStarts),
            TrainingEnds = today.AddDays(trainingEnds),
            MinAge = 18,
            MaxAge = 55,
            AgeReferenceDate = today.AddDays(selection),
            MaxDesil = 4,
            DomicileRegencyCode = "35.72",
            MaxPerHousehold = 1,
            WaitlistLength = 3,
            SpillOver = SpillOverRule.SameTrackThenAnyTrack,
            NameDisplay = NameDisplay.Initials,
            Seed = name,
            CreatedAt = created,
            UpdatedAt = created,
            CreatedById = "demo",
            Tracks =
            [
                new Track
                {
                    Name = "Kue dan Jajanan Pasar",
                    SortOrder = 0,
                    Modules =
                    [
                        new TrackModule { Name = "Membuat kue basah dan kering", Kind = ModuleKind.Craft, Hours = 24, SortOrder = 0 },
                        new TrackModule { Name = "Manajemen usaha", Kind = ModuleKind.BusinessManagement, Hours = 8, SortOrder = 1 },
                        new TrackModule { Name = "Pembukuan sederhana", Kind = ModuleKind.Bookkeeping, Hours = 8, SortOrder = 2 },
                    ],
                },
                new Track
                {
                    Name = "Menjahit",
                    SortOrder = 1,
                    Modules =
                    [
                        new TrackModule { Name = "Menjahit pakaian dan permak", Kind = ModuleKind.Craft, Hours = 24, SortOrder = 0 },
                        new TrackModule { Name = "Manajemen usaha", Kind = ModuleKind.BusinessManagement, Hours = 8, SortOrder = 1 },
                        new TrackModule { Name = "Pembukuan sederhana", Kind = ModuleKind.Bookkeeping, Hours = 8, SortOrder = 2 },
                    ],
                },
            ],
        };
    }

    /// <summary>Up to <paramref name="perVillage"/> candidates of each kelurahan, one per household, each taken once.</summary>
    private static List<Candidate> Pick(List<Candidate> candidates, IReadOnlyList<string> villages, int[] villageIndexes, int perVillage)
    {
        var picked = new List<Candidate>();
        foreach (var index in villageIndexes)
        {
            var households = new HashSet<long>();
            picked.AddRange(candidates.Where(c => c.VillageCode == villages[index] && households.Add(c.HouseholdId ?? -c.Id)).Take(perVillage));
        }
        candidates.RemoveAll(picked.Contains);
        return picked;
    }

    private List<Application> AddApplicants(TrainingProgram program, List<Candidate> picked, Random random, HashSet<string> numbers, int days)
    {
        var tracks = program.Tracks.OrderBy(t => t.SortOrder).Select(t => t.Id).ToArray();
        var applications = picked.Select(c =>
        {
            var first = random.Next(tracks.Length);
            return DemoProgramSeeder.NewApplication(program, c.Id, c.VillageCode, tracks[first], tracks[1 - first], c.Phone, random, numbers, days);
        }).ToList();
        db.Applications.AddRange(applications);
        return applications;
    }

    /// <summary>09:00 WIB of a day.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    private sealed record Candidate(long Id, string Nik, string VillageCode, long? HouseholdId, string? Phone);
}
