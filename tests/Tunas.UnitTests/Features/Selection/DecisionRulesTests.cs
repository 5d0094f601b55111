using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Selection;

public sealed class DecisionRulesTests
{
    [Fact]
    public void EveryRuleReadsBackFromTheRunsSharedRulesAndTheFailedOnes()
    {
        var input = SelectionData.Input([new Quota("A", 1, 1)],
            SelectionData.Applicant(1, desil: 1),
            SelectionData.Applicant(2, desil: 2),
            SelectionData.Applicant(3, desil: 9),
            SelectionData.Applicant(4, desil: null) with { Sex = Sex.Male, FirstTrackId = 2 }) with
        {
            Settings = new EligibilitySettings { MaxDesil = 5, MinAge = 18, WomenOnlyTrackIds = new HashSet<long> { 2 } },
            WaitlistLength = 1,
        };
        var result = SelectionEngine.Run(input);
        var palette = new DecisionRules.Palette();

        var stored = result.Applicants.Select(a => (a, DecisionStore.ToDecision(7, 1, a, palette))).ToList();
        var shared = palette.Json();

        foreach (var (a, d) in stored)
        {
            Assert.Equal(DecisionJson.Rules(a.Rules), DecisionRules.Expand(shared, d.RuleStates, d.RulesJson));
            Assert.Equal(a.Rules.Count, d.RuleStates!.Length);
            Assert.Equal(a.Rules.Count(r => r.Status == RuleStatus.Failed), d.RuleStates.Count(c => c == DecisionRules.Failed));
            Assert.Equal(a.Score, DecisionJson.ReadScore(d.ScoreJson));
        }
        // Each rule that passed or did not apply is stored once for the run.
        Assert.True(DecisionJson.ReadRules(shared).Count <= EligibilityRuleCount * 3);
    }

    [Fact]
    public void ADecisionStoredBeforeTheSharedRulesKeepsEveryRule()
    {
        const string rules = """[{"rule":"age","status":"passed","code":"age-allowed","message":"The age on {0} is within the program's range.","args":["2025-10-23"]}]""";

        var read = Assert.Single(DecisionRules.Read("[]", null, rules));

        Assert.Equal(EligibilityRule.Age, read.Rule);
        Assert.Equal(rules, DecisionRules.Expand(null, null, rules));
    }

    [Fact]
    public void TheCompactScoreLeavesOutTheZeroParts()
    {
        var score = new ScoreBreakdown(900, 0, 0, 6, 3, 0, 5);

        var json = DecisionStore.Score(score);

        Assert.Equal("""{"desil":900,"noEarner":6,"householdSize":3,"women":5}""", json);
        Assert.Equal(score, DecisionJson.ReadScore(json));
        Assert.Equal("{}", DecisionStore.Score(default));
    }

    private static int EligibilityRuleCount => Enum.GetValues<EligibilityRule>().Length;
}
