using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Impact;

/// <summary>Reads every block of the dashboard for the signed-in user's agency, from the rows at each request; the cashbook months from their totals kept in the same transaction as each line (decision 0029); the people's sex, age, disability and desil from the copies kept on their places and follow-ups (decision 0034); the participants' follow-up answers once for the funnel, the outcomes and the comparison, and their businesses once for the funnel and the outcomes.</summary>
public sealed class DashboardReader(
    TunasDb db, CurrentUser me, VillageNames villages, CashbookTotals cashbook, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<Dashboard> ReadAsync(DashboardFilter filter, CancellationToken ct)
    {
        var scope = new DashboardScope(db, me.AgencyId ?? 0, filter, clock.TodayInIndonesia());
        var eligible = await ReachReader.EligibleByDesilAsync(scope, ct);
        var applied = await ReachReader.AppliedByVillageAsync(scope, ct);
        var placed = await ReachReader.PlacedAsync(scope, ct);
        var answers = await OutcomesReader.ParticipantAnswersAsync(scope, placed, ct);
        var hired = await FunnelReader.WorkersAsync(scope, ct);
        var owned = await FunnelReader.OwnedBusinessesAsync(scope, ct);
        var funnel = await FunnelReader.ReadAsync(scope, (eligible.ByDesil.Values.Sum() + eligible.Unknown, eligible.Basis), applied.Values.Sum(), placed.Count, hired, answers, owned, ct);
        var reach = await ReachReader.ReadAsync(scope, villages, eligible, applied, placed, ct);
        var outcomes = await OutcomesReader.ReadAsync(scope, cashbook, hired, answers, owned, ct);
        var money = await MoneyReader.ReadAsync(scope, funnel.Completed, outcomes.ActiveBusinesses, outcomes.Jobs, ct);
        var comparison = await ComparisonReader.ReadAsync(scope, answers, (message, args) => L[message, args], ct);
        return new Dashboard(filter, scope.Today, funnel, reach, outcomes, money, comparison);
    }

    public Task<List<OpenDataRow>> OpenDataAsync(DashboardFilter filter, CancellationToken ct) =>
        OpenData.ReadAsync(new DashboardScope(db, me.AgencyId ?? 0, filter, clock.TodayInIndonesia()), villages, ct);
}
