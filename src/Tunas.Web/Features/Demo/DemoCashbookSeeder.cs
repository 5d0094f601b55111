using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The demo's cashbooks: two of every three placed participants keep one for the last three months (sales of snacks
/// and sewing, some owed, materials and transport, payments of debts), and share their monthly totals. Seeded from
/// the placement's id, so the demo is the same on every machine for the same day.
/// </summary>
public sealed class DemoCashbookSeeder(TunasDb db, TimeProvider clock)
{
    private static readonly string[] Items = ["Kue lapis", "Keripik tempe", "Es teh", "Jahit gamis", "Permak celana", "Nasi pecel", "Sambal botol"];
    private static readonly string[] Customers = ["Bu Sri", "Pak Joko", "Bu Ani", "Mbak Rina", "Warung Bu Tini"];
    private static readonly ExpenseCategory[] Categories = [ExpenseCategory.Materials, ExpenseCategory.Materials, ExpenseCategory.Transport, ExpenseCategory.Equipment];

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        if (await db.Set<CashbookEntry>().AnyAsync(e => e.AgencyId == agencyId, ct))
        {
            await output.WriteLineAsync("Demo cashbooks: already there; nothing added.");
            return;
        }
        var participants = await db.Set<CohortParticipant>().AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.Status == ParticipantStatus.Placed).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now.AddHours(7));
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var keepers = participants.Where((_, i) => i % 3 != 2).ToList();
        var entries = 0;
        foreach (var participant in keepers)
        {
            var random = new Random((int)(participant * 7919 % int.MaxValue));
            db.Add(new CashbookSharing { AgencyId = agencyId, ParticipantId = participant, ShareMonthlyTotals = true, ChangedAt = now });
            var n = 0;
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                if (random.Next(3) == 0)
                {
                    continue;
                }
                var owed = random.Next(6) == 0;
                var amount = 5_000L * random.Next(2, 40);
                var customer = owed ? Customers[random.Next(Customers.Length)] : null;
                Add(participant, day, CashbookKind.Sale, Items[random.Next(Items.Length)], random.Next(1, 20), amount, customer, !owed, null, owed ? day.AddDays(7) : null);
                if (owed && day.AddDays(10) < today && random.Next(2) == 0)
                {
                    // Half of the owed sales are paid back about ten days later; the rest stay as receivables.
                    Add(participant, day.AddDays(10), CashbookKind.DebtPayment, null, null, amount, customer, true, null, null);
                }
                if (random.Next(4) == 0)
                {
                    Add(participant, day, CashbookKind.Expense, "Belanja", null, 10_000L * random.Next(1, 15), null, true, Categories[random.Next(Categories.Length)], null);
                }
            }
            entries += n;

            void Add(long who, DateOnly on, CashbookKind kind, string? item, int? quantity, long amount, string? customer, bool paid, ExpenseCategory? category, DateOnly? due)
            {
                n++;
                db.Add(new CashbookEntry
                {
                    AgencyId = agencyId,
                    ParticipantId = who,
                    ClientId = "demo-" + who.ToString(CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture),
                    Kind = kind,
                    OccurredOn = on,
                    Item = item,
                    Quantity = quantity,
                    Amount = amount,
                    Customer = customer,
                    Paid = paid,
                    Category = category,
                    DueOn = due,
                    ClientUpdatedAt = now,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Demo cashbooks: {entries} entries for {keepers.Count} participants, who share their monthly totals."));
    }
}
