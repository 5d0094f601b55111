using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses;

/// <summary>A business with its owners, photos, workers and permit path; officers add workers, photos and permit steps here.</summary>
[Authorize(Policy = BusinessPolicies.Businesses)]
public sealed class DetailsModel(BusinessScope scope, BusinessReader reader, BusinessWriter writer, RegionDirectory regions, IStringLocalizer<SharedResource> L) : PageModel
{
    public BusinessRead Business { get; private set; } = null!;
    public bool IsOfficer => scope.IsOfficer;

    [BindProperty]
    public WorkerInput Worker { get; set; } = new();

    [BindProperty]
    public PermitInput Permit { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, ct) is not { } business)
        {
            return NotFound();
        }
        Business = business;
        return Page();
    }

    public async Task<IActionResult> OnPostWorkerAsync(long id, CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return NotFound();
        }
        var check = WorkerRules.Check(Worker, scope.Today, await regions.DistrictLookupAsync(ct));
        if (check.Values is { } values)
        {
            await writer.AddWorkerAsync(business, values, ct);
            TempData["Message"] = L["Worker {0} was saved.", values.FullName].Value;
        }
        else
        {
            TempData["Error"] = string.Join(" ", check.Errors.Select(e => PersonsApi.Text(e, L)));
        }
        return Redirect($"/Usaha/{id}");
    }

    public async Task<IActionResult> OnPostPermitAsync(long id, string? kind, IFormFile? file, CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }
        if (PermitRules.Kind(kind) is not { } k || await scope.FindAsync(id, ct) is not { } business)
        {
            return NotFound();
        }
        var errors = await writer.SetPermitAsync(business, k, Permit, ct);
        string? error = errors.Count > 0 ? string.Join(" ", errors.Select(e => PersonsApi.Text(e, L))) : null;
        if (error is null && file is { Length: > 0 })
        {
            var content = await BusinessFiles.ReadAsync(file, BusinessFiles.MaxDocumentBytes, ct);
            if (await writer.AttachDocumentAsync(business, k, content, file.FileName, ct) is { } refused)
            {
                error = L[refused, BusinessFiles.MaxDocumentBytes / (1024 * 1024)].Value;
            }
        }
        TempData[error is null ? "Message" : "Error"] = error ?? L["The permit step was saved."].Value;
        return Redirect($"/Usaha/{id}");
    }

    public async Task<IActionResult> OnPostPhotoAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (!IsOfficer)
        {
            return Forbid();
        }
        if (await scope.FindAsync(id, ct) is not { } business)
        {
            return NotFound();
        }
        var content = file is null ? null : await BusinessFiles.ReadAsync(file, PhotoShrinker.MaxUploadBytes, ct);
        var (photo, error) = await writer.AddPhotoAsync(business, content, ct);
        TempData[photo is null ? "Error" : "Message"] = photo is null
            ? L[error!, error == BusinessWriter.TooManyPhotosMessage ? BusinessWriter.MaxPhotos : PhotoShrinker.MaxUploadBytes / (1024 * 1024)].Value
            : L["The photo was added."].Value;
        return Redirect($"/Usaha/{id}");
    }
}
