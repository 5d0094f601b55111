using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Training;

namespace Tunas.Web.Features.Businesses.Cashbook;

public sealed record BusinessMonthlyTotals(long BusinessId, IReadOnlyList<MonthlyTotal> Months);

/// <summary>
/// A business's monthly cashbook totals for staff: the months of those of its owners who share them (issue 14), the
/// current month included; a single entry never. An owner who withdraws takes every month back at once.
/// </summary>
public static class BusinessTotalsApi
{
    public static IEndpointRouteBuilder MapBusinessTotals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/businesses/{id:long}/monthly-totals", TotalsAsync)
            .WithTags("Cashbook").RequireAuthorization(CashbookPolicies.Totals)
            .WithSummary("The business's monthly totals (from, to = yyyy-MM) of the owners who share them; never a single entry.");
        return app;
    }

    internal static async Task<Results<Ok<BusinessMonthlyTotals>, NotFound, ValidationProblem>> TotalsAsync(
        long id, string? from, string? to, BusinessScope scope, TunasDb db, CashbookTotals totals, TimeProvider clock,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var business = await scope.FindAsync(id, ct);
        if (business is null)
        {
            return TypedResults.NotFound();
        }
        var (first, last) = CashbookApi.Range(from, to, clock);
        if (first is not { } f || last is not { } l)
        {
            return CashbookApi.MonthProblem(L);
        }
        var owners = business.Owners.Select(o => o.PersonId).ToList();
        var agency = scope.AgencyId;
        var placements = await (
            from p in db.Set<CohortParticipant>()
            where p.AgencyId == agency
            join a in db.Applications on p.ApplicationId equals a.Id
            where a.AgencyId == agency && owners.Contains(a.PersonId)
            select p.Id).ToListAsync(ct);
        return TypedResults.Ok(new BusinessMonthlyTotals(id, await totals.MonthlyAsync(agency, placements, f, l, ct)));
    }
}
