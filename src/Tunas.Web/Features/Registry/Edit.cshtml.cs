using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

/// <summary>
/// Changes a resident. The NIK and the No. KK are not shown in the form (typed only to correct them), so editing is
/// no unaudited view of them; the No. KK is shown when asked for with a POST, recorded as on the detail page.
/// </summary>
[Authorize(Policy = Policies.Registry)]
public sealed class EditModel(
    RegistryRules rules, PersonSearch search, Held.HeldPersons held, VillageNames villages, CurrentUser me, TunasDb db, AuditLog audit,
    IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public PersonDto Input { get; set; } = new();

    /// <summary>Whether the form holds the stored No. KK (shown on request); only then does an empty field remove it.</summary>
    [BindProperty]
    public bool FamilyCardShown { get; set; }

    public PersonFormView Form { get; private set; } = null!;
    public long PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public long? ExistingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var person = await ReadAsync(id, ct);
        if (person is null)
        {
            return NotFound();
        }
        Input = PersonForm.From(person) with { FamilyCardNumber = null };
        await FillAsync(person, [], ct);
        return Page();
    }

    public async Task<IActionResult> OnPostShowFamilyCardAsync(long id, CancellationToken ct)
    {
        var person = await ReadAsync(id, ct);
        if (person is null)
        {
            return NotFound();
        }
        audit.Record("person.nik-viewed", "Person", id.ToString(CultureInfo.InvariantCulture), new { via = "edit" });
        await db.SaveChangesAsync(ct);
        ModelState.Clear();
        Input = PersonForm.From(person);
        FamilyCardShown = true;
        await FillAsync(person, [], ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        // An operator's held record is edited as the resident it reads as (decision 0021).
        var own = await held.OwnAsync(id, ct);
        var stored = own is null ? await search.Visible().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        var person = own ?? stored;
        if (person is null)
        {
            return NotFound();
        }
        if (!RegistryAccess.MaySetWelfare(me))
        {
            Input = RegistryAccess.KeepWelfare(Input, person);
        }
        var nik = string.IsNullOrWhiteSpace(Input.Nik) ? person.Nik : Input.Nik;
        var familyCard = !FamilyCardShown && string.IsNullOrWhiteSpace(Input.FamilyCardNumber) ? person.FamilyCardNumber : Input.FamilyCardNumber;
        var check = await rules.CheckAsync((Input with { Nik = nik, FamilyCardNumber = familyCard }).ToInput(), ct);
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
            var result = await held.ChangeAsync(stored, id, values, ct);
            switch (result.Outcome)
            {
                case PersonSaveOutcome.Updated or PersonSaveOutcome.Unchanged:
                    TempData["Message"] = result.Outcome == PersonSaveOutcome.Updated
                        ? L["Resident {0} was saved.", values.FullName].Value
                        : L["Nothing was changed."].Value;
                    RegistryAccess.KeepWarnings(TempData, warnings);
                    return Redirect($"/Registry/Details/{id}");
                case PersonSaveOutcome.NotFound:
                    return NotFound();
                case PersonSaveOutcome.NikExists:
                    ModelState.AddModelError(PersonForm.Key("nik"), L["This NIK is already in the registry."]);
                    ExistingId = await search.Visible().AnyAsync(p => p.Id == result.Id, ct) ? result.Id : null;
                    break;
                default:
                    PersonForm.AddErrors(result.Errors, ModelState, L);
                    break;
            }
        }
        // Nothing of a refused save may linger in this request's unit of work.
        db.ChangeTracker.Clear();
        var agency = me.AgencyId ?? 0;
        await FillAsync(stored is null ? person : await db.Persons.AsNoTracking().FirstAsync(p => p.AgencyId == agency && p.Id == id, ct), warnings, ct);
        return Page();
    }

    /// <summary>An operator's own held record is edited as the resident it reads as, until an officer resolves it (decision 0021).</summary>
    private Task<Person?> ReadAsync(long id, CancellationToken ct) => held.ReadAsync(id, ct);

    private async Task FillAsync(Person person, Dictionary<string, List<string>> warnings, CancellationToken ct)
    {
        PersonId = person.Id;
        PersonName = person.FullName;
        var own = RegistryAccess.OwnVillage(me);
        Form = new PersonFormView(Input, await villages.AgencyRegencyAsync(ct), own, own is null ? null : await villages.NameAsync(own, ct), warnings, Nik.Mask(person.Nik),
            person.FamilyCardNumber is null ? null : Nik.Mask(person.FamilyCardNumber), FamilyCardShown);
    }
}
