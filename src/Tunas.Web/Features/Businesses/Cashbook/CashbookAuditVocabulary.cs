using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>The cashbook's words on the audit pages.</summary>
internal sealed class CashbookAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "cashbook.sharing-on" => L["Cashbook totals shared with the Dinas"].Value,
        "cashbook.sharing-off" => L["Cashbook totals no longer shared"].Value,
        _ => null,
    };

    public string? Field(string field, IStringLocalizer L) => null;
}
