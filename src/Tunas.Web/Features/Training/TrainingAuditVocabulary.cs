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
        "cohort.participant-withdrawn" => L["Participant withdrew before the training"].Value,
        "cohort.place-refilled" => L["Freed place given to the next on the waitlist"].Value,
        "cohort.sessions-generated" => L["Sessions made from the modules"].Value,
        "cohort.session-changed" => L["Session changed"].Value,
        "participant.sign-in-code-issued" => L["Sign-in code given to a participant"].Value,
        "participant.sign-in-codes-printed" => L["Sign-in code sheet printed for a cohort"].Value,
        "participant.pin-set" => L["Participant chose a PIN"].Value,
        "participant.pin-reset" => L["Participant set a new PIN with a new sign-in code"].Value,
        "allowance.paid" => L["Transport allowance marked paid"].Value,
        "kit.template-changed" => L["Kit template changed"].Value,
        "kit.stock-changed" => L["Kit stock changed"].Value,
        "kit.handed-over" => L["Starter kit handed over"].Value,
        "kit.handover-voided" => L["Kit hand-over voided"].Value,
        "assessment.saved" => L["Assessment saved"].Value,
        "certificate.issued" => L["Certificates issued"].Value,
        "certificate.revoked" => L["Certificate revoked"].Value,
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
        "participants" => L["Participants"].Value,
        "paidOn" => L["Paid on"].Value,
        "amount" => L["Amount"].Value,
        "items" => L["Items"].Value,
        "value" => L["Value"].Value,
        "handedOverOn" => L["Hand-over date"].Value,
        "preTest" => L["Pre-test"].Value,
        "postTest" => L["Post-test"].Value,
        "practical" => L["Practical"].Value,
        "businessPlan" => L["Business plan"].Value,
        "issued" => L["Issued"].Value,
        "notEligible" => L["Not eligible"].Value,
        "number" => L["Number"].Value,
        "firstNumber" => L["First number"].Value,
        "lastNumber" => L["Last number"].Value,
        _ => null,
    };
}
