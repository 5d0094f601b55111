using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// A kelurahan operator (for residents of their own kelurahan) or an officer (for anyone) enters an application
/// for a resident, with the same checks as the public form; the resident's consent is still required.
/// </summary>
[Authorize(Policy = Policies.Applications)]
public sealed class CreateModel(ApplicationList list, ProgramCatalog catalog, ApplicationIntake intake, VillageChoices villages, AgencyService agencies,
    CurrentUser me, TimeProvider clock, TunasDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "programId")]
    public int? ProgramQuery { get; set; }

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    /// <summary>The agency's programs that take applications today.</summary>
    public IReadOnlyList<IntakeProgram> Programs { get; private set; } = [];

    public IntakeProgram? Program { get; private set; }

    public ApplicationFormView? Form { get; private set; }

    public ReceiptView? Receipt { get; private set; }

    /// <summary>Why the application could not be stored now (a full disk, a server down); the form keeps what was typed.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The application just entered, for its printable receipt.</summary>
    public long? ReceiptId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadProgramsAsync(ProgramQuery, ct);
        await FillAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadProgramsAsync(Input.ProgramId, ct);
        if (ModelState.IsValid)
        {
            var result = await intake.SubmitAsync(Input, Submitter.Staff(me), L[ApplicationMessages.ConsentPurposeMessage], ct);
            if (result.Accepted)
            {
                Receipt = new ReceiptView(result, result.Program!, Shared.PhoneNumber.TryNormalize(Input.Phone, out var phone) ? phone : null, ByOperator: true);
                ReceiptId = await db.Applications.Where(a => a.RegistrationNumber == result.RegistrationNumber).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
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

    private async Task LoadProgramsAsync(int? chosen, CancellationToken ct)
    {
        var today = clock.TodayInIndonesia();
        var agency = me.AgencyId ?? 0;
        bool Open(IntakeProgram? p) => p is not null && p.AgencyId == agency && ApplicationRules.RegistrationWindow(p, today) is null;
        Programs = [.. (await catalog.ActiveAsync(ct)).Where(Open)];
        Program = chosen is { } id
            ? await catalog.FindAsync(id, ct) is { } found && Open(found) ? found : null
            : Programs.Count == 1 ? Programs[0] : null;
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (Program is null)
        {
            return;
        }
        var own = list.OwnVillage;
        if (own is not null)
        {
            Input = Input with { VillageCode = own };
        }
        var regency = Program.DomicileRegencyCode ?? (await agencies.CurrentAsync(ct)).RegencyCode;
        Form = new ApplicationFormView(Input, Program, own is null ? await villages.OfRegencyAsync(regency, ct) : [], own,
            own is null ? null : await villages.NameAsync(own, ct), ByOperator: true, L[ApplicationMessages.ConsentPurposeMessage]);
    }
}
