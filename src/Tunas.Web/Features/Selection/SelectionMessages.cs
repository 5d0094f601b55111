using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Selection;

/// <summary>Stable codes of <see cref="Reason"/>: rules first, then outcomes.</summary>
public static class SelectionReasonCodes
{
    public const string RuleOff = "rule-off";
    public const string AgeAllowed = "age-allowed";
    public const string AgeTooYoung = "age-too-young";
    public const string AgeTooOld = "age-too-old";
    public const string DomicileInside = "domicile-inside";
    public const string DomicileOutside = "domicile-outside";
    public const string DomicileUnknown = "domicile-unknown";
    public const string DesilAllowed = "desil-allowed";
    public const string DesilTooHigh = "desil-too-high";
    public const string DesilUnknown = "desil-unknown";
    public const string NotTrainedRecently = "not-trained-recently";
    public const string TrainedRecently = "trained-recently";
    public const string TrackOpen = "track-open";
    public const string TrackWomenOnly = "track-women-only";
    public const string NoSecondChoice = "no-second-choice";
    public const string HouseholdAtSelection = "household-at-selection";
    public const string HouseholdWithinLimit = "household-within-limit";
    public const string HouseholdLimit = "household-limit";
    public const string NotChecked = "not-checked";

    public const string Selected = "selected";
    public const string SelectedSecondChoice = "selected-second-choice";
    public const string SelectedPassedOn = "selected-passed-on";
    public const string SelectedOtherTrack = "selected-other-track";
    public const string Waitlisted = "waitlisted";
    public const string BeyondWaitlist = "beyond-waitlist";
    public const string NoQuota = "no-quota";
    public const string Ineligible = "ineligible";
}

/// <summary>The English texts of the selection; each is also its localization key (SharedResource.id.resx).</summary>
public static class SelectionMessages
{
    public const string RuleOffMessage = "This rule is not used in this program.";
    public const string AgeAllowedMessage = "The age on {0} is within the program's range.";
    public const string AgeTooYoungMessage = "Age {0} on {1} is below the minimum of {2}.";
    public const string AgeTooOldMessage = "Age {0} on {1} is above the maximum of {2}.";
    public const string DomicileInsideMessage = IntakeMessages.DomicileInsideMessage;
    public const string DomicileOutsideMessage = IntakeMessages.DomicileOutsideMessage;
    public const string DomicileUnknownMessage = "The kelurahan/desa of residence is not known.";
    public const string DesilAllowedMessage = "The welfare decile (desil) is at most {0}.";
    public const string DesilTooHighMessage = "Welfare decile (desil) {0} is above the maximum of {1}.";
    public const string DesilUnknownMessage = IntakeMessages.DesilUnknownMessage;
    public const string NotTrainedRecentlyMessage = "No training finished in the {0} year(s) before {1}.";
    public const string TrainedRecentlyMessage = "Finished a training on {0}, less than {1} year(s) before {2}.";
    public const string TrackOpenMessage = "The chosen track is open to the applicant.";
    public const string TrackWomenOnlyMessage = IntakeMessages.TrackWomenOnlyMessage;
    public const string NoSecondChoiceMessage = "No second choice.";
    public const string HouseholdAtSelectionMessage = "Checked when the selection runs: at most {0} selected per family card (No. KK).";
    public const string HouseholdWithinLimitMessage = "Within the limit of {0} selected per family card (No. KK).";
    public const string HouseholdLimitReachedMessage = "The family card (No. KK) already has {0} selected member(s), the program's limit.";
    public const string NotCheckedMessage = "Not checked, because the applicant does not meet the other rules.";

    public const string SelectedMessage = "Selected: rank {0} in their own quota.";
    public const string SelectedSecondChoiceMessage = "Selected for their second choice, where a seat was still free.";
    public const string SelectedPassedOnMessage = "Selected for a chosen track, on a seat passed on from region {0} where nobody else took it.";
    public const string SelectedOtherTrackMessage = "Selected on a free seat of another track in region {0}, which nobody waiting had chosen.";
    public const string WaitlistedMessage = "On the waitlist at position {0} (rank {1} in their own quota).";
    public const string BeyondWaitlistMessage = "Not selected: rank {0} in their own quota is beyond the end of the waitlist.";
    public const string NoQuotaMessage = "Not selected: the program has no quota for the chosen tracks in this region, and no seat was passed on.";
    public const string IneligibleMessage = "Not eligible: {0} rule(s) not met.";
}
