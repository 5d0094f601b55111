using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Programs;

/// <summary>The rules form: a switch and a parameter per rule, and the selection settings.</summary>
public sealed class RulesForm
{
    public bool AgeOn { get; set; }
    public string? MinAge { get; set; }
    public string? MaxAge { get; set; }
    public string? AgeReferenceDate { get; set; }
    public bool DesilOn { get; set; }
    public string? MaxDesil { get; set; }
    public bool DomicileOn { get; set; }
    public string? DomicileRegencyCode { get; set; }
    public bool HouseholdOn { get; set; }
    public string? MaxPerHousehold { get; set; }
    public bool TrainingOn { get; set; }
    public string? ExcludeTrainedWithinYears { get; set; }
    public List<int> WomenOnlyTrackIds { get; set; } = [];
    public string? YouthWeight { get; set; }
    public string? WomenWeight { get; set; }
    public string? SpillOver { get; set; }
    public string? WaitlistLength { get; set; }
    public string? NameDisplay { get; set; }
    public string? CompletionAttendancePercent { get; set; }
    public string? CompletionRequiresPractical { get; set; }

    /// <summary>A switched-off rule sends no value, whatever its field still holds.</summary>
    public RulesInput ToInput() => new()
    {
        MinAge = AgeOn ? MinAge : null,
        MaxAge = AgeOn ? MaxAge : null,
        AgeReferenceDate = AgeOn ? AgeReferenceDate : null,
        MaxDesil = DesilOn ? MaxDesil : null,
        DomicileRegencyCode = DomicileOn ? DomicileRegencyCode : null,
        MaxPerHousehold = HouseholdOn ? MaxPerHousehold : null,
        ExcludeTrainedWithinYears = TrainingOn ? ExcludeTrainedWithinYears : null,
        YouthWeight = YouthWeight,
        WomenWeight = WomenWeight,
        SpillOver = SpillOver,
        WaitlistLength = WaitlistLength,
        NameDisplay = NameDisplay,
        CompletionAttendancePercent = CompletionAttendancePercent,
        CompletionRequiresPractical = CompletionRequiresPractical,
    };

    /// <summary>A rule switched on with no value: said next to its field.</summary>
    public IEnumerable<FieldIssue> MissingValues()
    {
        if (AgeOn && string.IsNullOrWhiteSpace(MinAge) && string.IsNullOrWhiteSpace(MaxAge))
        {
            yield return Checks.Issue("minAge", "required", RuleValueMissingMessage);
        }
        if (DesilOn && string.IsNullOrWhiteSpace(MaxDesil))
        {
            yield return Checks.Issue("maxDesil", "required", RuleValueMissingMessage);
        }
        if (DomicileOn && string.IsNullOrWhiteSpace(DomicileRegencyCode))
        {
            yield return Checks.Issue("domicileRegencyCode", "required", RuleValueMissingMessage);
        }
        if (HouseholdOn && string.IsNullOrWhiteSpace(MaxPerHousehold))
        {
            yield return Checks.Issue("maxPerHousehold", "required", RuleValueMissingMessage);
        }
        if (TrainingOn && string.IsNullOrWhiteSpace(ExcludeTrainedWithinYears))
        {
            yield return Checks.Issue("excludeTrainedWithinYears", "required", RuleValueMissingMessage);
        }
    }

    public const string RuleValueMissingMessage = "Fill in the value of this rule, or switch the rule off.";

    public static RulesForm From(TrainingProgram p, string? agencyRegency)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            AgeOn = p.MinAge is not null || p.MaxAge is not null,
            MinAge = Text(p.MinAge),
            MaxAge = Text(p.MaxAge),
            AgeReferenceDate = Checks.Iso(p.AgeReferenceDate),
            DesilOn = p.MaxDesil is not null,
            MaxDesil = Text(p.MaxDesil),
            DomicileOn = p.DomicileRegencyCode is not null,
            // The usual domicile is the agency's own city: ready to switch on.
            DomicileRegencyCode = p.DomicileRegencyCode ?? agencyRegency,
            HouseholdOn = p.MaxPerHousehold is not null,
            MaxPerHousehold = Text(p.MaxPerHousehold),
            TrainingOn = p.ExcludeTrainedWithinYears is not null,
            ExcludeTrainedWithinYears = Text(p.ExcludeTrainedWithinYears),
            WomenOnlyTrackIds = [.. p.Tracks.Where(t => t.WomenOnly).Select(t => t.Id)],
            YouthWeight = Checks.Number(p.YouthWeight),
            WomenWeight = Checks.Number(p.WomenWeight),
            SpillOver = p.SpillOver.ToString(),
            WaitlistLength = Text(p.WaitlistLength),
            NameDisplay = p.NameDisplay.ToString(),
            CompletionAttendancePercent = Checks.Number(p.CompletionAttendancePercent),
            CompletionRequiresPractical = p.CompletionRequiresPractical ? "true" : "false",
        };
    }

    private static string? Text(int? value) => value is { } v ? Checks.Number(v) : null;
}

[Authorize(Policy = Policies.ManagePrograms)]
public sealed class RulesModel(ProgramScope scope, ProgramWriter writer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public RulesForm Input { get; set; } = new();

    public int Id { get; private set; }
    public string ProgramName { get; private set; } = "";
    public IReadOnlyList<Track> Tracks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        Show(program);
        Input = RulesForm.From(program, await scope.AgencyRegencyAsync(ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await scope.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }
        Show(program);
        var check = ProgramRules.Check(Input.ToInput(), await scope.RegencyOrProvinceAsync(ct));
        var errors = Input.MissingValues().Concat(check.Errors).ToList();
        if (errors.Count > 0 || check.Values is not { } values)
        {
            ProgramForm.AddErrors(errors, ModelState, L);
            return Page();
        }
        var womenOnly = program.Tracks.ToDictionary(t => t.Id, t => Input.WomenOnlyTrackIds.Contains(t.Id));
        await writer.UpdateRulesAsync(program, values, womenOnly, ct);
        TempData["Message"] = L["The rules were saved."].Value;
        return Redirect($"/Programs/{id}");
    }

    private void Show(TrainingProgram program)
    {
        Id = program.Id;
        ProgramName = program.Name;
        Tracks = [.. program.Tracks.OrderBy(t => t.SortOrder).ThenBy(t => t.Id)];
    }
}
