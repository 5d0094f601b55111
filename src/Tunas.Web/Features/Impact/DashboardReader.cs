using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Impact.Facts;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// Reads the dashboard for the signed-in user's agency. Its inputs come from the agency's <see cref="ImpactFacts"/>, brought
/// up to date with every committed change at each request (decision 0035); <see cref="RecountAsync"/> reads the same
/// inputs from the rows themselves, the recount they must equal. Both go through one computation of the blocks.
/// </summary>
public sealed class DashboardReader(
    TunasDb db, CurrentUser me, VillageNames villages, CashbookTotals cashbook, ImpactFactsCache facts, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<Dashboard> ReadAsync(DashboardFilter filter, CancellationToken ct)
    {
        var scope = Scope(filter);
        var programs = await FunnelReader.ProgramsAsync(scope, ct);
        var inputs = await facts.ReadAsync(db, scope.AgencyId, OutcomesReader.CashbookMonthOf(scope.Today),
            f => FactInputs.Read(f, filter, programs, scope.Today), ct);
        return await BuildAsync(scope, inputs, ct);
    }

    /// <summary>The same dashboard with every input read from the rows: slower, and the figures the kept facts must equal.</summary>
    public async Task<Dashboard> RecountAsync(DashboardFilter filter, CancellationToken ct)
    {
        var scope = Scope(filter);
        return await BuildAsync(scope, await DashboardInputs.ReadAsync(scope, cashbook, ct), ct);
    }

    public Task<List<OpenDataRow>> OpenDataAsync(DashboardFilter filter, CancellationToken ct) =>
        OpenData.ReadAsync(Scope(filter), villages, ct);

    private DashboardScope Scope(DashboardFilter filter) => new(db, me.AgencyId ?? 0, filter, clock.TodayInIndonesia());

    private async Task<Dashboard> BuildAsync(DashboardScope scope, DashboardInputs inputs, CancellationToken ct)
    {
        // Every block is a summary already (Summaries.cs): what is left is arithmetic, the kelurahan's names and the money's sums.
        var funnel = FunnelReader.Build(scope.Filter, inputs);
        var reach = await ReachReader.ReadAsync(scope, villages, inputs.Eligible, inputs.Applied, inputs.Placed, ct);
        var outcomes = OutcomesReader.Build(scope.Today, inputs);
        var money = await MoneyReader.ReadAsync(scope, funnel.Completed, outcomes.ActiveBusinesses, outcomes.Jobs, ct);
        var comparison = ComparisonReader.Build(scope.Filter, inputs, (message, args) => L[message, args]);
        return new Dashboard(scope.Filter, scope.Today, funnel, reach, outcomes, money, comparison);
    }
}
