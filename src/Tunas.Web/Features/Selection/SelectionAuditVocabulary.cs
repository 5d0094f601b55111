using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Selection;

/// <summary>The selection's words on the audit pages: runs, publication, the waitlist and appeals.</summary>
internal sealed class SelectionAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "selection.run" => L["Selection run"].Value,
        "selection.published" => L["Selection result published"].Value,
        "selection.promoted" => L["Promoted from the waitlist"].Value,
        "selection.seat-unfilled" => L["Seat left unfilled"].Value,
        "appeal.lodged" => L["Appeal lodged"].Value,
        "appeal.answered" => L["Appeal answered"].Value,
        _ => null,
    };

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "run" => L["Run"].Value,
        "Applicants" => L["Applicants"].Value,
        "Selected" => L["Selected"].Value,
        "Waitlisted" => L["Waitlisted"].Value,
        "NotSelected" => L["Not selected"].Value,
        "Ineligible" => L["Ineligible"].Value,
        "InputsHash" => L["Inputs fingerprint"].Value,
        "RegistrationNumber" => L["Registration number"].Value,
        "replaces" => L["Replaces"].Value,
        "WaitlistPosition" => L["Waitlist position"].Value,
        "QuotaRegion" => L["Quota region"].Value,
        "TrackId" => L["Track"].Value,
        "reason" => L["Reason"].Value,
        "appeal" => L["Appeal"].Value,
        "upheld" => L["Upheld"].Value,
        "before" => L["Status before"].Value,
        "after" => L["Status after"].Value,
        _ => null,
    };

    public string? Value(string field, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages) => field switch
    {
        "before" or "after" when Enum.TryParse<DecisionStatus>(raw, out var status) => SelectionLabels.Decision(status, L),
        "QuotaRegion" when raw is not null && villages.TryGetValue(raw, out var village) => village.Name,
        "run" or "appeal" or "TrackId" => "#" + raw,
        _ => null,
    };
}
