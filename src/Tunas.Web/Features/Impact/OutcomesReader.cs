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
    public sealed record Answer(
        long ApplicationId, int MonthsAfter, bool? BusinessActive, long? Revenue, long? Profit, long? Income, ScopedPerson? Person);

    /// <param name="hired">The workers of the participants' businesses (<see cref="FunnelReader.WorkersAsync"/>).</param>
    /// <param name="answers">The participants' answers (<see cref="ParticipantAnswersAsync"/>).</param>
    /// <param name="owned">The participants' businesses (<see cref="FunnelReader.OwnedBusinessesAsync"/>).</param>
    public static async Task<Outcomes> ReadAsync(
        DashboardScope scope, CashbookTotals cashbook, WorkerCounts hired, IReadOnlyList<Answer> answers, IReadOnlyList<OwnedBusiness> owned, CancellationToken ct)
    {
        var agency = scope.AgencyId;
        var active = owned.Where(o => o.Status == BusinessStatus.Active).Select(o => o.BusinessId).Distinct().Count();

        // The last whole month before today: a month still running would read low.
        var month = new DateOnly(scope.Today.Year, scope.Today.Month, 1).AddMonths(-1);
        var totals = await cashbook.MonthlyAsync(agency, scope.PlacementRows.Select(p => p.Id), month, month, ct);

        var latest = Latest(answers);

        var (jobCount, poor) = (hired.Current, hired.Poor);

        return new Outcomes(active, month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Stats.Median(totals.Select(t => t.Sales)), Stats.Median(totals.Select(t => t.Profit)),
            Stats.Median(latest.Select(a => a.Revenue)), Stats.Median(latest.Select(a => a.Profit)),
            jobCount, poor, Stats.Median(IncomeChanges(answers)));
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

    /// <summary>Each person's latest answer (the round furthest from the training).</summary>
    internal static List<Answer> Latest(IEnumerable<Answer> answers) =>
        [.. answers.GroupBy(a => a.ApplicationId).Select(g => g.MaxBy(a => a.MonthsAfter)!)];

    /// <summary>
    /// Each person's household income at their latest answer less that at their first: the application records no
    /// income, so the first follow-up is the earliest value there is (decision 0028). People with one answer are left out.
    /// </summary>
    internal static IEnumerable<long?> IncomeChanges(IEnumerable<Answer> answers) =>
        answers.Where(a => a.Income is not null).GroupBy(a => a.ApplicationId)
            .Where(g => g.Select(a => a.MonthsAfter).Distinct().Count() > 1)
            .Select(g => (long?)(g.MaxBy(a => a.MonthsAfter)!.Income!.Value - g.MinBy(a => a.MonthsAfter)!.Income!.Value));
}
