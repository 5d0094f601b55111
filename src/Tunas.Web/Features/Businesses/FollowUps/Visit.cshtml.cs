using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>
/// One follow-up and its survey form (<c>/Kunjungan/{id}</c>): a plain form post that works without JavaScript; when a
/// field is refused the page comes back with everything typed still in it, and nothing is stored.
/// </summary>
[Authorize(Policy = FollowUpPolicies.Visits)]
public sealed class VisitModel(FollowUpScope scope, FollowUpWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    public FollowUpItem Item { get; private set; } = null!;

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public string Today => scope.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await scope.ReadAsync(id, ct) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        Input = item.Answers is { } a ? new VisitInput
        {
            Channel = a.Channel,
            VisitedOn = a.VisitedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BusinessActive = a.BusinessActive,
            MonthlyRevenue = Amount(a.MonthlyRevenue),
            MonthlyProfit = Amount(a.MonthlyProfit),
            Workers = a.Workers?.ToString(CultureInfo.InvariantCulture),
            HouseholdMonthlyIncome = Amount(a.HouseholdMonthlyIncome),
            Needs = [.. a.Needs],
            Problems = a.Problems,
            NotReached = item.Status == "notReached",
        } : new VisitInput { Channel = item.Group == "comparison" ? "phone" : "visit", VisitedOn = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, IFormFile? photo, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } row)
        {
            return NotFound();
        }
        var check = VisitRules.Check(Input, row.Group, row.DueOn.AddMonths(-row.MonthsAfter), scope.Today);
        if (check.Values is { } values)
        {
            var content = photo is { Length: > 0 } ? await BusinessFiles.ReadAsync(photo, PhotoShrinker.MaxUploadBytes, ct) ?? [] : null;
            if (await writer.RecordVisitAsync(row, values, content, ct) is not { } error)
            {
                TempData["Message"] = L["The follow-up was saved."].Value;
                return Redirect("/Kunjungan");
            }
            ModelState.AddModelError("photo", L[error, PhotoShrinker.MaxUploadBytes / (1024 * 1024)].Value);
        }
        else
        {
            ProgramForm.AddErrors(check.Errors, ModelState, L);
        }
        Item = (await scope.ReadAsync(id, ct))!;
        return Page();
    }

    public string? Error(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    private static string? Amount(long? value) => value?.ToString("#,0", CultureInfo.GetCultureInfo("id-ID"));
}
