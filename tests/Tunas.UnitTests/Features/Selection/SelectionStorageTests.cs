using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Selection;

namespace Tunas.UnitTests.Features.Selection;

public sealed class SelectionStorageTests
{
    [Theory]
    [InlineData("35.72.01.1004", "35.72.01.1004")]
    [InlineData("35.72.02.1001", "35.72")]
    [InlineData("35.05.01.2001", "35.05.01.2001")]
    [InlineData("33.01.01.2001", "33")]
    public void AnApplicantIsRankedInTheClosestQuotaRegionThatContainsThem(string village, string expected)
    {
        var regions = new QuotaRegions(["35.72.01.1004", "35.72", "33"]);
        Assert.Equal(expected, regions.Of(village));
    }

    [Fact]
    public void ACodeThatOnlySharesDigitsIsNotInside()
    {
        var regions = new QuotaRegions(["35.7"]);
        Assert.Equal("35.72.01.1004", regions.Of("35.72.01.1004"));
    }

    [Fact]
    public void ScoresReasonsAndRulesSurviveTheirJson()
    {
        var score = new ScoreBreakdown(1000, 10, 8, 6, 3, 5, 5);
        Assert.Equal(score, DecisionJson.ReadScore(DecisionJson.Score(score)));
        Assert.Contains("\"femaleHeadedHousehold\":10", DecisionJson.Score(score), StringComparison.Ordinal);

        var reason = new Reason(SelectionReasonCodes.DesilTooHigh, SelectionMessages.DesilTooHighMessage, ["8", "4"]);
        var stored = Assert.Single(DecisionJson.ReadReasons(DecisionJson.Reasons([reason])));
        Assert.Equal(reason.ToString(), stored.ToReason().ToString());

        var rule = new RuleResult(EligibilityRule.Desil, RuleStatus.Failed, reason);
        var json = DecisionJson.Rules([rule]);
        Assert.Contains("\"rule\":\"desil\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"failed\"", json, StringComparison.Ordinal);
        var read = Assert.Single(DecisionJson.ReadRules(json));
        Assert.Equal(EligibilityRule.Desil, read.Rule);
        Assert.Equal(RuleStatus.Failed, read.Status);
        Assert.Equal("Welfare decile (desil) 8 is above the maximum of 4.", read.ToReason().ToString());
    }

    [Theory]
    [InlineData("Siti Nur Wahyuni", "S. N. W.")]
    [InlineData("  achmad   ", "A.")]
    [InlineData("M. Ali", "M. A.")]
    [InlineData("", "")]
    public void InitialsKeepOnlyTheFirstLetterOfEachWord(string name, string initials) =>
        Assert.Equal(initials, SelectionQueries.Initials(name));
}
