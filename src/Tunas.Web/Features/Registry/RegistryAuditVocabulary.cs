using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Registry;

/// <summary>The registry's words on the audit pages: residents, duplicates, imports, and the person fields of their details.</summary>
internal sealed class RegistryAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "person.created" => L["Resident created"].Value,
        "person.changed" => L["Resident changed"].Value,
        "person.merged" => L["Merged with a suspected duplicate"].Value,
        "person.create-held" => L["A kelurahan operator entered a resident registered elsewhere (held for an officer)"].Value,
        "person.held-changed" => L["Resident changed (held record)"].Value,
        "person.held-resolved" => L["A held resident record was resolved by an officer"].Value,
        "person.verified" => L["Self-registered resident verified"].Value,
        "person.nik-viewed" => L["Full NIK viewed"].Value,
        "person.nik-listed" => L["Full NIKs listed in a search"].Value,
        "person.listed" => L["Residents listed with their birth dates"].Value,
        "duplicate.dismissed" => L["Suspected duplicate dismissed"].Value,
        "duplicate.merged" => L["Suspected duplicate merged"].Value,
        "import.completed" => L["Import of a file completed"].Value,
        _ => null,
    };

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "removedPersonId" => L["Removed record"].Value,
        "keptPersonId" => L["Kept record"].Value,
        "duplicateId" => L["Suspected duplicate"].Value,
        "personAId" or "personBId" => L["Resident"].Value,
        "via" => L["Seen on"].Value,
        "ids" => L["Residents"].Value,
        "pendingId" => L["Held record"].Value,
        "resolution" => L["Resolution"].Value,
        "documents" => L["Documents seen"].Value,
        "note" => L["Note"].Value,
        "fileName" => L["File"].Value,
        "totalRows" => L["Rows"].Value,
        "inserted" => L["Added"].Value,
        "updated" => L["Updated"].Value,
        "unchanged" => L["Unchanged"].Value,
        "rejected" => L["Rejected"].Value,
        _ => PersonDisplay.FieldLabel(field, L) is var label && label != field ? label : null,
    };

    public string? Value(string field, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages) => field switch
    {
        "via" => raw switch
        {
            "api" => L["the API"].Value,
            "page" => L["the detail page"].Value,
            "edit" => L["the edit page"].Value,
            "duplicates" => L["the suspected duplicates"].Value,
            _ => raw,
        },
        "removedPersonId" or "keptPersonId" or "personAId" or "personBId" or "duplicateId" => "#" + raw,
        _ => PersonDisplay.FieldLabel(field, L) != field ? PersonDisplay.Value(field, raw, L, villages) : null,
    };
}
