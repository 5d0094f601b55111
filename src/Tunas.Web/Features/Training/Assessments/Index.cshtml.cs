using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Assessments;

/// <summary>
/// A cohort's assessments on a trainer's phone: one participant open at a time, each a plain form, with the completion
/// verdict beside the name.
/// </summary>
[Authorize(Policy = TrainingPolicies.Cohorts)]
public sealed class IndexModel(CohortReader reader, AssessmentBook book, IStringLocalizer<SharedResource> L) : PageModel
{
    public CohortRead Cohort { get; private set; } = null!;
    public IReadOnlyDictionary<long, AssessmentRead> Assessments { get; private set; } = new Dictionary<long, AssessmentRead>();
    public IReadOnlyDictionary<long, CompletionRead> Completion { get; private set; } = new Dictionary<long, CompletionRead>();

    /// <summary>The participant just saved (opened again after the redirect) or failed.</summary>
    public long? Open { get; private set; }

    [BindProperty]
    public AssessmentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, long? open, CancellationToken ct)
    {
        Open = open;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, long participantId, CancellationToken ct)
    {
        if (await book.SaveAsync(id, participantId, Input, ct) is not { } result)
        {
            return NotFound();
        }
        if (result.Saved is null)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError("Input." + e.Field.Replace("businessPlan.", "", StringComparison.Ordinal), PersonsApi.Text(e, L));
            }
            Open = participantId;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = L["The assessment was saved."].Value;
        return Redirect($"/Training/{id}/Assessments?open={participantId}#p{participantId}");
    }

    /// <summary>The form's values for a participant: what was just typed when it failed, else what is stored.</summary>
    public AssessmentInput ValuesFor(long participantId)
    {
        if (Open == participantId && !ModelState.IsValid)
        {
            return Input;
        }
        if (!Assessments.TryGetValue(participantId, out var a))
        {
            return new();
        }
        return new AssessmentInput
        {
            PreTest = Number(a.PreTest),
            PostTest = Number(a.PostTest),
            Practical = a.Practical,
            RubricNotes = a.RubricNotes,
            Product = a.BusinessPlan.Product,
            Price = Number(a.BusinessPlan.Price),
            UnitCost = Number(a.BusinessPlan.UnitCost),
            Customers = a.BusinessPlan.Customers,
            CapitalNeeded = Number(a.BusinessPlan.CapitalNeeded),
        };
    }

    private static string? Number(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await reader.ReadAsync(id, ct) is not { } cohort || await book.CompletionAsync(id, ct) is not { } verdicts)
        {
            return false;
        }
        Cohort = cohort;
        Assessments = await book.ReadAsync(id, ct);
        Completion = AssessmentsApi.Reads(verdicts, L).ToDictionary(c => c.ParticipantId);
        return true;
    }
}
