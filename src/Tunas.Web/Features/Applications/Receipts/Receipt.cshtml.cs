using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications.Receipts;

/// <summary>What the printed receipt shows: no NIK, no phone; what the resident needs to check the status.</summary>
public sealed record ReceiptLines(
    string RegistrationNumber, string FullName, string Program, DateTime SubmittedAt, string Village, string? EnteredBy);

/// <summary>
/// The receipt an operator prints and hands over after entering an application ("give this number in writing"):
/// one A5/A4 page, print-friendly, for an application of the operator's own kelurahan (any of the agency's for an officer).
/// </summary>
[Authorize(Policy = Policies.Applications)]
public sealed class ReceiptModel(TunasDb db, CurrentUser me, AgencyService agencies, RegionDirectory regions) : PageModel
{
    public ReceiptLines Lines { get; private set; } = null!;
    public Agency Agency { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long applicationId, CancellationToken ct)
    {
        var agency = me.AgencyId ?? 0;
        var own = RegistryAccess.OwnVillage(me);
        var row = await (
            from a in db.Applications.AsNoTracking()
            where a.AgencyId == agency && a.Id == applicationId && (own == null || a.VillageCode == own)
            join pr in db.Programs on a.ProgramId equals pr.Id
            where pr.AgencyId == agency
            join p in db.Persons on a.PersonId equals p.Id
            select new { a.RegistrationNumber, FullName = own != null && a.Status == ApplicationStatus.Held ? a.GivenName ?? "" : p.FullName, Program = pr.Name, a.SubmittedAt, a.VillageCode, a.EnteredById })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }
        var enteredBy = row.EnteredById is null ? null
            : await db.Users.Where(u => u.Id == row.EnteredById).Select(u => u.FullName ?? u.UserName).FirstOrDefaultAsync(ct);
        var villages = await regions.VillagesAsync(ct);
        Lines = new ReceiptLines(row.RegistrationNumber, row.FullName, row.Program, DateTime.SpecifyKind(row.SubmittedAt, DateTimeKind.Utc),
            villages.TryGetValue(row.VillageCode, out var v) ? v.Name : row.VillageCode, enteredBy);
        Agency = await agencies.CurrentAsync(ct);
        return Page();
    }
}
