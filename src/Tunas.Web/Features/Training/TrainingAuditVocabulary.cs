using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

namespace Tunas.Web.Features.Training;

/// <summary>The training's words on the audit pages.</summary>
internal sealed class TrainingAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "cohort.created" => L["Cohort created"].Value,
        "cohort.changed" => L["Cohort changed"].Value,
        "cohort.placed" => L["Selected applicants placed in cohorts"].Value,
        "cohort.participant-moved" => L["Participant moved to another cohort"].Value,
        "cohort.participant-dropped-out" => L["Participant dropped out"].Value,
        "cohort.sessions-generated" => L["Sessions made from the modules"].Value,
        "cohort.session-changed" => L["Session changed"].Value,
        _ => null,
    };

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "place" => L["Place"].Value,
        "startsOn" => L["First day"].Value,
        "endsOn" => L["Last day"].Value,
        "providerId" => L["Provider"].Value,
        "trainers" => L["Trainers"].Value,
        "placed" => L["Placed"].Value,
        "unplaced" => L["Not placed"].Value,
        "from" => L["From cohort"].Value,
        "to" => L["To cohort"].Value,
        "reason" => L["Reason"].Value,
        "sessions" => L["Sessions"].Value,
        "cohort" => L["Cohort"].Value,
        _ => null,
    };
}
