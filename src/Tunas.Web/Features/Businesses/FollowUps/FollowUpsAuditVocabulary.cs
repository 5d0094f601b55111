using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>The follow-ups' words on the audit pages.</summary>
internal sealed class FollowUpsAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "followup.planned" => L["Follow-ups planned"].Value,
        "followup.assigned" => L["Follow-ups assigned to a facilitator"].Value,
        "followup.visit-recorded" => L["Follow-up visit recorded"].Value,
        _ => null,
    };

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "participants" => L["Participants"].Value,
        "comparison" => L["Comparison group"].Value,
        "assigned" => L["Assigned"].Value,
        "facilitatorId" => L["Facilitator"].Value,
        "followUps" => L["Follow-ups"].Value,
        "visitedOn" => L["Visited on"].Value,
        "channel" => L["Channel"].Value,
        "corrected" => L["Corrected"].Value,
        _ => null,
    };
}
