using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Held;

public sealed record ResolveInput
{
    [Required(ErrorMessage = "Choose what to do with the record.")]
    public PendingResolution? Resolution { get; init; }

    [Required(ErrorMessage = "Write a note on what was checked.")]
    [StringLength(500, ErrorMessage = "At most {1} characters.")]
    public string? Note { get; init; }
}

/// <summary>An officer compares the typed record with the registry's person, side by side, and resolves it (decision 0021).</summary>
[Authorize(Policy = Policies.RegistryReview)]
public sealed class ResolveModel(HeldPersons held, TunasDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public ResolveInput Input { get; set; } = new();

    public PendingPerson Pending { get; private set; } = null!;
    public PersonDto Typed { get; private set; } = new();
    public PersonDto Existing { get; private set; } = new();
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (outcome, errors) = await held.ResolveAsync(id, Input.Resolution!.Value, Input.Note!.Trim(), ct);
        switch (outcome)
        {
            case ResolveOutcome.Done:
                TempData["Message"] = L["The held record was resolved."].Value;
                return Redirect("/Registry/Held");
            case ResolveOutcome.NotFound:
                return NotFound();
            case ResolveOutcome.AlreadyResolved:
                Error = L["This record was resolved already."];
                break;
            default:
                Error = string.Join(" ", errors.Select(e => PersonForm.Sentence(e, L)));
                break;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var pending = await held.FindAsync(id, ct);
        var person = pending is null ? null : await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pending.ExistingPersonId, ct);
        if (pending is null || person is null)
        {
            return false;
        }
        Pending = pending;
        Typed = HeldPersons.Typed(pending);
        Existing = PersonForm.From(person) with { Nik = person.Nik };
        return true;
    }
}
