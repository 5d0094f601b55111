using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training;

/// <summary>
/// A session's attendance on a trainer's phone: one tap per participant. Each button is a plain form post (works
/// without JavaScript); attendance.js sends the same mark to the API instead, with the antiforgery header, so the page
/// need not reload. Each form carries a fresh client id, so a mark sent twice counts once.
/// </summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class AttendanceModel(CohortReader reader, AttendanceBook book, IStringLocalizer<SharedResource> L) : PageModel
{
    public SessionAttendance Session { get; private set; } = null!;
    public CohortRead Cohort { get; private set; } = null!;

    public static IReadOnlyList<(string Word, string Label, string Style)> Choices(IStringLocalizer L) =>
    [
        ("present", L["Present"], "success"),
        ("late", L["Late"], "warning"),
        ("excused", L["Excused"], "info"),
        ("absent", L["Absent"], "danger"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, long sessionId, CancellationToken ct)
    {
        if (await reader.AttendanceAsync(id, sessionId, ct) is not { } session || await reader.ReadAsync(id, ct) is not { } cohort)
        {
            return NotFound();
        }
        (Session, Cohort) = (session, cohort);
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
