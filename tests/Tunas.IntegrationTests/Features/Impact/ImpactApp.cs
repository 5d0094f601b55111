using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Allowances;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>
/// A small program written row by row, whose every figure <see cref="DashboardTests"/> works out by hand: ten residents,
/// eight applications, four placed in two cohorts, three businesses, five workers, follow-ups of both groups, two
/// cashbooks and the money. The people and their fates are listed in the test's comments.
/// </summary>
public sealed partial class ImpactApp : TunasFactory, IAsyncLifetime
{
    public const string V1 = "35.72.01.1001";
    public const string V2 = "35.72.01.1002";
    public const string V3 = "35.72.02.1001";
    public static readonly DateOnly CohortStart = new(2025, 10, 24);

    public int AgencyId { get; private set; }
    public int ProgramId { get; private set; }
    public int T1 { get; private set; }
    public int T2 { get; private set; }
    public int ProviderA { get; private set; }
    public int C1 { get; private set; }
    public int C2 { get; private set; }

    /// <summary>Names and NIKs written here, which Leadership must never see.</summary>
    public List<string> Names { get; } = [];

    public List<string> Niks { get; } = [];

    public static DateOnly LastMonth
    {
        get
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        AgencyId = (await db.Agencies.OrderBy(a => a.Id).FirstAsync()).Id;
        var now = DateTime.UtcNow;
        var program = new TrainingProgram
        {
            AgencyId = AgencyId,
            Name = "Pelatihan Uji Dampak",
            Year = 2025,
            Budget = 100_000_000,
            Seed = "seed",
            Status = ProgramStatus.Active,
            RegistrationOpens = new(2025, 9, 1),
            RegistrationCloses = new(2025, 9, 30),
            MinAge = 18,
            MaxAge = 45,
            AgeReferenceDate = new(2025, 10, 1),
            MaxDesil = 4,
            DomicileRegencyCode = "35.72",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        ProgramId = program.Id;
        var t1 = new Track { AgencyId = AgencyId, ProgramId = ProgramId, Name = "Jajanan" };
        var t2 = new Track { AgencyId = AgencyId, ProgramId = ProgramId, Name = "Menjahit" };
        var pa = new Provider { AgencyId = AgencyId, Name = "LPK A", Capacity = 40, CreatedAt = now };
        var pb = new Provider { AgencyId = AgencyId, Name = "SMK B", Capacity = 40, CreatedAt = now };
        db.AddRange(t1, t2, pa, pb);
        await db.SaveChangesAsync();
        (T1, T2, ProviderA) = (t1.Id, t2.Id, pa.Id);

        var ani = Person(db, "Ani Lestari", Sex.Female, new(2000, 1, 1), 1, V1, disability: true);
        var budi = Person(db, "Budi Santoso", Sex.Male, new(1990, 5, 5), 2, V1);
        var citra = Person(db, "Citra Dewanti", Sex.Female, new(1985, 3, 3), 3, V2);
        var dewi = Person(db, "Dewi Anggraini", Sex.Female, new(2003, 7, 7), 4, V3);
        var eko = Person(db, "Eko Prasetyo", Sex.Male, new(1960, 1, 1), 1, V1);
        var fajar = Person(db, "Fajar Nugroho", Sex.Male, new(1995, 2, 2), 6, V2);
        Person(db, "Gita Permata", Sex.Female, new(1998, 8, 8), null, V1);
        var hadi = Person(db, "Hadi Wibowo", Sex.Male, new(1992, 9, 9), 2, V2);
        var indah = Person(db, "Indah Sari", Sex.Female, new(1999, 12, 12), 3, V1);
        var joko = Person(db, "Joko Susilo", Sex.Male, new(1980, 4, 4), 4, V3);
        await db.SaveChangesAsync();

        var apps = new Dictionary<Person, Application>();
        foreach (var (p, track) in new[] { (ani, t1), (budi, t1), (citra, t2), (dewi, t2), (hadi, t1), (indah, t1), (joko, t2), (fajar, t1) })
        {
            apps[p] = Apply(db, p, track.Id, ApplicationStatus.Submitted);
        }
        Apply(db, eko, t1.Id, ApplicationStatus.Held);
        await db.SaveChangesAsync();

        var run = Run(db, 1, SelectionRunStatus.Published);
        var draft = Run(db, 2, SelectionRunStatus.Draft);
        await db.SaveChangesAsync();
        foreach (var (p, outcome, track) in new[]
        {
            (ani, SelectionOutcome.Selected, (int?)t1.Id), (budi, SelectionOutcome.Selected, t1.Id), (citra, SelectionOutcome.Selected, t2.Id),
            (dewi, SelectionOutcome.Selected, t2.Id), (hadi, SelectionOutcome.NotSelected, t1.Id), (indah, SelectionOutcome.Waitlisted, t1.Id),
            (joko, SelectionOutcome.Ineligible, null), (fajar, SelectionOutcome.Ineligible, null),
        })
        {
            Decide(db, run.Id, apps[p], outcome, track);
            Decide(db, draft.Id, apps[p], SelectionOutcome.Selected, track ?? t1.Id); // a draft run never counts
        }
        var c1 = Cohort(db, "Angkatan 1", t1.Id, pa.Id);
        var c2 = Cohort(db, "Angkatan 2", t2.Id, pb.Id);
        await db.SaveChangesAsync();
        (C1, C2) = (c1.Id, c2.Id);
        var placed = new Dictionary<Person, CohortParticipant>
        {
            [ani] = Place(db, c1, apps[ani]),
            [budi] = Place(db, c1, apps[budi]),
            [citra] = Place(db, c2, apps[citra]),
            [dewi] = Place(db, c2, apps[dewi]),
        };
        placed[dewi].Status = ParticipantStatus.DroppedOut;
        await db.SaveChangesAsync();

        Certificate(db, placed[ani], 1, revoked: false);
        Certificate(db, placed[budi], 2, revoked: true);
        Certificate(db, placed[citra], 3, revoked: false);
        var b1 = Business(db, "Kue Ani", BusinessStatus.Active, ani);
        var b2 = Business(db, "Kaos Citra", BusinessStatus.Closed, citra);
        Business(db, "Rencana Dewi", BusinessStatus.Planned, dewi);
        var b4 = Business(db, "Usaha Indah", BusinessStatus.Active, indah); // not a participant: never counted
        await db.SaveChangesAsync();
        Worker(db, b1, "Joko Susilo", joko.Nik, null);
        Worker(db, b1, "Kiki Amelia", null, null);
        Worker(db, b1, "Lina Marlina", null, new(2025, 12, 1));
        Worker(db, b2, "Mira Yuliani", null, new(2026, 1, 1));
        Worker(db, b4, "Nona Puspita", null, null);

        FollowUp(db, apps[ani], FollowUpGroup.Participant, 1, true, 1_000_000, 300_000, 2_000_000);
        FollowUp(db, apps[ani], FollowUpGroup.Participant, 3, true, 1_500_000, 500_000, 2_600_000);
        FollowUp(db, apps[ani], FollowUpGroup.Participant, 6, true, 2_000_000, 700_000, 3_000_000);
        FollowUp(db, apps[budi], FollowUpGroup.Participant, 3, false, null, null, 1_500_000);
        FollowUp(db, apps[budi], FollowUpGroup.Participant, 6, null, null, null, null, FollowUpStatus.Due);
        FollowUp(db, apps[citra], FollowUpGroup.Participant, 3, true, 800_000, 200_000, 1_800_000);
        FollowUp(db, apps[citra], FollowUpGroup.Participant, 6, false, 0, 0, 1_700_000);
        FollowUp(db, apps[dewi], FollowUpGroup.Participant, 3, null, null, null, null, FollowUpStatus.NotReached);
        FollowUp(db, apps[hadi], FollowUpGroup.Comparison, 6, true, 500_000, 100_000, 1_200_000);
        FollowUp(db, apps[indah], FollowUpGroup.Comparison, 3, false, null, null, 1_000_000);
        FollowUp(db, apps[indah], FollowUpGroup.Comparison, 6, false, null, null, 1_100_000);

        var month = LastMonth;
        Share(db, placed[ani], true);
        Share(db, placed[citra], true);
        Share(db, placed[budi], false);
        Entry(db, placed[ani], CashbookKind.Sale, month, 400_000, paid: true);
        Entry(db, placed[ani], CashbookKind.Sale, month.AddDays(3), 600_000, paid: false);
        Entry(db, placed[ani], CashbookKind.Expense, month.AddDays(4), 300_000);
        Entry(db, placed[ani], CashbookKind.DebtPayment, month.AddDays(5), 100_000);
        Entry(db, placed[ani], CashbookKind.Sale, month.AddDays(6), 999, deleted: true);
        Entry(db, placed[ani], CashbookKind.Sale, month.AddMonths(1), 77);
        Entry(db, placed[citra], CashbookKind.Sale, month, 200_000);
        Entry(db, placed[citra], CashbookKind.Expense, month, 250_000);
        Entry(db, placed[budi], CashbookKind.Sale, month, 5_000_000);

        db.Add(new AllowancePayment { AgencyId = AgencyId, ProgramId = ProgramId, CohortId = c1.Id, PaidOn = new(2025, 11, 5), Amount = 500_000, Days = 20, RecordedAt = now });
        db.Add(new AllowancePayment { AgencyId = AgencyId, ProgramId = ProgramId, CohortId = c2.Id, PaidOn = new(2025, 11, 5), Amount = 300_000, Days = 12, RecordedAt = now });
        Kit(db, placed[ani], 2_000_000, voided: false);
        Kit(db, placed[citra], 1_500_000, voided: false);
        Kit(db, placed[budi], 9_999_999, voided: true);
        await db.SaveChangesAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
