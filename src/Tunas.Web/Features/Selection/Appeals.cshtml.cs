using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection;

/// <summary>The appeals (sanggahan) of a program, oldest open first, each answered on the spot.</summary>
[Authorize(Policy = Policies.Selection)]
public sealed class AppealsModel(SelectionQueries queries, SelectionDesk desk, RegionDirectory regions, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ProgramId { get; set; }

    public TrainingProgram Program { get; private set; } = null!;
    public IReadOnlyList<AppealDto> Appeals { get; private set; } = [];
    public string? Message { get; private set; }
    public bool IsError { get; private set; }
    public long? FailedAppeal { get; private set; }
    public IReadOnlyDictionary<string, RegionSummary> Villages { get; private set; } = new Dictionary<string, RegionSummary>();

    public string VillageName(string code) => Villages.TryGetValue(code, out var v) ? v.Name : code;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(long appealId, string? decision, string? answer, DecisionStatus? newStatus, CancellationToken ct)
    {
        var upheld = decision == "upheld";
        var result = decision is "upheld" or "rejected"
            ? await desk.AnswerAppealAsync(ProgramId, appealId, upheld, answer, upheld ? newStatus : null, ct)
            : DeskResult.Refused(SelectionDeskMessages.AnswerRequiredMessage);
        if (result.Outcome == DeskOutcome.NotFound)
        {
            return NotFound();
        }
        IsError = result.Outcome == DeskOutcome.Refused;
        FailedAppeal = IsError ? appealId : null;
        Message = IsError ? string.Format(CultureInfo.CurrentCulture, L[result.Message!], result.Args ?? []) : L["The answer is saved and the applicant will be told."];
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var program = await queries.ProgramAsync(ProgramId, ct);
        if (program is null)
        {
            return false;
        }
        Program = program;
        Appeals = await queries.AppealsAsync(ProgramId, ct) ?? [];
        Villages = await regions.VillagesAsync(ct);
        return true;
    }
}
