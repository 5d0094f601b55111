using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Applications;

/// <summary>Where an applicant stands now; the first four mirror the selection's <c>SelectionOutcome</c>.</summary>
public enum DecisionStatus
{
    Selected,
    Waitlisted,
    NotSelected,
    Ineligible,

    /// <summary>Selected from the waitlist after a withdrawal or an appeal freed a seat.</summary>
    Promoted,

    Withdrawn,
}

/// <summary>An applicant's score, point by point; <see cref="Total"/> is what ranks.</summary>
public readonly record struct ScoreBreakdown(
    int Desil,
    int FemaleHeadedHousehold,
    int Disability,
    int NoEarner,
    int HouseholdSize,
    int Youth,
    int Women)
{
    public int Total => Desil + FemaleHeadedHousehold + Disability + NoEarner + HouseholdSize + Youth + Women;
}

/// <summary>A reason as a selection run stores it: code, English message (the localization key) and its arguments.</summary>
public sealed record ReadReason(string Code, string Message, IReadOnlyList<string> Args)
{
    /// <summary>The sentence in the user's language, its {0}, {1} filled in.</summary>
    public string Text(IStringLocalizer L) => LocalizedText.Format(L, Message, Args);
}

/// <summary>One eligibility rule of a decision: which rule, passed/failed/notApplied, and why.</summary>
public sealed record ReadRule(string Rule, string Status, ReadReason Reason);

/// <summary>An application's row in the program's published selection, as the selection stored it and as it stands now.</summary>
public sealed record PublishedDecision(
    DecisionStatus Status,
    int? Rank,
    int? WaitlistPosition,
    int Score,
    ScoreBreakdown? Breakdown,
    IReadOnlyList<ReadReason> Reasons,
    IReadOnlyList<ReadRule> Rules,
    long? TrackId,
    DateTime? PublishedAt);

/// <summary>
/// The published result of an application, for its applicant's status page. Applications come before the selection
/// in the feature order, so the selection answers through this interface.
/// </summary>
public interface IPublishedDecisions
{
    Task<PublishedDecision?> FindAsync(int agencyId, int programId, long applicationId, CancellationToken ct = default);
}
