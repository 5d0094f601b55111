using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Training.Certificates;

/// <summary>
/// The public check of a certificate, opened from its QR code: holder, track, provider, dates and status, no sign-in.
/// An unknown or malformed code is 404; never cached, so a revocation shows at once.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Verify)]
public sealed class VerifyModel(CertificateReader reader) : PageModel
{
    public PublicCertificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await reader.VerifyAsync(code, ct) is not { } found)
        {
            return NotFound();
        }
        Certificate = found;
        return Page();
    }
}
