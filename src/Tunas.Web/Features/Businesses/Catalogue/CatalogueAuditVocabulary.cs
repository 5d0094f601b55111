using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>The catalogue's words on the audit pages.</summary>
internal sealed class CatalogueAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "product.added" => L["Product added"].Value,
        "product.changed" => L["Product changed"].Value,
        "product.curated" => L["Product curated"].Value,
        "product.photo-added" => L["Product photo added"].Value,
        "catalogue.bulk-order-added" => L["Bulk order entered"].Value,
        "catalogue.offered" => L["Bulk order offered to a business"].Value,
        "catalogue.offer-accepted" => L["Bulk order accepted"].Value,
        "catalogue.offer-declined" => L["Bulk order declined"].Value,
        "catalogue.offer-lapsed" => L["Bulk order offer lapsed"].Value,
        "catalogue.bulk-order-unfilled" => L["Bulk order unfilled"].Value,
        "catalogue.consent-given" => L["Catalogue consent given"].Value,
        "catalogue.consent-withdrawn" => L["Catalogue consent withdrawn"].Value,
        _ => null,
    };

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "product" => L["Product"].Value,
        "priceMin" => L["Lowest price"].Value,
        "priceMax" => L["Highest price"].Value,
        "unit" => L["Unit"].Value,
        "note" => L["Note"].Value,
        "office" => L["City office"].Value,
        "quantity" => L["Quantity"].Value,
        "neededOn" => L["Needed on"].Value,
        "budget" => L["Budget"].Value,
        "business" => L["Business"].Value,
        "onBehalf" => L["Answered by staff for the owner"].Value,
        _ => null,
    };
}
