using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

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
}
