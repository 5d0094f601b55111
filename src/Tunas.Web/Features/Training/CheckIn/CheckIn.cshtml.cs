using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tunas.Web.Features.Training.CheckIn;

/// <summary>
/// The trainer's check-in screen for a session held today: a large QR that changes every 30 seconds and the live list
/// of who has checked in and who has not (checkin.js polls it), so that a link relayed to someone elsewhere shows.
/// </summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class CheckInModel(CohortReader reader, CheckInBoard board, CheckInTokens tokens) : PageModel
{
    public CohortRead Cohort { get; private set; } = null!;
    public SessionRead? Session { get; private set; }
    public IReadOnlyList<SessionRead> Today { get; private set; } = [];
    public CheckInLive? Live { get; private set; }
    public string Qr { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, long? sessionId, CancellationToken ct)
    {
        if (await board.TodayAsync(id, ct) is not { } today || await reader.ReadAsync(id, ct) is not { } cohort)
        {
            return NotFound();
        }
        (Cohort, Today) = (cohort, today);
        Session = sessionId is { } chosen ? today.FirstOrDefault(s => s.Id == chosen) : today.Count > 0 ? today[0] : null;
        if (Session is { } session)
        {
            Live = await board.LiveAsync(id, session.Id, ct);
            Qr = CheckInApi.Svg(CheckInApi.LinkOf(Request, await tokens.IssueAsync(id, session.Id, ct: ct)));
        }
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
