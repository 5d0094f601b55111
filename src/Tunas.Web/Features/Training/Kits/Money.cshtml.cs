using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Kits;

/// <summary>
/// A program's money and kits (officers): budget, transport paid, kits handed over and what is left; the kit template of
/// each track and the items bought, typed one item a line as "name; quantity; value per unit".
/// </summary>
[Authorize(Policy = TrainingPolicies.ManageCohorts)]
public sealed class MoneyModel(KitBook book, IStringLocalizer<SharedResource> L) : PageModel
{
    public ProgramKits Kits { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int programId, CancellationToken ct)
    {
        if (await book.ReadAsync(programId, ct) is not { } kits)
        {
            return NotFound();
        }
        Kits = kits;
        return Page();
    }

    public Task<IActionResult> OnPostTemplateAsync(int programId, int trackId, string? lines, CancellationToken ct) =>
        SaveAsync(programId, book.SaveTemplateAsync(programId, trackId, KitRules.FromLines(lines), ct), L["The kit template was saved."]);

    public Task<IActionResult> OnPostStockAsync(int programId, string? lines, CancellationToken ct) =>
        SaveAsync(programId, book.SaveStockAsync(programId, KitRules.FromLines(lines), ct), L["The stock was saved."]);

    public static string Lines(IEnumerable<KitItemRead> items) => KitRules.ToLines(items.Select(i => new KitItemValues(i.Name, i.Quantity, i.UnitValue)));

    private async Task<IActionResult> SaveAsync(int programId, Task<IReadOnlyList<FieldIssue>?> save, string done)
    {
        if (await save is not { } errors)
        {
            return NotFound();
        }
        TempData[errors.Count > 0 ? "Error" : "Message"] = errors.Count > 0 ? string.Join(" ", errors.Select(e => PersonsApi.Text(e, L))) : done;
        return Redirect($"/Training/Programs/{programId}/Money");
    }
}
