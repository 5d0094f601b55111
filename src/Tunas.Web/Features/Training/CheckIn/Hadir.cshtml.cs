using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tunas.Web.Features.Training.CheckIn;

/// <summary>
/// Where the phone's camera app opens the check-in link: a signed-in participant is marked present at once; anyone
/// not signed in goes to the participant sign-in and comes back here; staff are told it is for participants only.
/// Opening the link is the check-in (no button to tap), as the camera app opens it; a second opening changes nothing.
/// </summary>
[AllowAnonymous]
public sealed class HadirModel(SelfCheckIn checkIn) : PageModel
{
    public CheckInResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Redirect("/Account/Participant?ReturnUrl=" + Uri.EscapeDataString("/hadir/" + token));
        }
        Result = await checkIn.CheckInAsync(token, ct);
        Response.StatusCode = Result.Outcome switch
        {
            CheckInOutcome.Expired => StatusCodes.Status410Gone,
            CheckInOutcome.NotToday => StatusCodes.Status409Conflict,
            CheckInOutcome.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
