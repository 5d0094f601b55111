using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Registry.Held;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

[Authorize(Policy = Policies.Registry)]
public sealed class CreateModel(RegistryRules rules, PersonWriter writer, PersonSearch search, VillageNames villages, CurrentUser me, HeldPersons held,
    IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public PersonDto Input { get; set; } = new();

    public PersonFormView Form { get; private set; } = null!;

    /// <summary>The person who already has the typed NIK, when the current user may open their record.</summary>
    public long? ExistingId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = Input with { VillageCode = RegistryAccess.OwnVillage(me) };
        await FillAsync([], ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!RegistryAccess.MaySetWelfare(me))
        {
            Input = RegistryAccess.KeepWelfare(Input, null);
        }
        var check = await rules.CheckAsync(Input.ToInput(), ct);
        var warnings = PersonForm.Warnings(check.Warnings, L);
        if (check.Values is not { } values)
        {
            PersonForm.AddErrors(check.Errors, ModelState, L);
        }
        else if (!ModelState.IsValid)
        {
            // A value the binder could not read (a number that is none) is said next to its field already.
        }
        else if (PersonsApi.OutsideOwnVillage(me, values.VillageCode))
        {
            ModelState.AddModelError(PersonForm.Key("villageCode"), L["A kelurahan operator registers residents of their own kelurahan only."]);
        }
        else
        {
            var result = await writer.CreateAsync(me.AgencyId ?? 0, values, PersonOrigin.Entered, ct);
            if (result.Outcome == PersonSaveOutcome.NikExists && await PersonsApi.HoldUnlessVisibleAsync(result.Id!.Value, values, search, held, me, ct) is { } holding)
            {
                // The same answer as a new resident's, saved or refused (decision 0021).
                result = holding;
            }
            switch (result.Outcome)
            {
                case PersonSaveOutcome.Created:
                    TempData["Message"] = L["Resident {0} was saved.", values.FullName].Value;
                    RegistryAccess.KeepWarnings(TempData, warnings);
                    return Redirect($"/Registry/Details/{result.Id}");
                case PersonSaveOutcome.NikExists:
                    ModelState.AddModelError(PersonForm.Key("nik"), L["This NIK is already in the registry."]);
                    ExistingId = await search.Visible().AnyAsync(p => p.Id == result.Id, ct) ? result.Id : null;
                    break;
                default:
                    PersonForm.AddErrors(result.Errors, ModelState, L);
                    break;
            }
        }
        await FillAsync(warnings, ct);
        return Page();
    }

    private async Task FillAsync(Dictionary<string, List<string>> warnings, CancellationToken ct)
    {
        var own = RegistryAccess.OwnVillage(me);
        Form = new PersonFormView(Input, await villages.AgencyRegencyAsync(ct), own, own is null ? null : await villages.NameAsync(own, ct), warnings);
    }
}
