using Tunas.Web.Features.Businesses.Cashbook;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// What every block of the dashboard is computed from: the same for the figures read from the kept facts at each
/// request (<see cref="Facts.FactInputs"/>, decision 0035) and for their recount from the rows (<see cref="ReadAsync"/>),
/// so that both go through one computation and a test or the bench can hold one against the other.
/// </summary>
/// <param name="Eligible">The registry's first stage per desil, the unknown, and its basis.</param>
/// <param name="Applied">The applications in scope per kelurahan.</param>
/// <param name="Placed">Everyone placed in scope, with their person.</param>
/// <param name="Answers">The participants' done follow-up answers.</param>
/// <param name="Hired">The workers of the participants' businesses.</param>
/// <param name="Owned">The participants' businesses.</param>
/// <param name="Decisions">The eligible and selected of the published runs (null when a provider or cohort narrows).</param>
/// <param name="Completed">The standing certificates of the placements in scope.</param>
/// <param name="Cashbook">The consented cashbook totals of the last whole month.</param>
/// <param name="ComparisonAnswers">The comparison group's done answers.</param>
public sealed record DashboardInputs(
    (Dictionary<int, int> ByDesil, int Unknown, string Basis) Eligible,
    Dictionary<string, int> Applied,
    List<ReachReader.Placed> Placed,
    List<OutcomesReader.Answer> Answers,
    WorkerCounts Hired,
    List<OwnedBusiness> Owned,
    (int Eligible, int Selected)? Decisions,
    int Completed,
    IReadOnlyList<MonthlyTotal> Cashbook,
    List<OutcomesReader.Answer> ComparisonAnswers)
{
    private List<OutcomesReader.Answer>? _latest;

    /// <summary>Each participant's latest answer, found once for the outcomes and the comparison.</summary>
    public List<OutcomesReader.Answer> LatestAnswers => _latest ??= OutcomesReader.Latest(Answers);

    /// <summary>The latest answers already found from <see cref="Answers"/> (the kept facts remember them with the answers).</summary>
    internal void UseLatest(List<OutcomesReader.Answer> latest) => _latest = latest;

    /// <summary>Every input read from the rows themselves, one query each: the direct recount the kept facts must equal.</summary>
    public static async Task<DashboardInputs> ReadAsync(DashboardScope scope, CashbookTotals cashbook, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var eligible = await ReachReader.EligibleByDesilAsync(scope, ct);
        var applied = await ReachReader.AppliedByVillageAsync(scope, ct);
        var placed = await ReachReader.PlacedAsync(scope, ct);
        var answers = await OutcomesReader.ParticipantAnswersAsync(scope, placed, ct);
        var hired = await FunnelReader.WorkersAsync(scope, ct);
        var owned = await FunnelReader.OwnedBusinessesAsync(scope, ct);
        var decisions = await FunnelReader.DecisionsAsync(scope, ct);
        var completed = await FunnelReader.CompletedAsync(scope, ct);
        var totals = await OutcomesReader.CashbookAsync(scope, cashbook, ct);
        var comparison = await ComparisonReader.ComparisonAnswersAsync(scope, ct);
        return new(eligible, applied, placed, answers, hired, owned, decisions, completed, totals, comparison);
    }
}
