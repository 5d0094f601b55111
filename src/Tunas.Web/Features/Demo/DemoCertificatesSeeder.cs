using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Assessments;
using Tunas.Web.Features.Training.Certificates;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The demo's assessments and certificates: scores, a practical and a business plan for each participant of the demo
/// cohorts (a few not yet competent), certificates for those who completed under the program's rule, and one of them
/// revoked. The same on every machine; rows are written directly, as the training is over.
/// </summary>
public sealed class DemoCertificatesSeeder(TunasDb db, AssessmentBook book, TimeProvider clock)
{
    private static readonly (string Product, long Price, long Cost, string Customers)[] Plans =
    [
        ("Gamis anak", 150_000, 95_000, "Tetangga dan pengajian"),
        ("Kue kering lebaran", 60_000, 35_000, "Pesanan arisan dan toko oleh-oleh"),
        ("Masker kain", 10_000, 4_000, "Sekolah dan kantor kelurahan"),
        ("Roti manis", 5_000, 2_500, "Warung sekitar rumah"),
    ];

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        var cohorts = await (from c in db.Set<Cohort>().AsNoTracking()
                             join p in db.Programs on c.ProgramId equals p.Id
                             join t in db.Tracks on c.TrackId equals t.Id
                             join v in db.Providers on c.ProviderId equals v.Id
                             where c.AgencyId == agencyId && p.Name == DemoProgramSeeder.ProgramName
                             orderby c.Id
                             select new { Cohort = c, p.CompletionAttendancePercent, p.CompletionRequiresPractical, TrackName = t.Name, ProviderName = v.Name })
            .ToListAsync(ct);
        if (cohorts.Count == 0 || await db.Set<ParticipantAssessment>().AnyAsync(a => a.AgencyId == agencyId, ct))
        {
            await output.WriteLineAsync("Demo certificates: already there, or no demo cohorts; nothing added.");
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var participants = await db.Set<CohortParticipant>().AsNoTracking().Where(p => p.AgencyId == agencyId).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var (p, i) in participants.Select((p, i) => (p, i)))
        {
            var plan = Plans[i % Plans.Length];
            db.Add(new ParticipantAssessment
            {
                AgencyId = agencyId,
                CohortId = p.CohortId,
                ParticipantId = p.Id,
                PreTest = 35 + (i * 7 % 30),
                PostTest = 70 + (i * 11 % 30),
                // One in thirteen is not yet competent: a few who do not complete.
                Practical = i % 13 == 5 ? PracticalResult.NotYetCompetent : PracticalResult.Competent,
                RubricNotes = i % 13 == 5 ? "Jahitan belum rapi; perlu latihan pola." : "Rapi dan tepat waktu.",
                Product = plan.Product,
                Price = plan.Price,
                UnitCost = plan.Cost,
                Customers = plan.Customers,
                CapitalNeeded = 1_500_000 + (i % 5 * 500_000),
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);

        var issued = new List<Certificate>();
        var sequence = 0;
        foreach (var head in cohorts)
        {
            var cohort = head.Cohort;
            var facts = await book.FactsAsync(agencyId, cohort.Id, ct);
            var hours = await db.Set<CohortSession>().Where(s => s.CohortId == cohort.Id).SumAsync(s => s.Hours, ct);
            var names = await (from x in db.Set<CohortParticipant>()
                               where x.CohortId == cohort.Id
                               join a in db.Applications on x.ApplicationId equals a.Id
                               join p in db.Persons on a.PersonId equals p.Id
                               select new { x.Id, p.FullName }).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
            foreach (var f in facts.Where(f => CompletionRule.Judge(f, head.CompletionAttendancePercent, head.CompletionRequiresPractical, Shared.DateText.Iso).Completed))
            {
                sequence++;
                issued.Add(new Certificate
                {
                    AgencyId = agencyId,
                    ProgramId = cohort.ProgramId,
                    CohortId = cohort.Id,
                    ParticipantId = f.ParticipantId,
                    Sequence = sequence,
                    Number = CertificateIssuer.Numbered(cohort.EndsOn.Year, cohort.ProgramId, TrackCodes.Of(head.TrackName), sequence),
                    VerificationCode = VerificationCodes.New(),
                    HolderName = names[f.ParticipantId],
                    TrackName = head.TrackName,
                    ProviderName = head.ProviderName,
                    StartsOn = cohort.StartsOn,
                    EndsOn = cohort.EndsOn,
                    Hours = hours,
                    IssuedAt = new DateTime(2025, 11, 3, 2, 0, 0, DateTimeKind.Utc),
                });
            }
        }
        if (issued.Count > 0)
        {
            // One certificate revoked, as the demo asks: issued to someone whose attendance was later found wrong.
            var revoked = issued[^1];
            (revoked.RevokedAt, revoked.RevokedOn, revoked.RevokeReason) = (new DateTime(2025, 11, 10, 3, 0, 0, DateTimeKind.Utc), new DateOnly(2025, 11, 10),
                "Daftar hadir ternyata ditandatangani orang lain.");
        }
        db.AddRange(issued);
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo certificates: {participants.Count} assessments, {issued.Count} certificates issued ({participants.Count - issued.Count} did not complete), 1 revoked."));
    }
}
