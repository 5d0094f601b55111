using Tunas.Web.Features.Applications;
namespace Tunas.Web.Features.Selection;

public enum SelectionOutcome
{
    Selected,

    /// <summary>Eligible, not selected, on the waitlist of their own quota.</summary>
    Waitlisted,

    /// <summary>Eligible, but the household limit is reached, the waitlist is full, or no quota fits.</summary>
    NotSelected,

    Ineligible,
}

/// <summary>How a selected applicant got the seat: the round of decision 0006 that gave it.</summary>
public enum Placement
{
    None,

    /// <summary>Round 1: the applicant's own quota (their region and first track choice open to them).</summary>
    HomeQuota,

    /// <summary>Round 2: their second choice in their own region.</summary>
    SecondChoice,

    /// <summary>Round 3: a seat of a chosen track passed on from another region.</summary>
    ChosenTrackElsewhere,

    /// <summary>Round 4: a free seat of a track they did not choose.</summary>
    OtherTrack,
}

/// <summary>
/// The result for one applicant. Rules and the tie-break hash are worked out when read, so a run over a million
/// applicants keeps only a few numbers per applicant.
/// </summary>
public sealed class ApplicantResult
{
    private readonly RunContext run;
    private readonly Verdict verdict;
    private readonly HouseholdCheck household;
    private readonly int rank;
    private readonly int waitlistPosition;
    private readonly long? trackId;

    internal ApplicantResult(
        RunContext run,
        Applicant applicant,
        Verdict verdict,
        ScoreBreakdown score,
        SelectionOutcome outcome,
        Placement placement = Placement.None,
        int rank = 0,
        int waitlistPosition = 0,
        Quota? homeQuota = null,
        Quota? seatQuota = null,
        long? trackId = null,
        HouseholdCheck household = HouseholdCheck.WithinLimit)
    {
        this.run = run;
        Applicant = applicant;
        this.verdict = verdict;
        Score = score;
        Outcome = outcome;
        Placement = placement;
        this.rank = rank;
        this.waitlistPosition = waitlistPosition;
        HomeQuota = homeQuota;
        SeatQuota = seatQuota;
        this.trackId = trackId;
        this.household = household;
    }

    public Applicant Applicant { get; }

    public SelectionOutcome Outcome { get; }

    public Placement Placement { get; }

    /// <summary>
    /// 1-based place among the eligible applicants of <see cref="HomeQuota"/> in ranking order (score, desil,
    /// submission time, tie-break hash); null without a home quota.
    /// </summary>
    public int? Rank => rank == 0 ? null : rank;

    /// <summary>1-based place on the waitlist of <see cref="HomeQuota"/>; set only when waitlisted.</summary>
    public int? WaitlistPosition => waitlistPosition == 0 ? null : waitlistPosition;

    /// <summary>
    /// The quota of the applicant's region for the first track choice open to them (else the second): where they
    /// are ranked and waitlisted. Null when ineligible or when no quota fits.
    /// </summary>
    public Quota? HomeQuota { get; }

    /// <summary>The quota whose seat a selected applicant got.</summary>
    public Quota? SeatQuota { get; }

    /// <summary>The track trained in (selected) or waited for (waitlisted, not selected); null when ineligible.</summary>
    public long? TrackId => trackId;

    public ScoreBreakdown Score { get; }

    /// <summary>The tie-break hash (<see cref="TieBreak"/>); it decides only between equal score, desil and time.</summary>
    public ulong TieBreakHash => TieBreak.Hash(run.Seed, Applicant.RegistrationNumber);

    /// <summary>Every rule with its status, in the order of <see cref="EligibilityRule"/>.</summary>
    public IReadOnlyList<RuleResult> Rules => run.Eligibility.Rules(Applicant, verdict, household);

    /// <summary>Why the applicant has this outcome, in one sentence.</summary>
    public Reason Explain() => Explain(Rules);

    /// <summary>As <see cref="Explain()"/>, with the rules worked out already.</summary>
    internal Reason Explain(IReadOnlyList<RuleResult> rules)
    {
        return Outcome switch
        {
            SelectionOutcome.Selected => Placement switch
            {
                Placement.HomeQuota => new(SelectionReasonCodes.Selected, SelectionMessages.SelectedMessage, [Eligibility.Number(rank)]),
                Placement.SecondChoice => new(SelectionReasonCodes.SelectedSecondChoice, SelectionMessages.SelectedSecondChoiceMessage, []),
                Placement.ChosenTrackElsewhere => new(SelectionReasonCodes.SelectedPassedOn, SelectionMessages.SelectedPassedOnMessage, [SeatQuota!.Region]),
                _ => new(SelectionReasonCodes.SelectedOtherTrack, SelectionMessages.SelectedOtherTrackMessage, [SeatQuota!.Region]),
            },
            SelectionOutcome.Waitlisted => new(SelectionReasonCodes.Waitlisted, SelectionMessages.WaitlistedMessage,
                [Eligibility.Number(waitlistPosition), Eligibility.Number(rank)]),
            SelectionOutcome.NotSelected when household == HouseholdCheck.LimitReached =>
                rules[(int)EligibilityRule.Household].Reason,
            SelectionOutcome.NotSelected when HomeQuota is null =>
                new(SelectionReasonCodes.NoQuota, SelectionMessages.NoQuotaMessage, []),
            SelectionOutcome.NotSelected =>
                new(SelectionReasonCodes.BeyondWaitlist, SelectionMessages.BeyondWaitlistMessage, [Eligibility.Number(rank)]),
            _ => new(SelectionReasonCodes.Ineligible, SelectionMessages.IneligibleMessage,
                [Eligibility.Number(rules.Count(r => r.Status == RuleStatus.Failed))]),
        };
    }

    /// <summary>The outcome's reason, then the reason of every failed rule.</summary>
    public IReadOnlyList<Reason> Reasons() => Reasons(Rules);

    /// <summary>As <see cref="Reasons()"/>, with the rules worked out already (a million applicants: once is enough).</summary>
    internal IReadOnlyList<Reason> Reasons(IReadOnlyList<RuleResult> rules)
    {
        var reasons = new List<Reason> { Explain(rules) };
        foreach (var rule in rules)
        {
            if (rule.Status == RuleStatus.Failed && !ReferenceEquals(rule.Reason, reasons[0]))
            {
                reasons.Add(rule.Reason);
            }
        }
        return reasons;
    }
}

/// <summary>What every result of one run shares.</summary>
internal sealed record RunContext(Eligibility Eligibility, string Seed);

/// <summary>
/// How one quota was filled. <paramref name="Applicants"/>: eligible applicants whose home quota it is.
/// <paramref name="FilledByHome"/>, <paramref name="FilledBySecondChoice"/> and <paramref name="FilledByPassedOn"/>
/// (rounds 3 and 4) add up to <paramref name="Filled"/>.
/// </summary>
public sealed record QuotaFill(
    Quota Quota,
    int Applicants,
    int Filled,
    int FilledByHome,
    int FilledBySecondChoice,
    int FilledByPassedOn,
    int Waitlisted)
{
    public int Unused => Quota.Size - Filled;
}

/// <summary>
/// Seats of <paramref name="From"/> given in round 3 or 4 (<paramref name="Placement"/>) to applicants of region
/// <paramref name="ToRegion"/>, who train in <paramref name="TrackId"/>.
/// </summary>
public sealed record SeatMove(Quota From, string ToRegion, long TrackId, Placement Placement, int Seats);

/// <summary>
/// A whole run. <paramref name="Applicants"/> are in ranking order: the eligible first by score (highest first),
/// desil, submission time and tie-break hash, then the ineligible in the same order. <paramref name="Quotas"/> and
/// <paramref name="Moves"/> are ordered by region code and track.
/// </summary>
public sealed record SelectionResult(
    IReadOnlyList<ApplicantResult> Applicants,
    IReadOnlyList<QuotaFill> Quotas,
    IReadOnlyList<SeatMove> Moves)
{
    public int Selected => Quotas.Sum(q => q.Filled);

    public int Count(SelectionOutcome outcome) => Applicants.Count(a => a.Outcome == outcome);
}
