using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Training.Allowances;

namespace Tunas.Web.Features.Training.Kits;

/// <summary>A program's money in whole rupiah: its budget, what the training spent, and what is left.</summary>
public sealed record ProgramSpending(int ProgramId, long Budget, long TransportPaid, int KitsHandedOver, long KitsValue)
{
    public long Spent => TransportPaid + KitsValue;

    /// <summary>Negative when the program spent more than its budget.</summary>
    public long Remaining => Budget - Spent;
}

/// <summary>
/// Reads a program's spending for the money page and for later features (the impact report): transport allowances
/// marked paid and the value of standing kit hand-overs, against the program's budget.
/// </summary>
public sealed class ProgramSpendingReader(TunasDb db)
{
    /// <summary>Null when the program is not the agency's.</summary>
    public async Task<ProgramSpending?> ReadAsync(int agencyId, int programId, CancellationToken ct = default)
    {
        var budget = await db.Programs.AsNoTracking().Where(p => p.AgencyId == agencyId && p.Id == programId)
            .Select(p => (long?)p.Budget).FirstOrDefaultAsync(ct);
        if (budget is null)
        {
            return null;
        }
        var transport = await db.Set<AllowancePayment>().Where(x => x.AgencyId == agencyId && x.ProgramId == programId)
            .Select(x => x.Amount).ToListAsync(ct);
        var kits = await db.Set<KitHandover>().Where(x => x.AgencyId == agencyId && x.ProgramId == programId && x.VoidedAt == null)
            .Select(x => x.Value).ToListAsync(ct);
        return new ProgramSpending(programId, budget.Value, transport.Sum(), kits.Count, kits.Sum());
    }
}
