using System.Globalization;

namespace Tunas.Web.Features.Training.Assessments;

/// <summary>What the completion rule looks at for one participant.</summary>
public sealed record CompletionFacts(
    long ParticipantId, bool DroppedOut, DateOnly? DroppedOutOn, int Sessions, int Attended, PracticalResult? Practical);

/// <summary>A reason as a message key (English, translated on the way out) and its arguments.</summary>
public sealed record CompletionReason(string Message, IReadOnlyList<string> Args)
{
    public string Format(string template) => string.Format(CultureInfo.InvariantCulture, template, [.. Args]);
}

public sealed record CompletionVerdict(long ParticipantId, bool Completed, IReadOnlyList<CompletionReason> Reasons);

/// <summary>
/// The program's completion rule (decision 0024): attendance of at least the program's share of the cohort's sessions
/// (present or late count as attended; excused and absent do not, and every session counts), and, when the program
/// asks for it, a competent practical. A participant who dropped out has not completed. Pure.
/// </summary>
public static class CompletionRule
{
    public const string DroppedOutMessage = "Dropped out on {0}.";
    public const string NoSessionsMessage = "The cohort has no sessions.";
    public const string AttendanceMessage = "Attendance {0} of {1} sessions ({2}%), less than {3}%.";
    public const string PracticalMissingMessage = "The practical is not assessed yet.";
    public const string PracticalNotYetMessage = "The practical is not yet competent.";

    public static CompletionVerdict Judge(CompletionFacts facts, int attendancePercent, bool requiresPractical, Func<DateOnly, string> written)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(written);
        var reasons = new List<CompletionReason>();
        if (facts.DroppedOut)
        {
            reasons.Add(new(DroppedOutMessage, [facts.DroppedOutOn is { } on ? written(on) : "–"]));
        }
        if (facts.Sessions == 0)
        {
            reasons.Add(new(NoSessionsMessage, []));
        }
        // Whole numbers only, so that 8 of 10 at 80 % passes on both sides of a rounding.
        else if ((long)facts.Attended * 100 < (long)attendancePercent * facts.Sessions)
        {
            reasons.Add(new(AttendanceMessage, [Number(facts.Attended), Number(facts.Sessions), Number(facts.Attended * 100 / facts.Sessions), Number(attendancePercent)]));
        }
        if (requiresPractical && facts.Practical != PracticalResult.Competent)
        {
            reasons.Add(new(facts.Practical is null ? PracticalMissingMessage : PracticalNotYetMessage, []));
        }
        return new CompletionVerdict(facts.ParticipantId, reasons.Count == 0, reasons);
    }

    public static bool Attended(AttendanceStatus status) => status is AttendanceStatus.Present or AttendanceStatus.Late;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
