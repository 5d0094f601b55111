using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// The public application form: one column, plain HTML that works without script, Indonesian first. The program
/// is chosen by its id in the address; everything personal is posted, and the answer is the receipt itself.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Apply)]
public sealed class ApplyModel(ProgramCatalog catalog, ApplicationIntake intake, VillageChoices villages, AgencyService agencies, TimeProvider clock,
    IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public int? ProgramQuery { get; set; }

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    /// <summary>The programs the public sees (Active), for the choice when none is chosen.</summary>
    public IReadOnlyList<IntakeProgram> Programs { get; private set; } = [];

    public IntakeProgram? Program { get; private set; }

    /// <summary>Why the chosen program takes no applications today, when it does not.</summary>
    public string? Closed { get; private set; }

    public ApplicationFormView? Form { get; private set; }

    public ReceiptView? Receipt { get; private set; }

    /// <summary>Why the application could not be stored now (a full disk, a server down); the form keeps what was typed.</summary>
    public string? Unavailable { get; private set; }

    public DateOnly Today => clock.TodayInIndonesia();

    public bool IsOpen(IntakeProgram program) => ApplicationRules.RegistrationWindow(program, Today) is null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Programs = await catalog.ActiveAsync(ct);
        Program = ProgramQuery is { } id
            ? await PublicAsync(id, ct)
            : Programs.Count(IsOpen) == 1 ? Programs.First(IsOpen) : null;
        await FillAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Programs = await catalog.ActiveAsync(ct);
        Program = Input.ProgramId is { } id ? await PublicAsync(id, ct) : null;
        if (ModelState.IsValid)
        {
            var result = await intake.SubmitAsync(Input, Submitter.Public, L[ApplicationMessages.ConsentPurposeMessage], ct);
            if (result.Accepted)
            {
                Receipt = new ReceiptView(result, result.Program!, Shared.PhoneNumber.TryNormalize(Input.Phone, out var phone) ? phone : null, ByOperator: false);
                return Page();
            }
            if (result.Outcome == IntakeOutcome.Unavailable)
            {
                Unavailable = ApplicationForm.Unavailable(result, Response, L);
            }
            else
            {
                ApplicationForm.AddErrors(result.Errors, ModelState, L);
            }
        }
        await FillAsync(ct);
        return Page();
    }

    /// <summary>The program by id, read afresh when the list kept in memory does not have it yet.</summary>
    private async Task<IntakeProgram?> PublicAsync(int id, CancellationToken ct) =>
        await catalog.FindAsync(id, ct) is { Status: Tunas.Web.Features.Programs.ProgramStatus.Active } program ? program : null;

    private async Task FillAsync(CancellationToken ct)
    {
        if (Program is null)
        {
            return;
        }
        if (ApplicationRules.RegistrationWindow(Program, Today) is { } closed)
        {
            Closed = ApplicationText.Issue(closed, L);
            return;
        }
        var regency = Program.DomicileRegencyCode ?? (await agencies.CurrentAsync(ct)).RegencyCode;
        Form = new ApplicationFormView(Input, Program, await villages.OfRegencyAsync(regency, ct), null, null, ByOperator: false,
            L[ApplicationMessages.ConsentPurposeMessage]);
    }
}
