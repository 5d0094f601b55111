using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Duplicates;

/// <summary>Open suspected duplicates side by side, each with a dismissal and a merge that keeps either record.</summary>
[Authorize(Policy = Policies.RegistryReview)]
public sealed class IndexModel(DuplicateReview review, VillageNames villages, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DuplicatePairPage Pairs { get; private set; } = new([], 0);
    public IReadOnlyDictionary<string, RegionSummary> Villages { get; private set; } = new Dictionary<string, RegionSummary>();
    public int PageCount => Math.Max(1, (Pairs.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Pairs = await review.OpenAsync(PageNumber, PageSize, ct);
        Villages = await villages.AllAsync(ct);
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, CancellationToken ct)
    {
        TempData["Message"] = await review.DismissAsync(id, ct) switch
        {
            ReviewOutcome.Done => L["The pair was marked as two different persons."].Value,
            _ => L["This pair was already reviewed."].Value,
        };
        return Redirect("/Registry/Duplicates");
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, long keep, CancellationToken ct)
    {
        var result = await review.MergeAsync(id, keep, ct);
        if (result.Outcome == ReviewOutcome.Done)
        {
            TempData["Message"] = L["The records were merged into one."].Value;
            return Redirect($"/Registry/Details/{result.KeptPersonId}");
        }
        TempData["Message"] = result.Outcome == ReviewOutcome.BothApplied
            ? L[DuplicatesModule.BothAppliedMessage].Value
            : L["This pair was already reviewed."].Value;
        return Redirect("/Registry/Duplicates");
    }

    public string VillageName(string code) => Villages.TryGetValue(code, out var v) ? v.Name : code;

    public string Reason(DuplicateReason reason) => reason switch
    {
        DuplicateReason.SameNameAndBirthDate => L["Same name and birth date, different NIK"],
        _ => L["Same name on the same family card, different NIK"],
    };
}
