using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using static Tunas.UnitTests.Features.Selection.SelectionData;

namespace Tunas.UnitTests.Features.Selection;

public partial class SelectionEngineTests
{
    [Fact]
    public void ZeroApplicantsLeaveEveryQuotaEmpty()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 5)]));

        Assert.Empty(result.Applicants);
        var fill = Assert.Single(result.Quotas);
        Assert.Equal((0, 0, 5), (fill.Applicants, fill.Filled, fill.Unused));
        Assert.Empty(result.Moves);
    }

    [Fact]
    public void TheQuotaGoesToTheBestScoresAndTheRestWaitInRankOrder()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 2)],
            Applicant(1, desil: 4), Applicant(2, desil: 1), Applicant(3, desil: 3), Applicant(4, desil: 2)));

        Assert.Equal([2, 4], result.Ids(SelectionOutcome.Selected));
        Assert.Equal([3, 1], result.Ids(SelectionOutcome.Waitlisted));
        Assert.Equal((1, Placement.HomeQuota), (result.Of(2).Rank, result.Of(2).Placement));
        Assert.Equal((3, 1), (result.Of(3).Rank, result.Of(3).WaitlistPosition));
        Assert.Equal((4, 2), (result.Of(1).Rank, result.Of(1).WaitlistPosition));
        Assert.Equal("On the waitlist at position 2 (rank 4 in their own quota).", result.Of(1).Explain().ToString());
        Assert.Equal("Selected: rank 1 in their own quota.", result.Of(2).Explain().ToString());
        var fill = Assert.Single(result.Quotas);
        Assert.Equal(new QuotaFill(new Quota("A", 1, 2), Applicants: 4, Filled: 2, FilledByHome: 2, FilledBySecondChoice: 0, FilledByPassedOn: 0, Waitlisted: 2), fill);
    }

    [Fact]
    public void HouseholdFactorsRankWithinTheSameDesil()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 1)],
            Applicant(1) with { HouseholdSize = 5 },
            Applicant(2) with { Disability = true },
            Applicant(3) with { FemaleHeadedHousehold = true }));

        Assert.Equal([3, 2, 1], result.Applicants.Select(a => a.Applicant.ApplicationId));
        Assert.Equal(810, result.Of(3).Score.Total);
    }

    [Fact]
    public void TiesOfScoreGoToTheEarlierApplication()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 1)],
            Applicant(1) with { SubmittedAt = Opened.AddHours(2) },
            Applicant(2) with { SubmittedAt = Opened.AddHours(1) }));

        Assert.Equal([2], result.Ids(SelectionOutcome.Selected));
    }

    [Fact]
    public void TiesOfScoreAndTimeGoByTheSeededHashNotByInputOrderOrId()
    {
        // SHA-256 of "tunas-2025:REG-0000n" starts with b109... (1), 5b0e... (2), 26b4... (3).
        Applicant[] tied = [.. Enumerable.Range(1, 3).Select(id => Applicant(id) with { SubmittedAt = Opened })];

        var forward = SelectionEngine.Run(Input([new Quota("A", 1, 1)], tied));
        var backward = SelectionEngine.Run(Input([new Quota("A", 1, 1)], [.. tied.Reverse()]));

        Assert.Equal([3, 2, 1], forward.Applicants.Select(a => a.Applicant.ApplicationId));
        Assert.Equal(forward.Fingerprint(), backward.Fingerprint());
        Assert.True(forward.Of(3).TieBreakHash < forward.Of(2).TieBreakHash);
    }

    [Fact]
    public void AnotherSeedBreaksTheSameTiesAnotherWay()
    {
        Applicant[] tied = [.. Enumerable.Range(1, 20).Select(id => Applicant(id) with { SubmittedAt = Opened })];

        var one = SelectionEngine.Run(Input([new Quota("A", 1, 5)], tied));
        var other = SelectionEngine.Run(Input([new Quota("A", 1, 5)], tied) with { Seed = "another-seed" });

        Assert.NotEqual(one.Ids(SelectionOutcome.Selected), other.Ids(SelectionOutcome.Selected));
    }

    [Fact]
    public void SecondChoicesFillSeatsLeftInTheirOwnRegion()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 1), new Quota("A", 2, 1)],
            Applicant(1, track: 1, second: 2, desil: 1),
            Applicant(2, track: 1, second: 2, desil: 2),
            Applicant(3, track: 1, second: 2, desil: 3)));

        Assert.Equal((SelectionOutcome.Selected, Placement.HomeQuota, 1L), (result.Of(1).Outcome, result.Of(1).Placement, result.Of(1).TrackId!.Value));
        var second = result.Of(2);
        Assert.Equal((SelectionOutcome.Selected, Placement.SecondChoice, 2L), (second.Outcome, second.Placement, second.TrackId!.Value));
        Assert.Equal(new Quota("A", 1, 1), second.HomeQuota);
        Assert.Equal(new Quota("A", 2, 1), second.SeatQuota);
        Assert.Equal(2, second.Rank);
        Assert.Equal((SelectionOutcome.Waitlisted, 1, 3), (result.Of(3).Outcome, result.Of(3).WaitlistPosition!.Value, result.Of(3).Rank!.Value));
        Assert.Equal(SelectionReasonCodes.SelectedSecondChoice, second.Explain().Code);
        Assert.Equal(1, result.Quotas[1].FilledBySecondChoice);
    }

    [Fact]
    public void FirstChoicesComeBeforeSecondChoicesEvenWithALowerScore()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 0), new Quota("A", 2, 1)],
            Applicant(1, track: 1, second: 2, desil: 1),
            Applicant(2, track: 2, desil: 5)));

        Assert.Equal([2], result.Ids(SelectionOutcome.Selected));
        Assert.Equal((SelectionOutcome.Waitlisted, 1), (result.Of(1).Outcome, result.Of(1).WaitlistPosition!.Value));
        Assert.Equal(new Quota("A", 1, 0), result.Of(1).HomeQuota);
    }

    [Fact]
    public void UnusedSeatsPassToTheSameTrackInOtherRegionsBestRankedFirst()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 3), new Quota("B", 1, 1), new Quota("C", 1, 0)],
            Applicant(1, region: "A", desil: 9),
            Applicant(2, region: "B", desil: 1),
            Applicant(3, region: "B", desil: 4),
            Applicant(4, region: "C", desil: 2),
            Applicant(5, region: "B", desil: 6),
            Applicant(6, region: "C", desil: 5)));

        Assert.Equal([2, 4, 3, 1], result.Ids(SelectionOutcome.Selected));
        Assert.Equal([6, 5], result.Ids(SelectionOutcome.Waitlisted));
        Assert.Equal(Placement.ChosenTrackElsewhere, result.Of(4).Placement);
        Assert.Equal(new Quota("A", 1, 3), result.Of(4).SeatQuota);
        Assert.Equal(new Quota("C", 1, 0), result.Of(4).HomeQuota);
        Assert.Equal("Selected for a chosen track, on a seat passed on from region A where nobody else took it.", result.Of(4).Explain().ToString());
        Assert.Equal(
            [new SeatMove(new Quota("A", 1, 3), "B", 1, Placement.ChosenTrackElsewhere, 1), new SeatMove(new Quota("A", 1, 3), "C", 1, Placement.ChosenTrackElsewhere, 1)],
            result.Moves);
        var a = result.Quotas[0];
        Assert.Equal((1, 3, 1, 2, 0), (a.Applicants, a.Filled, a.FilledByHome, a.FilledByPassedOn, a.Unused));
    }

    [Fact]
    public void PassedOnSeatsAreTakenInRegionCodeOrderOfTheGivingQuotas()
    {
        var result = SelectionEngine.Run(Input([new Quota("Z", 1, 1), new Quota("M", 1, 1), new Quota("B", 1, 0)],
            Applicant(1, region: "B", desil: 1)));

        Assert.Equal(new Quota("M", 1, 1), result.Of(1).SeatQuota);
    }

    [Fact]
    public void ASeatPassedOnGoesToTheFirstChoiceTrackBeforeTheSecond()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 1), new Quota("A", 2, 1), new Quota("B", 1, 0), new Quota("B", 2, 0)],
            Applicant(1, region: "B", track: 2, second: 1)));

        Assert.Equal((new Quota("A", 2, 1), 2L), (result.Of(1).SeatQuota, result.Of(1).TrackId!.Value));
    }

    [Fact]
    public void SeatsNobodyChoseGoToTheBestRankedOfAnyTrackOwnRegionFirst()
    {
        var result = SelectionEngine.Run(Input(
            [new Quota("A", 3, 1), new Quota("B", 1, 1), new Quota("B", 2, 0), new Quota("C", 2, 0)],
            Applicant(1, region: "B", track: 2, desil: 2),
            Applicant(2, region: "C", track: 2, desil: 1),
            Applicant(3, region: "C", track: 2, desil: 3)));

        // 2 is best: C has no free seat, so the first free seat in code order (A/3); then 1 takes B/1 in its own region.
        Assert.Equal((new Quota("A", 3, 1), 3L, Placement.OtherTrack), (result.Of(2).SeatQuota, result.Of(2).TrackId!.Value, result.Of(2).Placement));
        Assert.Equal((new Quota("B", 1, 1), 1L, Placement.OtherTrack), (result.Of(1).SeatQuota, result.Of(1).TrackId!.Value, result.Of(1).Placement));
        Assert.Equal(SelectionOutcome.Waitlisted, result.Of(3).Outcome);
        Assert.Equal(SelectionReasonCodes.SelectedOtherTrack, result.Of(1).Explain().Code);
        Assert.Contains(new SeatMove(new Quota("B", 1, 1), "B", 1, Placement.OtherTrack, 1), result.Moves);
    }

    [Fact]
    public void TheSpillOverRuleCanStopAfterTheSameTrackOrKeepSeatsInPlace()
    {
        Quota[] quotas = [new Quota("A", 1, 1), new Quota("A", 2, 1), new Quota("B", 1, 0)];
        var input = Input(quotas, Applicant(1, region: "B", track: 1), Applicant(2, region: "B", track: 1));

        var any = SelectionEngine.Run(input);
        var same = SelectionEngine.Run(input with { SpillOver = SpillOverRule.SameTrack });
        var none = SelectionEngine.Run(input with { SpillOver = SpillOverRule.None });

        Assert.Equal(2, any.Selected);
        Assert.Equal([1], same.Ids(SelectionOutcome.Selected));
        Assert.Empty(none.Ids(SelectionOutcome.Selected));
        Assert.Equal(2, none.Quotas.Sum(q => q.Unused));
    }
}
