using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using static Tunas.UnitTests.Features.Selection.SelectionData;

namespace Tunas.UnitTests.Features.Selection;

public class SelectionEngineTests
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

    [Fact]
    public void AManWithAWomenOnlyFirstTrackCompetesForHisSecondChoiceAsHisOwnQuota()
    {
        var input = Input([new Quota("A", 1, 1), new Quota("A", 2, 1)],
            Applicant(1, track: 2, second: 1, desil: 1),
            Applicant(2, track: 1, desil: 2)) with
        {
            Settings = new EligibilitySettings { WomenOnlyTrackIds = new HashSet<long> { 2 } },
        };

        var result = SelectionEngine.Run(input);

        var man = result.Of(1);
        Assert.Equal((SelectionOutcome.Selected, Placement.HomeQuota, new Quota("A", 1, 1)), (man.Outcome, man.Placement, man.SeatQuota));
        Assert.Equal(RuleStatus.Failed, man.Rules[(int)EligibilityRule.FirstTrack].Status);
        Assert.Equal(SelectionOutcome.Waitlisted, result.Of(2).Outcome);
        Assert.Equal(1, result.Quotas[1].Unused);   // the women-only seat is not given to a man, not even in round 4
    }

    [Fact]
    public void AManIsNeverPlacedOnAWomenOnlySeatButAWomanIs()
    {
        var input = Input([new Quota("A", 2, 2), new Quota("B", 1, 0)],
            Applicant(1, region: "B", track: 1, desil: 1),
            Applicant(2, region: "B", track: 1, desil: 2) with { Sex = Sex.Female }) with
        {
            Settings = new EligibilitySettings { WomenOnlyTrackIds = new HashSet<long> { 2 } },
        };

        var result = SelectionEngine.Run(input);

        Assert.Equal([2], result.Ids(SelectionOutcome.Selected));
        Assert.Equal(SelectionOutcome.Waitlisted, result.Of(1).Outcome);
    }

    [Fact]
    public void AtMostNPerHouseholdAreSelectedAndTheSeatGoesToTheNextApplicant()
    {
        var input = Input([new Quota("A", 1, 2)],
            Applicant(1, desil: 1) with { FamilyCardNumber = "3572012301150003" },
            Applicant(2, desil: 2) with { FamilyCardNumber = "3572012301150003" },
            Applicant(3, desil: 3) with { FamilyCardNumber = "3572012301150004" },
            Applicant(4, desil: 4)) with
        {
            Settings = new EligibilitySettings { MaxPerHousehold = 1 },
        };

        var result = SelectionEngine.Run(input);

        Assert.Equal([1, 3], result.Ids(SelectionOutcome.Selected));
        var sibling = result.Of(2);
        Assert.Equal(SelectionOutcome.NotSelected, sibling.Outcome);
        Assert.Null(sibling.WaitlistPosition);
        Assert.Equal(RuleStatus.Failed, sibling.Rules[(int)EligibilityRule.Household].Status);
        Assert.Equal("The family card (No. KK) already has 1 selected member(s), the program's limit.", sibling.Explain().ToString());
        Assert.Single(sibling.Reasons());
        Assert.Equal((SelectionOutcome.Waitlisted, 1), (result.Of(4).Outcome, result.Of(4).WaitlistPosition!.Value));
        Assert.Equal(RuleStatus.Passed, result.Of(1).Rules[(int)EligibilityRule.Household].Status);
    }

    [Fact]
    public void TheHouseholdLimitHoldsAcrossQuotasAndFavoursTheBetterRankedMember()
    {
        var input = Input([new Quota("A", 1, 1), new Quota("B", 2, 1)],
            Applicant(1, region: "B", track: 2, desil: 1) with { FamilyCardNumber = "3572012301150003" },
            Applicant(2, region: "A", track: 1, desil: 2) with { FamilyCardNumber = "3572012301150003" },
            Applicant(3, region: "A", track: 1, desil: 5)) with
        {
            Settings = new EligibilitySettings { MaxPerHousehold = 1 },
        };

        var result = SelectionEngine.Run(input);

        Assert.Equal([1, 3], result.Ids(SelectionOutcome.Selected));
        Assert.Equal(SelectionOutcome.NotSelected, result.Of(2).Outcome);
    }

    [Fact]
    public void ApplicantsWithoutAFamilyCardAreNotHeldByTheHouseholdLimit()
    {
        var input = Input([new Quota("A", 1, 3)], Applicant(1), Applicant(2) with { FamilyCardNumber = "" }, Applicant(3)) with
        {
            Settings = new EligibilitySettings { MaxPerHousehold = 1 },
        };

        Assert.Equal(3, SelectionEngine.Run(input).Selected);
    }

    [Fact]
    public void AnEmptyQuotaRanksAndWaitlistsItsApplicants()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", 1, 0)], Applicant(1, desil: 2), Applicant(2, desil: 1)));

        Assert.Empty(result.Ids(SelectionOutcome.Selected));
        Assert.Equal([2, 1], result.Ids(SelectionOutcome.Waitlisted));
        Assert.Equal((0, 0, 2), (result.Quotas[0].Filled, result.Quotas[0].Unused, result.Quotas[0].Waitlisted));
    }

    [Fact]
    public void WhenNobodyIsEligibleNoSeatIsGivenAndEveryoneHearsWhy()
    {
        var input = Input([new Quota("A", 1, 5)], Applicant(1, desil: 7), Applicant(2, desil: null)) with
        {
            Settings = new EligibilitySettings { MaxDesil = 4, MaxPerHousehold = 1 },
        };

        var result = SelectionEngine.Run(input);

        Assert.All(result.Applicants, a => Assert.Equal(SelectionOutcome.Ineligible, a.Outcome));
        Assert.All(result.Applicants, a => Assert.Null(a.Rank));
        Assert.Equal(5, result.Quotas[0].Unused);
        var reasons = result.Of(2).Reasons();
        Assert.Equal([SelectionReasonCodes.Ineligible, SelectionReasonCodes.DesilUnknown], reasons.Select(r => r.Code));
        Assert.Equal("Not eligible: 1 rule(s) not met.", reasons[0].ToString());
        Assert.Equal(SelectionReasonCodes.NotChecked, result.Of(1).Rules[(int)EligibilityRule.Household].Reason.Code);
    }

    [Fact]
    public void IneligibleApplicantsComeLastAndTakeNoSeat()
    {
        var input = Input([new Quota("A", 1, 5)], Applicant(1, desil: 9), Applicant(2, desil: 2), Applicant(3, desil: 1)) with
        {
            Settings = new EligibilitySettings { MaxDesil = 5 },
        };

        var result = SelectionEngine.Run(input);

        Assert.Equal([3, 2, 1], result.Applicants.Select(a => a.Applicant.ApplicationId));
        Assert.Equal(SelectionOutcome.Ineligible, result.Of(1).Outcome);
        Assert.Equal(2, result.Quotas[0].Filled);
        Assert.Equal(2, result.Quotas[0].Applicants);
    }

    [Fact]
    public void BeyondTheWaitlistLengthApplicantsAreNotSelected()
    {
        var input = Input([new Quota("A", 1, 1)], Applicant(1, desil: 1), Applicant(2, desil: 2), Applicant(3, desil: 3), Applicant(4, desil: 4)) with
        {
            WaitlistLength = 2,
        };

        var result = SelectionEngine.Run(input);

        Assert.Equal([2, 3], result.Ids(SelectionOutcome.Waitlisted));
        Assert.Equal([4], result.Ids(SelectionOutcome.NotSelected));
        Assert.Equal("Not selected: rank 4 in their own quota is beyond the end of the waitlist.", result.Of(4).Explain().ToString());
    }

    [Fact]
    public void WithoutAQuotaForTheirChoicesApplicantsAreNotSelectedUnlessASeatIsPassedOn()
    {
        Quota[] quotas = [new Quota("A", 1, 1)];
        var input = Input(quotas, Applicant(1, region: "B", desil: 1), Applicant(2, region: "B", track: 2, desil: 2)) with
        {
            SpillOver = SpillOverRule.SameTrack,
        };

        var result = SelectionEngine.Run(input);

        Assert.Equal((SelectionOutcome.Selected, Placement.ChosenTrackElsewhere), (result.Of(1).Outcome, result.Of(1).Placement));
        Assert.Null(result.Of(1).Rank);
        var unplaced = result.Of(2);
        Assert.Equal((SelectionOutcome.NotSelected, (Quota?)null, (int?)null), (unplaced.Outcome, unplaced.HomeQuota, unplaced.Rank));
        Assert.Equal(SelectionReasonCodes.NoQuota, unplaced.Explain().Code);
    }

    [Fact]
    public void AnAnyTrackQuotaRanksAllTracksOfItsRegionTogether()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", null, 2)],
            Applicant(1, track: 1, desil: 3),
            Applicant(2, track: 2, second: 1, desil: 1),
            Applicant(3, track: 3, desil: 2)));

        Assert.Equal([2, 3], result.Ids(SelectionOutcome.Selected));
        Assert.Equal((2L, Placement.HomeQuota), (result.Of(2).TrackId!.Value, result.Of(2).Placement));
        Assert.Equal((1L, 1), (result.Of(1).TrackId!.Value, result.Of(1).WaitlistPosition!.Value));
        Assert.Equal(3, result.Of(1).Rank);
    }

    [Fact]
    public void AnAnyTrackQuotaTakesPassedOnApplicantsOfEveryTrack()
    {
        var result = SelectionEngine.Run(Input([new Quota("A", null, 1), new Quota("B", 2, 0)], Applicant(1, region: "B", track: 2)));

        Assert.Equal((new Quota("A", null, 1), 2L, Placement.ChosenTrackElsewhere), (result.Of(1).SeatQuota, result.Of(1).TrackId!.Value, result.Of(1).Placement));
    }

    [Fact]
    public void QuotasAndResultsDoNotDependOnTheOrderTheQuotasAreGivenIn()
    {
        Quota[] quotas = [new Quota("B", 1, 1), new Quota("A", 2, 1), new Quota("A", 1, 1), new Quota("C", 1, 0)];
        Applicant[] applicants = [Applicant(1, region: "C", desil: 1), Applicant(2, region: "C", desil: 2), Applicant(3, region: "C", desil: 3)];

        var one = SelectionEngine.Run(Input(quotas, applicants));
        var other = SelectionEngine.Run(Input([.. quotas.Reverse()], applicants));

        Assert.Equal(one.Fingerprint(), other.Fingerprint());
        Assert.Equal(["A", "A", "B", "C"], one.Quotas.Select(q => q.Quota.Region));
    }

    [Fact]
    public void TheRunRefusesInputThatWouldMakeTheResultAmbiguous()
    {
        Quota[] quotas = [new Quota("A", 1, 1)];

        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input(quotas, Applicant(1), Applicant(1))));
        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input([new Quota("A", 1, 1), new Quota("A", 1, 2)])));
        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input([new Quota("A", null, 1), new Quota("A", 1, 2)])));
        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input([new Quota("A", 1, -1)])));
        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input(quotas, Applicant(1, desil: 11))));
        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input(quotas, Applicant(1) with { HouseholdSize = -1 })));
        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input(quotas) with { Seed = "" }));
        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input(quotas) with { Weights = new ScoreWeights(21, 5) }));
        Assert.Throws<ArgumentException>(() => SelectionEngine.Run(Input(quotas) with { WaitlistLength = -1 }));
    }
}
