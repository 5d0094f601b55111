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
        var active = inputs.Owned.Where(o => o.Status == BusinessStatus.Active).Select(o => o.BusinessId).Distinct().Count();
        var month = CashbookMonthOf(today);
        var totals = inputs.Cashbook;
        var latest = inputs.LatestAnswers;
        return new Outcomes(active, month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Stats.Median(totals.Select(t => t.Sales)), Stats.Median(totals.Select(t => t.Profit)),
            Stats.Median(latest.Select(a => a.Revenue)), Stats.Median(latest.Select(a => a.Profit)),
            inputs.Hired.Current, inputs.Hired.Poor, Stats.Median(IncomeChanges(inputs.Answers)));
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

    /// <summary>
    /// Each person's latest answer (the round furthest from the training; of two answers of one round, the first), in
    /// the order their first answers came: one pass, where a grouping of 100,000 answers took tens of milliseconds.
    /// </summary>
    internal static List<Answer> Latest(IEnumerable<Answer> answers)
    {
        var latest = new Dictionary<long, Answer>(answers.TryGetNonEnumeratedCount(out var n) ? n / 2 : 0);
        foreach (var a in answers)
        {
            if (!latest.TryGetValue(a.ApplicationId, out var known) || a.MonthsAfter > known.MonthsAfter)
            {
                latest[a.ApplicationId] = a;
            }
        }
        return [.. latest.Values];
    }

    /// <summary>
    /// Each person's household income at their latest answer less that at their first: the application records no
    /// income, so the first follow-up is the earliest value there is (decision 0028). People with one answer are left out.
    /// </summary>
    internal static IEnumerable<long?> IncomeChanges(IEnumerable<Answer> answers)
    {
        var span = new Dictionary<long, (int FirstMonths, long First, int LastMonths, long Last)>();
        foreach (var a in answers)
        {
            if (a.Income is not { } income)
            {
                continue;
            }
            if (!span.TryGetValue(a.ApplicationId, out var s))
            {
                span[a.ApplicationId] = (a.MonthsAfter, income, a.MonthsAfter, income);
                continue;
            }
            if (a.MonthsAfter < s.FirstMonths)
            {
                (s.FirstMonths, s.First) = (a.MonthsAfter, income);
            }
            if (a.MonthsAfter > s.LastMonths)
            {
                (s.LastMonths, s.Last) = (a.MonthsAfter, income);
            }
            span[a.ApplicationId] = s;
        }
        return span.Values.Where(s => s.FirstMonths != s.LastMonths).Select(s => (long?)(s.Last - s.First));
    }
}
