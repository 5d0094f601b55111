using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Certificates;

/// <summary>The officer's certificate actions from the cohort page: issue to those who completed, revoke one. Back to the cohort.</summary>
[Authorize(Policy = TrainingPolicies.ManageCohorts)]
public sealed class IndexModel(CertificateIssuer issuer, CertificateReader reader, IStringLocalizer<SharedResource> L) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await reader.OfCohortAsync(id, ct) is null ? NotFound() : Redirect($"/Training/{id}#completion");

    public async Task<IActionResult> OnPostIssueAsync(int id, CancellationToken ct)
    {
        if (await issuer.IssueAsync(id, ct) is not { } result)
        {
            return NotFound();
        }
        TempData["Message"] = L["Certificates issued: {0} new.", result.Issued.Count].Value;
        return Redirect($"/Training/{id}#completion");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, long certificateId, string? reason, CancellationToken ct)
    {
        if (await reader.FindAsync(certificateId, ct) is not { } found || found.CohortId != id
            || await issuer.RevokeAsync(certificateId, reason, ct) is not { } result)
        {
            return NotFound();
        }
        if (result.Errors.Count > 0)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => PersonsApi.Text(e, L)));
        }
        else
        {
            TempData["Message"] = L["The certificate was revoked."].Value;
        }
        return Redirect($"/Training/{id}#completion");
    }
}
