using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Selection;

/// <summary>The labels of the selection's states, in the user's language.</summary>
public static class SelectionLabels
{
    public static string Run(SelectionRunStatus status, IStringLocalizer L) => status switch
    {
        SelectionRunStatus.Draft => L["Draft"],
        SelectionRunStatus.Published => L["Published"],
        _ => L["Superseded"],
    };

    public static string Decision(DecisionStatus status, IStringLocalizer L) => ApplicationText.DecisionLabel(status, L);

    public static string Badge(DecisionStatus status) => status switch
    {
        DecisionStatus.Selected or DecisionStatus.Promoted => "text-bg-success",
        DecisionStatus.Waitlisted => "text-bg-warning",
        DecisionStatus.Ineligible => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string Appeal(AppealStatus status, IStringLocalizer L) => status switch
    {
        AppealStatus.Open => L["Waiting for an answer"],
        AppealStatus.Upheld => L["Upheld"],
        _ => L["Rejected"],
    };
}
