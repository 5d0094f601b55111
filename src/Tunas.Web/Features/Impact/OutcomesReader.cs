using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Impact;

/// <summary>What the training left behind (<see cref="Outcomes"/>): businesses, money made, jobs, household income.</summary>
public static class OutcomesReader
{
    /// <summary>
    /// One done follow-up answer, with the applicant behind it (null when the person is no longer in the registry):
    /// the funnel's rounds, the outcomes and the comparison all count from one read of these.
    /// </summary>
    public readonly record struct Answer(
        long ApplicationId, int MonthsAfter, bool? BusinessActive, long? Revenue, long? Profit, long? Income, ScopedPerson? Person);

    /// <summary>The last whole month before <paramref name="today"/>: a month still running would read low.</summary>
    public static DateOnly CashbookMonthOf(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    /// <summary>The outcomes from their inputs, read from the rows or from the kept facts alike (<see cref="DashboardInputs"/>).</summary>
    public static Outcomes Build(DateOnly today, DashboardInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var month = CashbookMonthOf(today);
        var answers = inputs.Answers;
        return new Outcomes(inputs.Businesses.Active, month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            inputs.Cashbook.Sales, inputs.Cashbook.Profit, Stats.MedianOfSorted(answers.Revenue), Stats.MedianOfSorted(answers.Profit),
            inputs.Hired.Current, inputs.Hired.Poor, Stats.MedianOfSorted(answers.IncomeChanges));
    }

    /// <summary>The consented cashbook totals of the placements in scope for <see cref="CashbookMonthOf"/> today.</summary>
    public static Task<IReadOnlyList<MonthlyTotal>> CashbookAsync(DashboardScope scope, CashbookTotals cashbook, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cashbook);
        var month = CashbookMonthOf(scope.Today);
        return cashbook.MonthlyAsync(scope.AgencyId, scope.PlacementRows.Select(p => p.Id), month, month, ct);
    }

    /// <summary>
    /// The done follow-ups of the participants in scope, with the people who gave them: a join from the placements
    /// (one per application), where a sub-query of them under the follow-ups ran slower. The people come from
    /// <paramref name="placed"/>, already read: looking each answer's person up again took a third of this read's
    /// time at 100,000 answers.
    /// </summary>
    public static async Task<List<Answer>> ParticipantAnswersAsync(DashboardScope scope, IReadOnlyList<ReachReader.Placed> placed, CancellationToken ct)
    {
        var people = new Dictionary<long, ScopedPerson?>(placed.Count);
        foreach (var p in placed)
        {
            people[p.ApplicationId] = p.Person;
        }
        var rows = await (
            from pl in scope.PlacementRows
            join f in scope.Db.Set<FollowUp>().AsNoTracking() on new { AgencyId = scope.AgencyId, pl.ApplicationId } equals new { f.AgencyId, f.ApplicationId }
            where f.Group == FollowUpGroup.Participant && f.Status == FollowUpStatus.Done
            select new { f.ApplicationId, f.MonthsAfter, f.BusinessActive, f.MonthlyRevenue, f.MonthlyProfit, f.HouseholdMonthlyIncome })
            .ToListAsync(ct);
        return [.. rows.Select(f => new Answer(f.ApplicationId, f.MonthsAfter, f.BusinessActive, f.MonthlyRevenue, f.MonthlyProfit,
            f.HouseholdMonthlyIncome, people.GetValueOrDefault(f.ApplicationId)))];
    }

    /// <summary>
    /// <paramref name="followUps"/> with their persons' fields as copied on each (decision 0034): no join to the registry.
    /// </summary>
    internal static Task<List<Answer>> AnswersAsync(IQueryable<FollowUp> followUps, CancellationToken ct) =>
        followUps.Select(f => new Answer(f.ApplicationId, f.MonthsAfter, f.BusinessActive, f.MonthlyRevenue, f.MonthlyProfit, f.HouseholdMonthlyIncome,
                new ScopedPerson(f.PersonSex, f.PersonBirthDate, f.PersonDisability, f.PersonWelfareDecile)))
            .ToListAsync(ct);
}
