using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>The imports of the agency (a kelurahan operator: their own) and the form that starts one.</summary>
[Authorize(Policy = Policies.Registry)]
// The server's default body limit (about 30 MB) is below what an import may be; the file's own limit is checked when it is stored.
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class IndexModel(TunasDb db, CurrentUser me, ImportUploads uploads, AgencyService agencies, IStringLocalizer<SharedResource> L) : PageModel
{
    public const long MaxUploadBytes = 128L * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? RegencyCode { get; set; }

    public List<ImportJob> Jobs { get; private set; } = [];
    public bool OperatorOnly => ImportActor.IsOperatorOnly(me);
    public long MaxMegabytes => uploads.MaxBytes / (1024 * 1024);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await using var content = Upload?.OpenReadStream();
        var result = await uploads.CreateAsync(content, Upload?.FileName, Upload?.Length ?? 0, OperatorOnly ? null : RegencyCode, null,
            ImportActor.From(me), awaitMapping: true, ct);
        if (result.Job is { } job)
        {
            return Redirect($"/Registry/Imports/Map/{job.Id}");
        }
        ModelState.AddModelError(nameof(Upload), ImportsApi.Text(result.Refusal!, L));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        RegencyCode ??= (await agencies.CurrentAsync(ct)).RegencyCode;
        Jobs = await ImportsApi.Visible(db, me).AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(50).ToListAsync(ct);
    }
}
