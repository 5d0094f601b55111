using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

public sealed record HouseholdMember(long Id, string MaskedNik, string FullName, HouseholdRelation? Relation, bool IsHead);

public sealed record ImportOrigin(string FileName, string ImportedBy, DateTime At);

/// <summary>
/// One resident with the history of every change. The NIK is masked until the user asks to see it with a POST,
/// which is recorded (UU 27/2022: know who saw what).
/// </summary>
[Authorize(Policy = Policies.Registry)]
public sealed class DetailsModel(
    PersonSearch search, Held.HeldPersons held, CurrentUser me, TunasDb db, AuditLog audit, VillageNames villages, IAuthorizationService authorization) : PageModel
{
    public Person Person { get; private set; } = null!;
    public bool ShowFullNik { get; private set; }
    public IReadOnlyList<HouseholdMember> Household { get; private set; } = [];
    public ImportOrigin? Import { get; private set; }
    public AuditEntriesView History { get; private set; } = null!;
    public IReadOnlyDictionary<string, RegionSummary> Villages { get; private set; } = new Dictionary<string, RegionSummary>();
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public bool CanBrowseAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Warnings = RegistryAccess.TakeWarnings(TempData);
        if (await LoadAsync(id, ct))
        {
            return Page();
        }
        // A held create's id (decision 0021): the staff who resolve it go to where they do; once moved or merged, it
        // leads to the registry's person it became, when the user may see them.
        if (await held.Open().AnyAsync(p => p.Id == id, ct))
        {
            return RegistryAccess.OwnVillage(me) is null ? Redirect($"/Registry/Held/{id}") : NotFound();
        }
        return await held.ResolvedIntoAsync(id, ct) is { } into && await search.Visible().AnyAsync(p => p.Id == into, ct)
            ? Redirect($"/Registry/Details/{into}")
            : NotFound();
    }

    public async Task<IActionResult> OnPostShowNikAsync(long id, CancellationToken ct)
    {
        if (!await search.Visible().AnyAsync(p => p.Id == id, ct) && await OwnHeldAsync(id, ct) is null)
        {
            return NotFound();
        }
        audit.Record("person.nik-viewed", "Person", id.ToString(CultureInfo.InvariantCulture), new { via = "page" });
        await db.SaveChangesAsync(ct);
        ShowFullNik = true;
        await LoadAsync(id, ct);
        return Page();
    }

    public string VillageName(string code) => Villages.TryGetValue(code, out var v) ? v.Name : code;

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var person = await OwnHeldAsync(id, ct) ?? await search.Visible().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return false;
        }
        Person = person;
        CanBrowseAudit = (await authorization.AuthorizeAsync(User, Policies.ViewAudit)).Succeeded;
        Villages = await villages.AllAsync(ct);
        if (person.HouseholdId is { } householdId)
        {
            var head = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.HeadPersonId).FirstOrDefaultAsync(ct);
            var members = await search.Visible().AsNoTracking()
                .Where(p => p.HouseholdId == householdId && p.Id != id)
                .OrderBy(p => p.HouseholdRelation).ThenBy(p => p.BirthDate)
                .Select(p => new { p.Id, p.Nik, p.FullName, p.HouseholdRelation })
                .ToListAsync(ct);
            Household = members.Select(m => new HouseholdMember(m.Id, Shared.Nik.Mask(m.Nik), m.FullName, m.HouseholdRelation, m.Id == head)).ToList();
        }
        if (person.ImportJobId is { } jobId)
        {
            Import = await db.ImportJobs.AsNoTracking().Where(j => j.Id == jobId)
                .Select(j => new ImportOrigin(j.FileName, j.CreatedByName, j.CreatedAt)).FirstOrDefaultAsync(ct);
        }
        var key = id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Person" && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync(ct);
        if (RegistryAccess.OwnVillage(me) is not null && await held.WasHeldAsync(id, ct))
        {
            entries = entries.ConvertAll(e => e with { Action = Held.HeldPersons.AsPersonAction(e.Action) });
        }
        History = new AuditEntriesView(entries, Villages, ShowEntity: false);
        return true;
    }

    /// <summary>An operator's own held record, shown as the new or changed resident it was answered as (decision 0021).</summary>
    private Task<Person?> OwnHeldAsync(long id, CancellationToken ct) => held.OwnAsync(id, ct);
}
