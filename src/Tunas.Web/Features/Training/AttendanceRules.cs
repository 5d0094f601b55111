using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training;

/// <summary>One mark as the phone sends it.</summary>
public sealed record MarkBody(long? ParticipantId, string? Status, string? ClientId);

public sealed record CheckedMark(long ParticipantId, AttendanceStatus Status, string ClientId);

/// <summary>The rules of a batch of attendance marks. Pure: the caller gives the session's participants.</summary>
public static class AttendanceRules
{
    public const int ClientIdMax = 64;
    public const int MaxBatch = 500;

    public const string EmptyBatchMessage = "Send at least one mark.";
    public const string TooManyMarksMessage = "At most {0} marks at once.";
    public const string ParticipantUnknownMessage = "This participant is not in the cohort.";
    public const string StatusInvalidMessage = "The attendance is present, late, excused or absent.";
    public const string ClientIdInvalidMessage = "Each mark needs its own id of 1 to 64 letters, digits, '-' or '_'.";

    public static (IReadOnlyList<CheckedMark> Marks, IReadOnlyList<FieldIssue> Errors) Check(IReadOnlyList<MarkBody?>? batch, IReadOnlySet<long> participants)
    {
        ArgumentNullException.ThrowIfNull(participants);
        var errors = new List<FieldIssue>();
        if (batch is null || batch.Count == 0)
        {
            return ([], [CohortFields.Issue("marks", "required", EmptyBatchMessage)]);
        }
        if (batch.Count > MaxBatch)
        {
            return ([], [CohortFields.Issue("marks", "too-many", TooManyMarksMessage, MaxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
        var marks = new List<CheckedMark>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var mark = batch[i];
            var at = "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].";
            if (mark?.ParticipantId is not { } participant || !participants.Contains(participant))
            {
                errors.Add(CohortFields.Issue(at + "participantId", "unknown", ParticipantUnknownMessage));
                continue;
            }
            if (!TryStatus(mark.Status, out var status))
            {
                errors.Add(CohortFields.Issue(at + "status", "invalid", StatusInvalidMessage));
                continue;
            }
            if (!ValidClientId(mark.ClientId))
            {
                errors.Add(CohortFields.Issue(at + "clientId", "invalid", ClientIdInvalidMessage));
                continue;
            }
            marks.Add(new CheckedMark(participant, status, mark.ClientId!));
        }
        return errors.Count > 0 ? ([], errors) : (marks, errors);
    }

    public static bool TryStatus(string? text, out AttendanceStatus status)
    {
        status = default;
        var t = text?.Trim();
        return !string.IsNullOrEmpty(t) && char.IsAsciiLetter(t[0]) && Enum.TryParse(t, ignoreCase: true, out status) && Enum.IsDefined(status);
    }

    public static bool ValidClientId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= ClientIdMax && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The API's word for a status: present, late, excused, absent.</summary>
    public static string Word(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "present",
        AttendanceStatus.Late => "late",
        AttendanceStatus.Excused => "excused",
        _ => "absent",
    };

    /// <summary>
    /// A participant's attendance at a session is their latest mark: the marks, in the order they were stored, folded
    /// into one status per (session, participant).
    /// </summary>
    public static Dictionary<(long Session, long Participant), AttendanceStatus> Latest(
        IEnumerable<(long Session, long Participant, AttendanceStatus Status)> marksInOrder)
    {
        ArgumentNullException.ThrowIfNull(marksInOrder);
        var latest = new Dictionary<(long Session, long Participant), AttendanceStatus>();
        foreach (var (session, participant, status) in marksInOrder)
        {
            latest[(session, participant)] = status;
        }
        return latest;
    }
}
