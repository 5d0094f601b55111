using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Selection;

/// <summary>The JSON a selection run stores for one application, as the status check reads it.</summary>
public class DecisionReaderTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public void TheScoreBreakdownIsReadFromCamelCaseJson()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new ScoreBreakdown(900, 10, 8, 6, 3, 20, 10), Web);

        var score = DecisionReader.Score(json);

        Assert.Equal(new ScoreBreakdown(900, 10, 8, 6, 3, 20, 10), score);
        Assert.Equal(957, score!.Value.Total);
    }

    [Fact]
    public void ReasonsAreReadWithTheirArguments()
    {
        const string json = """[{"code":"waitlisted","message":"On the waitlist at position {0} (rank {1} in their own quota).","args":["2","7"]},{"code":"x","message":"M","args":[3,null]}]""";

        var reasons = DecisionReader.Reasons(json);

        Assert.Equal(2, reasons.Count);
        Assert.Equal("waitlisted", reasons[0].Code);
        Assert.Equal(SelectionMessages.WaitlistedMessage, reasons[0].Message);
        Assert.Equal(["2", "7"], reasons[0].Args);
        Assert.Equal(["3", ""], reasons[1].Args);
        Assert.Equal("On the waitlist at position 2 (rank 7 in their own quota).", reasons[0].Text(new EnglishLocalizer()));
    }

    [Fact]
    public void RulesAreReadWithRuleAndStatus()
    {
        const string json = """
            [{"rule":"age","status":"passed","code":"age-allowed","message":"The age on {0} is within the program's range.","args":["2025-10-23"]},
             {"Rule":"Desil","Status":"Failed","Code":"desil-too-high","Message":"Welfare decile (desil) {0} is above the maximum of {1}.","Args":["6","4"]}]
            """;

        var rules = DecisionReader.Rules(json);

        Assert.Equal(["age", "Desil"], rules.Select(r => r.Rule));
        Assert.Equal(["passed", "Failed"], rules.Select(r => r.Status));
        Assert.Equal("desil-too-high", rules[1].Reason.Code);
        Assert.Equal("Welfare decile (desil) 6 is above the maximum of 4.", rules[1].Reason.Text(new EnglishLocalizer()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[1, \"a\"]")]
    public void MissingOrDamagedJsonReadsAsNothing(string? json)
    {
        Assert.Empty(DecisionReader.Reasons(json));
        Assert.Empty(DecisionReader.Rules(json));
        if (json != "{}")
        {
            Assert.Null(DecisionReader.Score(json));
        }
    }

    [Fact]
    public void ATranslationThatDoesNotFitItsArgumentsFallsBackToEnglish()
    {
        var text = LocalizedText.Format(new Broken(), "Rank {0}.", ["3"]);

        Assert.Equal("Rank 3.", text);
    }

    /// <summary>A translation with a placeholder too many.</summary>
    private sealed class Broken : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, "Peringkat {0} dari {1}.");

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
