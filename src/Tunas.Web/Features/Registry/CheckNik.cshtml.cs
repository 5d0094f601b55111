using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

/// <summary>A form for the NIK rules; the NIK is posted, never put in the address.</summary>
[Authorize(Policy = Policies.CheckNik)]
public sealed class CheckNikModel(NikChecker checker) : PageModel
{
    [BindProperty]
    public string? Nik { get; set; }

    public NikCheckResponse? Result { get; private set; }

    public string BirthDateText => Result?.BirthDate is { } d
        ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)
        : "";

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct) => Result = await checker.CheckAsync(Nik, ct);
}
