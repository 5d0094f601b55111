using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using static Tunas.UnitTests.Features.Selection.SelectionData;

namespace Tunas.UnitTests.Features.Selection;

/// <summary>Women-only tracks, the household limit, eligibility, the waitlist and any-track quotas.</summary>
public partial class SelectionEngineTests
{
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
