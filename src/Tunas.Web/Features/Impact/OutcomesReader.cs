using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Businesses.FollowUps;

namespace Tunas.Web.Features.Impact;

/// <summary>What the training left behind (<see cref="Outcomes"/>): businesses, money made, jobs, household income.</summary>
public static class OutcomesReader
{
    /// <summary>One done follow-up answer of a participant, for the outcomes and the comparison.</summary>
    internal sealed record Answer(long ApplicationId, int MonthsAfter, bool? BusinessActive, long? Revenue, long? Profit, long? Income);

    public static async Task<Outcomes> ReadAsync(DashboardScope scope, CashbookTotals cashbook, CancellationToken ct)
    {
        var db = scope.Db;
        var agency = scope.AgencyId;
        var persons = scope.Placements.Select(p => p.PersonId);
        var businesses = FunnelReader.BusinessesOf(scope, persons);
        var active = await db.Set<Business>().CountAsync(b => b.AgencyId == agency && b.Status == BusinessStatus.Active && businesses.Contains(b.Id), ct);

        // The last whole month before today: a month still running would read low.
        var month = new DateOnly(scope.Today.Year, scope.Today.Month, 1).AddMonths(-1);
        var totals = await cashbook.MonthlyAsync(agency, scope.Placements.Select(p => p.Id), month, month, ct);

        var answers = await ParticipantAnswersAsync(scope, ct);
        var latest = Latest(answers);

        var today = scope.Today;
        var jobs = db.Set<BusinessWorker>().Where(w => w.AgencyId == agency && businesses.Contains(w.BusinessId) && (w.EndedOn == null || w.EndedOn > today));
        var jobCount = await jobs.CountAsync(ct);
        var poor = await jobs.CountAsync(w => w.Nik != null
            && db.Persons.Any(p => p.AgencyId == agency && p.Nik == w.Nik && p.WelfareDecile >= 1 && p.WelfareDecile <= 4), ct);

        return new Outcomes(active, month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Stats.Median(totals.Select(t => t.Sales)), Stats.Median(totals.Select(t => t.Profit)),
            Stats.Median(latest.Select(a => a.Revenue)), Stats.Median(latest.Select(a => a.Profit)),
            jobCount, poor, Stats.Median(IncomeChanges(answers)));
    }

    /// <summary>The done follow-ups of the participants in scope.</summary>
    internal static Task<List<Answer>> ParticipantAnswersAsync(DashboardScope scope, CancellationToken ct) =>
        ParticipantAnswers(scope)
            .Select(f => new Answer(f.ApplicationId, f.MonthsAfter, f.BusinessActive, f.MonthlyRevenue, f.MonthlyProfit, f.HouseholdMonthlyIncome))
            .ToListAsync(ct);

    internal static IQueryable<FollowUp> ParticipantAnswers(DashboardScope scope)
    {
        var applications = scope.Placements.Select(p => p.ApplicationId);
        return scope.Db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.AgencyId == scope.AgencyId && f.Group == FollowUpGroup.Participant && f.Status == FollowUpStatus.Done
                && applications.Contains(f.ApplicationId));
    }

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
