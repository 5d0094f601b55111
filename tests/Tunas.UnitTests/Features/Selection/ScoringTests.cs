using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using static Tunas.UnitTests.Features.Selection.SelectionData;

namespace Tunas.UnitTests.Features.Selection;

public class ScoringTests
{
    [Fact]
    public void EachFactorShowsItsOwnPointsInTheBreakdown()
    {
        var applicant = Applicant(1, desil: 1) with
        {
            Sex = Sex.Female,
            BirthDate = new DateOnly(2000, 6, 1),
            FemaleHeadedHousehold = true,
            Disability = true,
            NoEarnerInHousehold = true,
            HouseholdSize = 4,
        };

        var score = Scoring.Score(applicant, new ScoreWeights(YouthWeight: 7, WomenWeight: 3), Reference);

        Assert.Equal(new ScoreBreakdown(Desil: 1000, FemaleHeadedHousehold: 10, Disability: 8, NoEarner: 6, HouseholdSize: 3, Youth: 7, Women: 3), score);
        Assert.Equal(1037, score.Total);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 900)]
    [InlineData(10, 100)]
    [InlineData(null, 0)]
    public void DesilPointsFallByAHundredPerDecileAndAnUnknownDesilEarnsNone(int? desil, int points)
    {
        Assert.Equal(points, Scoring.Score(Applicant(1, desil: desil), ScoreWeights.Default, Reference).Desil);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(6, 5)]
    [InlineData(12, 5)]
    public void HouseholdSizeEarnsAPointPerMemberAfterTheFirstUpToFive(int size, int points)
    {
        Assert.Equal(points, Scoring.Score(Applicant(1) with { HouseholdSize = size }, ScoreWeights.Default, Reference).HouseholdSize);
    }

    [Theory]
    [InlineData("2007-10-23", 5)]  // 18 on the reference date, the birthday itself
    [InlineData("2007-10-24", 0)]  // 17
    [InlineData("1995-10-24", 5)]  // 29, turns 30 the day after
    [InlineData("1995-10-23", 0)]  // 30 on the reference date
    public void YouthPointsGoToAgesEighteenToTwentyNineOnTheReferenceDate(string birthDate, int points)
    {
        var applicant = Applicant(1) with { BirthDate = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(points, Scoring.Score(applicant, ScoreWeights.Default, Reference).Youth);
    }

    [Fact]
    public void WomenPointsAndYouthPointsFollowTheProgramWeights()
    {
        var woman = Applicant(1) with { Sex = Sex.Female, BirthDate = new DateOnly(2000, 1, 1) };

        var none = Scoring.Score(woman, new ScoreWeights(0, 0), Reference);
        var most = Scoring.Score(woman, new ScoreWeights(Scoring.MaxProgramWeight, Scoring.MaxProgramWeight), Reference);

        Assert.Equal((0, 0), (none.Youth, none.Women));
        Assert.Equal((20, 20), (most.Youth, most.Women));
    }

    [Fact]
    public void OneDesilStepOutweighsEveryOtherFactorTogether()
    {
        var weights = new ScoreWeights(Scoring.MaxProgramWeight, Scoring.MaxProgramWeight);
        var everything = Applicant(1, desil: 2) with
        {
            Sex = Sex.Female,
            BirthDate = new DateOnly(2000, 1, 1),
            FemaleHeadedHousehold = true,
            Disability = true,
            NoEarnerInHousehold = true,
            HouseholdSize = 20,
        };
        var nothing = Applicant(2, desil: 1) with { HouseholdSize = 1 };

        Assert.True(Scoring.Score(nothing, weights, Reference).Total > Scoring.Score(everything, weights, Reference).Total);
    }

    [Fact]
    public void TheTieBreakHashIsTheStartOfTheSha256AnyoneCanRecompute()
    {
        // printf '%s' 'tunas-2025:REG-00001' | sha256sum  →  b109173989ea5f79...
        Assert.Equal("b109173989ea5f79", TieBreak.Hex(TieBreak.Hash(Seed, "REG-00001")));
        Assert.Equal(0x5b0e43ae1d212378UL, TieBreak.Hash(Seed, "REG-00002"));
        Assert.NotEqual(TieBreak.Hash(Seed, "REG-00001"), TieBreak.Hash("another-seed", "REG-00001"));
    }
}
