using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Impact;

/// <summary>
/// Participants beside the comparison group (applicants of the same programs who were waitlisted or not selected and
/// answered the same survey): each person's latest answer, both group sizes, the difference with a 95% interval, and
/// plain warnings when the groups are too small or too unlike to compare (decision 0028).
/// </summary>
public static class ComparisonReader
{
    public const int MinGroup = 30;
    public const double MaxDesilGap = 1.0;
    public const double MaxAgeGap = 5.0;
    public const double MaxWomenGap = 0.15;

    public const string SmallParticipantsMessage = "Only {0} participants answered the follow-up: too few to compare (at least {1} are needed).";
    public const string SmallComparisonMessage = "Only {0} people of the comparison group answered: too few to compare (at least {1} are needed).";
    public const string DesilGapMessage = "The groups differ in welfare decile (desil {0} against {1} on average): a difference may come from that, not from the training.";
    public const string AgeGapMessage = "The groups differ in age ({0} against {1} years on average): a difference may come from that, not from the training.";
    public const string WomenGapMessage = "The groups differ in the share of women ({0} against {1}): a difference may come from that, not from the training.";
    public const string WholeProgramMessage = "The comparison group has no provider or cohort: it is the comparison group of the whole program.";

    /// <summary>
    /// The done answers of the comparison group of the programs in scope, with each person's fields as copied on the
    /// follow-up (decision 0034); a kelurahan, a kecamatan or a track narrows them by their applications.
    /// </summary>
    public static Task<List<OutcomesReader.Answer>> ComparisonAnswersAsync(DashboardScope scope, CancellationToken ct)
    {
        var db = scope.Db;
        var agency = scope.AgencyId;
        var programs = scope.Programs.Select(p => p.Id);
        var comparisonAnswers = db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.AgencyId == agency && f.Group == FollowUpGroup.Comparison && f.Status == FollowUpStatus.Done && programs.Contains(f.ProgramId));
        // The kelurahan and the track narrow them by their applications: with neither, no semi-join over every application.
        var filter = scope.Filter;
        if (filter.VillageCode is not null || filter.DistrictCode is not null || filter.TrackId is not null)
        {
            var applications = scope.ByTrack(scope.ByPlace(db.Applications.AsNoTracking().Where(a => a.AgencyId == agency))).Select(a => a.Id);
            comparisonAnswers = comparisonAnswers.Where(f => applications.Contains(f.ApplicationId));
        }
        return OutcomesReader.AnswersAsync(comparisonAnswers, ct);
    }

    /// <summary>The comparison from both groups' answers, read from the rows or from the kept facts alike (<see cref="DashboardInputs"/>).</summary>
    public static Comparison Build(DashboardFilter filter, DashboardInputs inputs, Func<string, string[], string> localize)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(inputs);
        var participants = inputs.Answers;
        var comparison = inputs.ComparisonAnswers;
        var rows = new List<ComparisonRow>
        {
            Proportion("businessActive", participants, comparison),
            MedianRow("monthlyRevenue", participants.Revenue, comparison.Revenue),
            MedianRow("monthlyProfit", participants.Profit, comparison.Profit),
            MedianRow("householdIncome", participants.Income, comparison.Income),
        };
        return new Comparison(participants.Profile, comparison.Profile, rows, Warnings(participants.Profile, comparison.Profile, filter, localize));
    }

    private static ComparisonRow Proportion(string outcome, AnswerGroup a, AnswerGroup b)
    {
        var d = Stats.ProportionDifference(a.ActiveYes, a.ActiveKnown, b.ActiveYes, b.ActiveKnown);
        return new ComparisonRow(outcome, "share", a.ActiveKnown, a.ActiveKnown == 0 ? null : (double)a.ActiveYes / a.ActiveKnown,
            b.ActiveKnown, b.ActiveKnown == 0 ? null : (double)b.ActiveYes / b.ActiveKnown, d?.Difference, d?.Low, d?.High);
    }

    private static ComparisonRow MedianRow(string outcome, long[] sortedA, long[] sortedB)
    {
        var d = BootstrapMemo.MedianDifference(sortedA, sortedB);
        return new ComparisonRow(outcome, "median", sortedA.Length, Stats.MedianOf(sortedA), sortedB.Length, Stats.MedianOf(sortedB),
            d?.Difference, d?.Low, d?.High);
    }

    internal static List<Warning> Warnings(GroupProfile p, GroupProfile c, DashboardFilter filter, Func<string, string[], string> localize)
    {
        static string N(double? v) => v!.Value.ToString("0.0", CultureInfo.CurrentCulture);
        static string Percent(double? v) => Math.Round(v!.Value * 100).ToString(CultureInfo.InvariantCulture) + "%";
        static string Count(int v) => v.ToString(CultureInfo.InvariantCulture);
        var warnings = new List<Warning>();
        if (p.N < MinGroup)
        {
            warnings.Add(new("small-participants", localize(SmallParticipantsMessage, [Count(p.N), Count(MinGroup)])));
        }
        if (c.N < MinGroup)
        {
            warnings.Add(new("small-comparison", localize(SmallComparisonMessage, [Count(c.N), Count(MinGroup)])));
        }
        if (p.MeanDesil is { } pd && c.MeanDesil is { } cd && Math.Abs(pd - cd) > MaxDesilGap)
        {
            warnings.Add(new("desil-differs", localize(DesilGapMessage, [N(pd), N(cd)])));
        }
        if (p.MeanAge is { } pa && c.MeanAge is { } ca && Math.Abs(pa - ca) > MaxAgeGap)
        {
            warnings.Add(new("age-differs", localize(AgeGapMessage, [N(pa), N(ca)])));
        }
        if (p.WomenShare is { } pw && c.WomenShare is { } cw && Math.Abs(pw - cw) > MaxWomenGap)
        {
            warnings.Add(new("women-differ", localize(WomenGapMessage, [Percent(pw), Percent(cw)])));
        }
        if (filter.NarrowsToCohorts)
        {
            warnings.Add(new("whole-program", localize(WholeProgramMessage, [])));
        }
        return warnings;
    }
}
