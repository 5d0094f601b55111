using Tunas.Web.Features.Businesses.Cashbook;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// What every block of the dashboard is computed from: the same for the figures read from the kept facts at each
/// request (<see cref="Facts.FactInputs"/>, decision 0035) and for their recount from the rows (<see cref="ReadAsync"/>),
/// so that both go through one computation and a test or the bench can hold one against the other.
/// </summary>
/// <param name="Eligible">The registry's first stage per desil, the unknown, and its basis.</param>
/// <param name="Applied">The applications in scope per kelurahan.</param>
/// <param name="Placed">Everyone placed in scope, summarized.</param>
/// <param name="Answers">The participants' done follow-up answers, summarized.</param>
/// <param name="Hired">The workers of the participants' businesses.</param>
/// <param name="Businesses">The participants' businesses, counted.</param>
/// <param name="Decisions">The eligible and selected of the published runs (null when a provider or cohort narrows).</param>
/// <param name="Completed">The standing certificates of the placements in scope.</param>
/// <param name="Cashbook">The medians of the consented cashbook totals of the last whole month.</param>
/// <param name="ComparisonAnswers">The comparison group's done answers, summarized.</param>
public sealed record DashboardInputs(
    (Dictionary<int, int> ByDesil, int Unknown, string Basis) Eligible,
    Dictionary<string, int> Applied,
    PlacedGroup Placed,
    AnswerGroup Answers,
    WorkerCounts Hired,
    BusinessCounts Businesses,
    (int Eligible, int Selected)? Decisions,
    int Completed,
    CashbookMedians Cashbook,
    AnswerGroup ComparisonAnswers)
{
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
        return new(eligible, applied, PlacedGroup.Of(placed), AnswerGroup.Of(answers, scope.Today), hired, BusinessCounts.Of(owned), decisions,
            completed, CashbookMedians.Of(totals), AnswerGroup.Of(comparison, scope.Today));
    }
}
