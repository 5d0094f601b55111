using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Allowances;
using Tunas.Web.Features.Training.Kits;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The demo's money and kits: Rp 50.000 per attended day, a kit template per track, the items bought, a kit handed over
/// on the last day to most participants (each with a drawn signature), and the first cohort's transport list paid.
/// </summary>
public sealed class DemoKitsSeeder(TunasDb db, KitProofs proofs, TimeProvider clock)
{
    public const long TransportPerDay = 50_000;

    private static readonly DateOnly HandedOverOn = new(2025, 10, 31);

    /// <summary>A 1×1 PNG: the stand-in for a signature drawn on a phone.</summary>
    private static readonly byte[] Signature = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly Dictionary<string, (string Name, int Quantity, long UnitValue)[]> Templates = new(StringComparer.Ordinal)
    {
        ["Jajanan"] = [("Oven gas", 1, 2_500_000), ("Mixer", 1, 750_000), ("Cetakan kue (set)", 1, 250_000)],
        ["Menjahit Kaos Konveksi"] = [("Mesin jahit", 1, 2_000_000), ("Mesin obras", 1, 2_500_000), ("Kain kaos (meter)", 10, 40_000)],
        ["Produk Rumah Tangga"] = [("Ember dan pengaduk", 1, 300_000), ("Bahan sabun (paket)", 1, 500_000), ("Botol kemasan", 50, 2_000)],
    };

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        var program = await db.Programs.Include(p => p.Tracks).FirstOrDefaultAsync(p => p.AgencyId == agencyId && p.Name == DemoProgramSeeder.ProgramName, ct);
        if (program is null || await db.Set<KitHandover>().AnyAsync(h => h.AgencyId == agencyId && h.ProgramId == program.Id, ct))
        {
            await output.WriteLineAsync("Demo kits: already there, or no demo program; nothing added.");
            return;
        }
        var cohorts = await db.Set<Cohort>().AsNoTracking().Where(c => c.AgencyId == agencyId && c.ProgramId == program.Id).OrderBy(c => c.Id).ToListAsync(ct);
        program.TransportPerDay = TransportPerDay;
        var placed = await db.Set<CohortParticipant>().AsNoTracking().Where(p => p.AgencyId == agencyId && p.Status == ParticipantStatus.Placed)
            .Join(db.Set<Cohort>().Where(c => c.ProgramId == program.Id), p => p.CohortId, c => c.Id, (p, c) => new { p.Id, p.CohortId, c.TrackId })
            .OrderBy(p => p.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var handed = 0;
        foreach (var track in program.Tracks.Where(t => Templates.ContainsKey(t.Name)))
        {
            var items = Templates[track.Name];
            var people = placed.Where(p => p.TrackId == track.Id).ToList();
            db.AddRange(items.Select((i, n) => new KitTemplateItem { AgencyId = agencyId, TrackId = track.Id, SortOrder = n, Name = i.Name, Quantity = i.Quantity, UnitValue = i.UnitValue }));
            db.AddRange(items.Select(i => new KitStockItem { AgencyId = agencyId, ProgramId = program.Id, Name = i.Name, Quantity = i.Quantity * (people.Count + 2), UnitValue = i.UnitValue }));
            // Every seventh participant has not collected the kit yet.
            foreach (var person in people.Where((_, n) => n % 7 != 6))
            {
                db.Add(new KitHandover
                {
                    AgencyId = agencyId,
                    ProgramId = program.Id,
                    CohortId = person.CohortId,
                    ParticipantId = person.Id,
                    HandedOverOn = HandedOverOn,
                    HandedOverByName = "Petugas Dinas",
                    ProofKind = KitProof.Signature,
                    ProofFile = await proofs.StoreAsync(new KitProofUpload(KitProof.Signature, Signature), ct),
                    Value = items.Sum(i => i.Quantity * i.UnitValue),
                    CreatedAt = now,
                    Items = [.. items.Select(i => new KitHandoverItem { AgencyId = agencyId, Name = i.Name, Quantity = i.Quantity, UnitValue = i.UnitValue })],
                });
                handed++;
            }
        }
        if (cohorts.FirstOrDefault() is { } first)
        {
            var sessions = await db.Set<CohortSession>().AsNoTracking().Where(s => s.AgencyId == agencyId && s.CohortId == first.Id).ToDictionaryAsync(s => s.Id, s => s.Date, ct);
            var marks = await db.Set<AttendanceMark>().AsNoTracking().Where(m => m.AgencyId == agencyId && m.CohortId == first.Id).OrderBy(m => m.Id)
                .Select(m => new { m.SessionId, m.ParticipantId, m.Status }).ToListAsync(ct);
            var days = AllowanceBook.AttendedDays(sessions, marks.Select(m => (m.SessionId, m.ParticipantId, m.Status))).Values.Sum();
            db.Add(new AllowancePayment
            {
                AgencyId = agencyId,
                ProgramId = program.Id,
                CohortId = first.Id,
                PaidOn = HandedOverOn,
                Amount = days * TransportPerDay,
                Days = days,
                RecordedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"Demo kits: {handed} kits handed over, transport Rp {TransportPerDay}/day, one payout list paid.");
    }
}
