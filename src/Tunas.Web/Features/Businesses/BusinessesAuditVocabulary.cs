using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

namespace Tunas.Web.Features.Businesses;

/// <summary>The businesses' words on the audit pages.</summary>
internal sealed class BusinessesAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "business.created" => L["Business added"].Value,
        "business.changed" => L["Business changed"].Value,
        "business.photo-added" => L["Business photo added"].Value,
        "business.photo-removed" => L["Business photo removed"].Value,
        "business.worker-added" => L["Worker added"].Value,
        "business.worker-changed" => L["Worker changed"].Value,
        "business.permit-changed" => L["Permit step recorded"].Value,
        "business.permit-document-added" => L["Permit document attached"].Value,
        "business.category-added" => L["Product category added"].Value,
        "business.category-changed" => L["Product category changed"].Value,
        _ => null,
    };

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "owners" => L["Owners"].Value,
        "categoryId" => L["Category"].Value,
        "villageCode" => L["Kelurahan/desa"].Value,
        "catalogueConsent" => L["Consent to the catalogue"].Value,
        "worker" => L["Worker"].Value,
        "fullName" => L["Full name"].Value,
        "startedOn" => L["Started on"].Value,
        "endedOn" => L["Ended on"].Value,
        "kind" => L["Permit"].Value,
        "number" => L["Number"].Value,
        "issuedOn" => L["Issued on"].Value,
        "blockedBy" => L["Blocked by"].Value,
        "photo" => L["Photo"].Value,
        "bytes" => L["Size (bytes)"].Value,
        "original" => L["Original size (bytes)"].Value,
        "retired" => L["Retired"].Value,
        _ => null,
    };
}
