namespace Tunas.Web.Features.Applications;

/// <summary>Where an appeal stands; mirrors the selection's own states.</summary>
public enum AppealState
{
    Open,
    Upheld,
    Rejected,
}

/// <summary>An appeal (sanggahan) of an application and the officer's answer, as its applicant and the staff read it.</summary>
public sealed record AppealView(
    long Id,
    DateTime LodgedAt,
    string Text,
    AppealState State,
    string? Answer,
    DateTime? AnsweredAt,
    DecisionStatus? NewStatus);

/// <summary>
/// The appeals of an application, the newest first. Appeals belong to the selection, which comes after applications
/// in the feature order, so the selection answers through this interface.
/// </summary>
public interface IAppealStatus
{
    Task<IReadOnlyList<AppealView>> ForApplicationAsync(int agencyId, long applicationId, CancellationToken ct = default);
}

/// <summary>The program's appeal window, and whether today falls inside it.</summary>
public sealed record AppealWindow(DateOnly Opens, DateOnly Closes, bool OpenToday)
{
    public static AppealWindow? Of(DateOnly? opens, DateOnly? closes, DateOnly today) =>
        opens is { } o && closes is { } c ? new AppealWindow(o, c, today >= o && today <= c) : null;

    /// <summary>
    /// An appeal is offered to an applicant found ineligible or not selected, inside the window, when no earlier
    /// appeal of theirs waits for an answer.
    /// </summary>
    public static bool Offered(AppealWindow? window, PublishedDecision? decision, IReadOnlyList<AppealView> appeals) =>
        window is { OpenToday: true }
        && decision?.Status is DecisionStatus.NotSelected or DecisionStatus.Ineligible
        && !appeals.Any(a => a.State == AppealState.Open);
}
