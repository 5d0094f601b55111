using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Impact;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Impact;

/// <summary>The one-pass summaries the dashboard's blocks are built from, against hand-worked answers.</summary>
public sealed class SummariesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly ScopedPerson Sari = new(Sex.Female, new DateOnly(1990, 1, 1), false, 2);
    private static readonly ScopedPerson Budi = new(Sex.Male, new DateOnly(2000, 1, 1), true, null);
    private static readonly ScopedPerson Wati = new(Sex.Female, new DateOnly(1980, 6, 15), false, 4);

    private static OutcomesReader.Answer A(long application, int months, bool? active, long? revenue, long? profit, long? income, ScopedPerson? person) =>
        new(application, months, active, revenue, profit, income, person);

    [Fact]
    public void AnAnswerGroupIsTheHandWorkedOne()
    {
        OutcomesReader.Answer[] answers =
        [
            A(1, 3, true, 100, 10, 1_000, Sari),
            A(1, 6, false, 300, 30, 1_500, Sari),
            // A second answer of the same round: the first of the round stays the latest.
            A(1, 6, true, 999, 99, null, Sari),
            A(2, 3, null, null, 20, 2_000, Budi),
            A(3, 12, true, 200, null, null, null),
            A(4, 3, false, 400, 40, 500, Wati),
            // Past the last round counted per round, but still the latest answer.
            A(4, 13, true, 500, 50, 700, Wati),
        ];

        var g = AnswerGroup.Of(answers, Today);

        Assert.Equal(3, g.Answered[3]);
        Assert.Equal(2, g.Answered[6]);
        Assert.Equal(1, g.Answered[12]);
        Assert.Equal(1, g.Active[3]);
        Assert.Equal(1, g.Active[6]);
        Assert.Equal(1, g.Active[12]);
        // Latest: 1 at six months (the first), 2 at three, 3 at twelve, 4 at thirteen.
        Assert.Equal(3, g.ActiveKnown);
        Assert.Equal(2, g.ActiveYes);
        Assert.Equal([200L, 300, 500], g.Revenue);
        Assert.Equal([20L, 30, 50], g.Profit);
        Assert.Equal([700L, 1_500, 2_000], g.Income);
        // 1: 1,500 - 1,000; 4: 700 - 500; 2 answered once, 3 never gave an income.
        Assert.Equal([200L, 500], g.IncomeChanges);
        // Sari 36, Budi 26, Wati 46 on 2 December 2026; desil known for Sari (2) and Wati (4).
        Assert.Equal(new GroupProfile(3, 3.0, 36.0, 2.0 / 3), g.Profile);
        Assert.Equal(new Median(300, 3), Stats.MedianOfSorted(g.Revenue));
    }

    [Fact]
    public void NoAnswersGiveEmptyFiguresAndNoMeans()
    {
        var g = AnswerGroup.Of([], Today);

        Assert.Equal(0, g.ActiveKnown);
        Assert.Empty(g.Revenue);
        Assert.Equal(new GroupProfile(0, null, null, null), g.Profile);
        Assert.Equal(new Median(null, 0), Stats.MedianOfSorted(g.IncomeChanges));
    }

    [Fact]
    public void APlacedGroupCountsYouthOnTheCohortsFirstDay()
    {
        var starts = new DateOnly(2026, 3, 1);
        ReachReader.Placed[] placed =
        [
            new(1, "35.72.01.1001", starts, Sari),
            new(2, "35.72.01.1001", starts, Budi),
            new(3, "35.72.01.1002", starts, null),
            // Thirty on the first day, the oldest a youth can be.
            new(4, "35.72.01.1002", starts, new ScopedPerson(Sex.Male, new DateOnly(1996, 3, 1), false, 1)),
        ];

        var g = PlacedGroup.Of(placed);

        Assert.Equal(4, g.Count);
        Assert.Equal(3, g.WithPerson);
        Assert.Equal(1, g.Women);
        Assert.Equal(2, g.Youth);
        Assert.Equal(1, g.Disability);
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [-1] = 1, [1] = 1 }, g.PerDesil);
        Assert.Equal(new Dictionary<string, int> { ["35.72.01.1001"] = 2, ["35.72.01.1002"] = 2 }, g.StartedPerVillage);
    }

    [Fact]
    public void BusinessCountsCountOwnersPastPlanningAndActiveBusinessesOnce()
    {
        OwnedBusiness[] owned =
        [
            new(1, 10, BusinessStatus.Active),
            // Two owners of one business: one business, two owners.
            new(2, 10, BusinessStatus.Active),
            new(1, 11, BusinessStatus.Closed),
            new(3, 12, BusinessStatus.Planned),
        ];

        Assert.Equal(new BusinessCounts(2, 1), BusinessCounts.Of(owned));
    }
}
