using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Certificates;
using Tunas.Web.Features.Training.Kits;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>The row writers of the fixture, each filling only what its test needs.</summary>
public sealed partial class ImpactApp
{
    private int _serial;

    private Person Person(TunasDb db, string name, Sex sex, DateOnly born, int? desil, string village, bool disability = false)
    {
        var nik = "35720" + (sex == Sex.Female ? "1" : "0") + born.ToString("ddMMyy", System.Globalization.CultureInfo.InvariantCulture) + (++_serial).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        Names.Add(name);
        Niks.Add(nik);
        var p = new Person
        {
            AgencyId = AgencyId,
            Nik = nik,
            FullName = name,
            NameKey = SearchText.Fold(name),
            Sex = sex,
            BirthDate = born,
            VillageCode = village,
            WelfareDecile = desil,
            Disability = disability,
            Verified = true,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Persons.Add(p);
        return p;
    }

    internal Application Apply(TunasDb db, Person p, int track, ApplicationStatus status)
    {
        var a = new Application
        {
            AgencyId = AgencyId,
            ProgramId = ProgramId,
            PersonId = p.Id,
            RegistrationNumber = "TNS-IMP-" + (++_serial).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FirstTrackId = track,
            VillageCode = p.VillageCode,
            Consent = true,
            ConsentPurpose = "uji",
            ConsentAt = DateTime.UtcNow,
            Status = status,
            SubmittedAt = DateTime.UtcNow,
        };
        db.Applications.Add(a);
        return a;
    }

    private SelectionRun Run(TunasDb db, int number, SelectionRunStatus status)
    {
        var r = new SelectionRun
        {
            AgencyId = AgencyId,
            ProgramId = ProgramId,
            Number = number,
            Status = status,
            RunAt = DateTime.UtcNow,
            RunById = "x",
            RunByName = "x",
            ReferenceDate = new(2025, 10, 1),
            Seed = "seed",
            SettingsJson = "{}",
            QuotasJson = "[]",
            InputsHash = "h",
            PublishedAt = status == SelectionRunStatus.Published ? DateTime.UtcNow : null,
        };
        db.SelectionRuns.Add(r);
        return r;
    }

    private void Decide(TunasDb db, long run, Application a, SelectionOutcome outcome, int? track) => db.SelectionDecisions.Add(new SelectionDecision
    {
        AgencyId = AgencyId,
        RunId = run,
        ApplicationId = a.Id,
        RegistrationNumber = a.RegistrationNumber,
        VillageCode = a.VillageCode,
        QuotaRegion = a.VillageCode,
        TrackId = track,
        Outcome = outcome,
        Status = (DecisionStatus)(int)outcome,
        ScoreJson = "{}",
        RulesJson = "[]",
        ReasonsJson = "[]",
    });

    private Cohort Cohort(TunasDb db, string name, int track, int provider)
    {
        var c = new Cohort
        {
            AgencyId = AgencyId,
            ProgramId = ProgramId,
            TrackId = track,
            ProviderId = provider,
            Name = name,
            Place = "Aula",
            StartsOn = CohortStart,
            EndsOn = CohortStart.AddDays(10),
            Capacity = 20,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Add(c);
        return c;
    }

    internal CohortParticipant Place(TunasDb db, Cohort c, Application a)
    {
        var p = new CohortParticipant { AgencyId = AgencyId, CohortId = c.Id, ApplicationId = a.Id, PlacedAt = DateTime.UtcNow };
        db.Add(p);
        return p;
    }

    private void Certificate(TunasDb db, CohortParticipant p, int sequence, bool revoked) => db.Add(new Certificate
    {
        AgencyId = AgencyId,
        ProgramId = ProgramId,
        CohortId = p.CohortId,
        ParticipantId = p.Id,
        Sequence = sequence,
        Number = "TNS/2025/UJI/" + sequence,
        VerificationCode = "CODE" + sequence.ToString("000000000000", System.Globalization.CultureInfo.InvariantCulture),
        HolderName = "-",
        TrackName = "-",
        ProviderName = "-",
        StartsOn = CohortStart,
        EndsOn = CohortStart.AddDays(10),
        Hours = 40,
        IssuedAt = DateTime.UtcNow,
        RevokedAt = revoked ? DateTime.UtcNow : null,
    });

    private Business Business(TunasDb db, string name, BusinessStatus status, Person owner)
    {
        var category = db.Set<BusinessCategory>().Local.FirstOrDefault() ?? new BusinessCategory { AgencyId = AgencyId, Name = "Makanan", CreatedAt = DateTime.UtcNow };
        if (category.Id == 0)
        {
            db.Add(category);
            db.SaveChanges();
        }
        var b = new Business
        {
            AgencyId = AgencyId,
            Name = name,
            CategoryId = category.Id,
            VillageCode = owner.VillageCode,
            Status = status,
            ClosedReason = status == BusinessStatus.Closed ? "Modal habis" : null,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        b.Owners.Add(new BusinessOwner { AgencyId = AgencyId, PersonId = owner.Id });
        db.Add(b);
        return b;
    }

    private void Worker(TunasDb db, Business b, string name, string? nik, DateOnly? ended)
    {
        Names.Add(name);
        db.Add(new BusinessWorker
        {
            AgencyId = AgencyId,
            BusinessId = b.Id,
            FullName = name,
            Nik = nik,
            NikConsentAt = nik is null ? null : DateTime.UtcNow,
            HoursPerWeek = 20,
            StartedOn = new(2025, 11, 15),
            EndedOn = ended,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
    }

    internal void FollowUp(TunasDb db, Application a, FollowUpGroup group, int months, bool? active, long? revenue, long? profit, long? income,
        FollowUpStatus status = FollowUpStatus.Done) => db.Add(new FollowUp
        {
            AgencyId = AgencyId,
            ProgramId = ProgramId,
            PersonId = a.PersonId,
            ApplicationId = a.Id,
            Group = group,
            MonthsAfter = months,
            DueOn = CohortStart.AddMonths(months),
            Status = status,
            BusinessActive = active,
            MonthlyRevenue = revenue,
            MonthlyProfit = profit,
            HouseholdMonthlyIncome = income,
            VisitedOn = status == FollowUpStatus.Done ? CohortStart.AddMonths(months) : null,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });

    private void Share(TunasDb db, CohortParticipant p, bool share) =>
        db.Add(new CashbookSharing { AgencyId = AgencyId, ParticipantId = p.Id, ShareMonthlyTotals = share, ChangedAt = DateTime.UtcNow });

    private void Entry(TunasDb db, CohortParticipant p, CashbookKind kind, DateOnly on, long amount, bool paid = true, bool deleted = false) => db.Add(new CashbookEntry
    {
        AgencyId = AgencyId,
        ParticipantId = p.Id,
        ClientId = Guid.NewGuid().ToString("N"),
        Kind = kind,
        OccurredOn = on,
        Amount = amount,
        Paid = paid,
        Deleted = deleted,
        ClientUpdatedAt = DateTime.UtcNow,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    });

    private void Kit(TunasDb db, CohortParticipant p, long value, bool voided) => db.Add(new KitHandover
    {
        AgencyId = AgencyId,
        ProgramId = ProgramId,
        CohortId = p.CohortId,
        ParticipantId = p.Id,
        HandedOverOn = new(2025, 11, 4),
        HandedOverByName = "Petugas",
        ProofFile = Guid.NewGuid().ToString("N") + ".jpg",
        Value = value,
        CreatedAt = DateTime.UtcNow,
        VoidedAt = voided ? DateTime.UtcNow : null,
    });
}
