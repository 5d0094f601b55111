using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Agencies;

[Authorize(Policy = Policies.ManageAgency)]
public sealed class EditModel(TunasDb db, AgencyService agencies, AgencyHeader header, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var a = await agencies.CurrentAsync(ct);
        Input = new AgencyInput
        {
            Name = a.Name,
            RegencyCode = a.RegencyCode,
            Address = a.Address,
            HeadName = a.HeadName,
            HeadTitle = a.HeadTitle,
            SignatoryName = a.SignatoryName,
            SignatoryTitle = a.SignatoryTitle,
            SignatoryEmployeeNumber = a.SignatoryEmployeeNumber,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Cleaned before the checks, so a name of invisible characters is an empty name.
        Input.Name = TextInput.Clean(Input.Name);
        if (Input.Name is null && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Name", L["Fill in the agency's name."]);
        }
        var code = Input.RegencyCode?.Trim();
        if (!string.IsNullOrEmpty(code) && !await db.Regions.AnyAsync(r => r.Code == code && r.Level == RegionLevel.Regency && r.IsCurrent, ct))
        {
            ModelState.AddModelError("Input.RegencyCode", L["'{0}' is not a regency/city code (e.g. 35.72).", code]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var a = await agencies.CurrentAsync(ct);
        var before = new { a.Name, a.RegencyCode, a.Address, a.HeadName, a.HeadTitle, a.SignatoryName, a.SignatoryTitle, a.SignatoryEmployeeNumber };
        a.Name = Input.Name!;
        a.RegencyCode = string.IsNullOrEmpty(code) ? null : code;
        a.Address = TextInput.Clean(Input.Address);
        a.HeadName = TextInput.Clean(Input.HeadName);
        a.HeadTitle = TextInput.Clean(Input.HeadTitle);
        a.SignatoryName = TextInput.Clean(Input.SignatoryName);
        a.SignatoryTitle = TextInput.Clean(Input.SignatoryTitle);
        a.SignatoryEmployeeNumber = Input.SignatoryEmployeeNumber?.Trim();
        a.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("agency.changed", "Agency", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { Before = before, After = Input });
        await db.SaveChangesAsync(ct);
        header.Forget();
        TempData["Message"] = L["The agency settings were saved."].Value;
        return Redirect("/Agency");
    }
}

public sealed class AgencyInput
{
    [Required(ErrorMessage = "Fill in the agency's name.")]
    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? Name { get; set; }

    public string? RegencyCode { get; set; }

    [StringLength(400, ErrorMessage = "At most {1} characters.")]
    public string? Address { get; set; }

    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? HeadName { get; set; }

    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? HeadTitle { get; set; }

    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? SignatoryName { get; set; }

    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? SignatoryTitle { get; set; }

    [RegularExpression("^[0-9 ]{0,30}$", ErrorMessage = "An NIP has only digits.")]
    public string? SignatoryEmployeeNumber { get; set; }
}
