using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training;

/// <summary>
/// A session's attendance on a trainer's phone: one tap per participant. Each button is a plain form post (works
/// without JavaScript); attendance.js sends the same mark to the API instead, with the antiforgery header, so the page
/// need not reload. Each form carries a fresh client id, so a mark sent twice counts once.
/// </summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class AttendanceModel(CohortReader reader, CohortScope scope, AttendanceBook book, IStringLocalizer<SharedResource> L) : PageModel
{
    public SessionAttendance Session { get; private set; } = null!;
    public int CohortId { get; private set; }
    public string CohortName { get; private set; } = "";

    public static IReadOnlyList<(string Word, string Label, string Style)> Choices(IStringLocalizer L) =>
    [
        ("present", L["Present"], "success"),
        ("late", L["Late"], "warning"),
        ("excused", L["Excused"], "info"),
        ("absent", L["Absent"], "danger"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, long sessionId, CancellationToken ct)
    {
        // Only the cohort's name besides the session: the whole cohort (trainers, sessions, participants again) would
        // double the page's queries on a phone at the workshop (the bench's attendance screen).
        if (await reader.AttendanceAsync(id, sessionId, ct) is not { } session
            || await scope.Cohorts.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct) is not { } name)
        {
            return NotFound();
        }
        (Session, CohortId, CohortName) = (session, id, name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, long sessionId, long? participantId, string? status, string? clientId, CancellationToken ct)
    {
        var result = await book.SaveAsync(id, sessionId, [new MarkBody(participantId, status, clientId)], ct);
        if (result is not { } saved)
        {
            return NotFound();
        }
        if (saved.Errors.Count > 0)
        {
            TempData["Error"] = string.Join(" ", saved.Errors.Select(e => PersonsApi.Text(e, L)));
        }
        return Redirect($"/Training/{id}/Attendance/{sessionId}#p{participantId}");
    }

    public static string NewClientId() => Guid.NewGuid().ToString("N");
}
