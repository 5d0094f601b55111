using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Training.Allowances;
using Tunas.Web.Features.Training.Kits;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// The money (<see cref="Money"/>): the programs' budget, and what the cohorts in scope spent on transport allowances
/// paid and on standing kit hand-overs, the same sums as <see cref="ProgramSpendingReader"/> for a whole program. Spending
/// is per cohort, so a kelurahan filter does not split it; the costs divide it by the outcomes in scope.
/// </summary>
public static class MoneyReader
{
    public static async Task<Money> ReadAsync(DashboardScope scope, int graduates, int activeBusinesses, int jobs, CancellationToken ct)
    {
        var db = scope.Db;
        var agency = scope.AgencyId;
        var budget = await scope.Programs.SumAsync(p => p.Budget, ct);
        var cohorts = scope.Cohorts.Select(c => c.Id);
        var transport = await db.Set<AllowancePayment>().Where(x => x.AgencyId == agency && cohorts.Contains(x.CohortId)).SumAsync(x => x.Amount, ct);
        var handovers = db.Set<KitHandover>().Where(x => x.AgencyId == agency && x.VoidedAt == null && cohorts.Contains(x.CohortId));
        var kits = await handovers.SumAsync(x => x.Value, ct);
        var kitCount = await handovers.CountAsync(ct);
        var spent = transport + kits;
        return new Money(budget, transport, kits, kitCount, Per(spent, graduates), Per(spent, activeBusinesses), Per(spent, jobs));
    }

    /// <summary>Whole rupiah per unit, rounded half away from zero; null when there is no unit.</summary>
    public static long? Per(long spent, int units) => units == 0 ? null : (long)Math.Round((double)spent / units, MidpointRounding.AwayFromZero);
}
