using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The program of the article in the demo: "Pelatihan Keterampilan Wirausaha 2025" of Dinas Sosial Kota Blitar,
/// three tracks with their curriculum, two providers, quotas over the 21 kelurahan (80 seats), about 250
/// applicants from the demo registry (the 80 trainees and others), and a published selection whose 80 selected
/// are exactly the demo trainees, with a waitlist. Every applicant is synthetic.
/// </summary>
public sealed class DemoProgramSeeder(TunasDb db, SelectionRunner runner, SelectionDesk desk)
{
    public const string ProgramName = "Pelatihan Keterampilan Wirausaha 2025";

    /// <summary>Other applicants per kelurahan besides its trainees: poorer-than-none waiting, and richer ones.</summary>
    private const int OthersPerVillage = 8;

    private static readonly DateOnly SelectionOn = new(2025, 10, 13);

    private static readonly (string Name, (string Module, ModuleKind Kind, int Hours)[] Modules)[] TrackPlan =
    [
        ("Jajanan", [("Produksi jajanan dan kemasan", ModuleKind.Craft, 24), ("Manajemen usaha", ModuleKind.BusinessManagement, 8), ("Pembukuan sederhana", ModuleKind.Bookkeeping, 8), ("Pemasaran dan WhatsApp Business", ModuleKind.Marketing, 6), ("NIB, PIRT dan halal", ModuleKind.Permits, 4)]),
        ("Menjahit Kaos Konveksi", [("Menjahit kaos dan sablon", ModuleKind.Craft, 28), ("Manajemen usaha", ModuleKind.BusinessManagement, 8), ("Pembukuan sederhana", ModuleKind.Bookkeeping, 6), ("Pemasaran", ModuleKind.Marketing, 4), ("NIB", ModuleKind.Permits, 2)]),
        ("Produk Rumah Tangga", [("Sabun, deterjen dan pembersih", ModuleKind.Craft, 24), ("Manajemen usaha", ModuleKind.BusinessManagement, 8), ("Pembukuan sederhana", ModuleKind.Bookkeeping, 8), ("Pemasaran", ModuleKind.Marketing, 6), ("NIB dan izin edar", ModuleKind.Permits, 2)]),
    ];

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        if (await db.Programs.AnyAsync(p => p.AgencyId == agencyId && p.Name == ProgramName, ct))
        {
            await output.WriteLineAsync("Demo program: already there; nothing added.");
            return;
        }
        var trainees = DemoSeeder.ParticipantNiks();
        var traineePersons = await db.Persons.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && trainees.Contains(p.Nik))
            .Select(p => new { p.Id, p.Nik, p.VillageCode, p.HouseholdId, p.WelfareDecile, p.Phone })
            .ToListAsync(ct);
        if (traineePersons.Count != trainees.Count)
        {
            await output.WriteLineAsync("Demo program: the demo registry is not complete; no program added.");
            return;
        }
        var stopwatch = Stopwatch.StartNew();
        var program = NewProgram(agencyId);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);

        var lpk = await ProviderAsync(agencyId, "LPK Modes Al Amin", ProviderType.Lpk, "Kelurahan Sentul, Kota Blitar", 30, ct);
        var smk = await ProviderAsync(agencyId, "SMK Negeri Kota Blitar (demo)", ProviderType.Smk, "Kota Blitar", 40, ct);
        var tracks = program.Tracks.OrderBy(t => t.SortOrder).ToList();
        db.TrackProviders.AddRange(
            new TrackProvider { AgencyId = agencyId, TrackId = tracks[0].Id, ProviderId = smk.Id, Seats = 27 },
            new TrackProvider { AgencyId = agencyId, TrackId = tracks[1].Id, ProviderId = lpk.Id, Seats = 27 },
            new TrackProvider { AgencyId = agencyId, TrackId = tracks[2].Id, ProviderId = smk.Id, Seats = 26 });

        // One quota per kelurahan for any track, as many seats as the kelurahan has trainees (17 x 4 + 4 x 3 = 80).
        var byVillage = traineePersons.GroupBy(t => t.VillageCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        db.ProgramQuotas.AddRange(byVillage.Select(g => new ProgramQuota { AgencyId = agencyId, ProgramId = program.Id, RegionCode = g.Key, Size = g.Count() }));

        // The trainees apply first (first choice by their place in the list), then the others of their kelurahan.
        var random = new Random(DemoSeeder.RegistrySeed);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var applications = new List<Application>();
        var order = trainees.Select((nik, i) => (nik, i)).ToDictionary(x => x.nik, x => x.i, StringComparer.Ordinal);
        foreach (var t in traineePersons.OrderBy(t => order[t.Nik]))
        {
            var i = order[t.Nik];
            applications.Add(NewApplication(program, t.Id, t.VillageCode, tracks[i % 3].Id, tracks[(i + 1) % 3].Id, t.Phone, random, numbers));
        }
        var traineeHouseholds = traineePersons.Where(t => t.HouseholdId is not null).Select(t => t.HouseholdId!.Value).ToHashSet();
        var oldest = SelectionOn.AddYears(-55);
        var youngest = SelectionOn.AddYears(-18);
        var candidates = await db.Persons.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.BirthDate > oldest && p.BirthDate <= youngest && p.WelfareDecile != null)
            .OrderBy(p => p.Nik)
            .Select(p => new { p.Id, p.VillageCode, p.HouseholdId, p.WelfareDecile, p.Phone })
            .ToListAsync(ct);
        foreach (var village in byVillage)
        {
            // Poorer than none of the trainees (so the trainees rank first), eligible: they wait. Richer ones: ineligible.
            var worstTrainee = village.Max(t => t.WelfareDecile ?? 4);
            var taken = new HashSet<long>();
            var pool = candidates.Where(c => c.VillageCode == village.Key && !traineeHouseholds.Contains(c.HouseholdId ?? -1)).ToList();
            var waiting = pool.Where(c => c.WelfareDecile > worstTrainee && c.WelfareDecile <= 4 && taken.Add(c.HouseholdId ?? -c.Id)).Take(4).ToList();
            var richer = pool.Where(c => c.WelfareDecile > 4 && taken.Add(c.HouseholdId ?? -c.Id)).Take(OthersPerVillage - waiting.Count).ToList();
            foreach (var c in waiting.Concat(richer))
            {
                var first = random.Next(3);
                applications.Add(NewApplication(program, c.Id, c.VillageCode, tracks[first].Id, random.Next(2) == 0 ? null : tracks[(first + 2) % 3].Id, c.Phone, random, numbers));
            }
        }
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync(ct);

        var actor = new SelectionActor(agencyId, "demo", "demo");
        var run = await runner.RunAsync(program.Id, actor, ct);
        var published = run.Run is { } r ? await desk.PublishAsync(program.Id, r.Id, actor, ct) : null;
        // The demo's story happened in October 2025: the run and its publication carry those dates.
        await db.SelectionRuns.Where(x => x.ProgramId == program.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.RunAt, new DateTime(2025, 10, 13, 2, 0, 0, DateTimeKind.Utc))
            .SetProperty(x => x.PublishedAt, x => x.PublishedAt == null ? null : new DateTime(2025, 10, 15, 2, 0, 0, DateTimeKind.Utc)), ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo program: \"{ProgramName}\" with {tracks.Count} tracks, {byVillage.Count} kelurahan quotas, {applications.Count} applicants; " +
            $"selection {(published?.Outcome == DeskOutcome.Done ? "published" : "NOT published")}: {run.Run?.Selected} selected, {run.Run?.Waitlisted} on the waitlist ({stopwatch.ElapsedMilliseconds} ms)."));
    }

    private static TrainingProgram NewProgram(int agencyId) => new()
    {
        AgencyId = agencyId,
        Name = ProgramName,
        Year = 2025,
        Description = "Pelatihan membuat jajanan, menjahit kaos konveksi dan produk rumah tangga, dengan manajemen usaha dan pembukuan, agar peserta menjadi pencipta lapangan kerja. Pembukaan 23 Oktober 2025 di Aula Dinas Sosial.",
        Budget = 240_000_000,
        TargetSize = DemoSeeder.Participants,
        Status = ProgramStatus.Active,
        RegistrationOpens = new DateOnly(2025, 9, 15),
        RegistrationCloses = new DateOnly(2025, 10, 10),
        SelectionOn = SelectionOn,
        PublicationOn = new DateOnly(2025, 10, 15),
        AppealOpens = new DateOnly(2025, 10, 15),
        AppealCloses = new DateOnly(2025, 10, 18),
        TrainingStarts = new DateOnly(2025, 10, 24),
        TrainingEnds = new DateOnly(2025, 11, 3),
        MinAge = 18,
        MaxAge = 55,
        AgeReferenceDate = SelectionOn,
        MaxDesil = 4,
        DomicileRegencyCode = "35.72",
        MaxPerHousehold = 1,
        WaitlistLength = 3,
        SpillOver = SpillOverRule.SameTrackThenAnyTrack,
        NameDisplay = NameDisplay.Initials,
        Seed = "blitar-2025-demo",
        CreatedAt = new DateTime(2025, 9, 1, 2, 0, 0, DateTimeKind.Utc),
        UpdatedAt = new DateTime(2025, 9, 1, 2, 0, 0, DateTimeKind.Utc),
        CreatedById = "demo",
        Tracks = [.. TrackPlan.Select((t, i) => new Track
        {
            Name = t.Name,
            SortOrder = i,
            Modules = [.. t.Modules.Select((m, j) => new TrackModule { Name = m.Module, Kind = m.Kind, Hours = m.Hours, SortOrder = j })],
        })],
    };

    private async Task<Provider> ProviderAsync(int agencyId, string name, ProviderType type, string address, int capacity, CancellationToken ct)
    {
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.AgencyId == agencyId && p.Name == name, ct);
        if (provider is null)
        {
            provider = new Provider { AgencyId = agencyId, Name = name, Type = type, Address = address, Capacity = capacity, CreatedAt = new DateTime(2025, 9, 1, 2, 0, 0, DateTimeKind.Utc) };
            db.Providers.Add(provider);
            await db.SaveChangesAsync(ct);
        }
        return provider;
    }

    /// <summary>
    /// A demo application sent at a random minute of the first <paramref name="days"/> days of the program's
    /// registration (from 08:00 WIB of its first day); the draws from <paramref name="random"/> are always in the
    /// same order, so the demo is the same on every machine.
    /// </summary>
    internal static Application NewApplication(TrainingProgram program, long personId, string village, int first, int? second, string? phone, Random random, HashSet<string> numbers, int days = 25)
    {
        var opens = program.RegistrationOpens.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        var submitted = opens.AddMinutes(random.Next(Math.Max(1, days) * 24 * 60));
        return new Application
        {
            AgencyId = program.AgencyId,
            ProgramId = program.Id,
            PersonId = personId,
            RegistrationNumber = Number(random, numbers),
            FirstTrackId = first,
            SecondTrackId = second,
            VillageCode = village,
            // The form asks for a WhatsApp number; a synthetic one where the registry has none.
            Phone = phone ?? string.Create(CultureInfo.InvariantCulture, $"+62857{random.Next(10_000_000, 99_999_999)}"),
            Motivation = "Ingin membuka usaha sendiri di rumah dan membantu ekonomi keluarga.",
            Consent = true,
            ConsentPurpose = $"Seleksi dan pelaksanaan {program.Name} oleh Dinas Sosial Kota Blitar.",
            ConsentAt = submitted,
            Channel = random.Next(3) == 0 ? ApplicationChannel.Operator : ApplicationChannel.Public,
            Status = ApplicationStatus.Submitted,
            SubmittedAt = submitted,
        };
    }

    /// <summary>A demo registration number in the public format, drawn from the seed (the same on every machine).</summary>
    internal static string Number(Random random, HashSet<string> numbers)
    {
        while (true)
        {
            var number = RegistrationNumbers.From((ulong)random.NextInt64());
            if (numbers.Add(number))
            {
                return number;
            }
        }
    }
}
