using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

public sealed record UnverifiedRow(long Id, string FullName, string VillageCode, DateTime CreatedAt);

/// <summary>
/// Self-registered residents to verify (no id), or one of them with the documents seen and a note (decision 0021).
/// Officers only: the domain lets a kelurahan operator register residents, not vouch for them.
/// </summary>
[Authorize(Policy = Policies.RegistryReview)]
public sealed class VerifyModel(PersonVerification verification, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public List<IdentityDocument> Documents { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<UnverifiedRow> Rows { get; private set; } = [];
    public UnverifiedRow? Person { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        if (id is not { } personId || !await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Note is { Length: > 500 })
        {
            Error = L["The note may have at most 500 characters."];
            return Page();
        }
        switch (await verification.VerifyAsync(personId, Documents, Note?.Trim(), ct))
        {
            case VerifyOutcome.Verified:
                TempData["Message"] = L["Resident {0} was verified.", Person!.FullName].Value;
                return Redirect("/Registry/Verify");
            case VerifyOutcome.NoDocument:
                Error = L["Tick at least one document you saw."];
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(long? id, CancellationToken ct)
    {
        var query = verification.ToVerify();
        if (id is { } personId)
        {
            Person = await query.Where(p => p.Id == personId).Select(p => new UnverifiedRow(p.Id, p.FullName, p.VillageCode, p.CreatedAt)).FirstOrDefaultAsync(ct);
            return Person is not null;
        }
        Rows = await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Take(200)
            .Select(p => new UnverifiedRow(p.Id, p.FullName, p.VillageCode, p.CreatedAt)).ToListAsync(ct);
        return true;
    }
}
