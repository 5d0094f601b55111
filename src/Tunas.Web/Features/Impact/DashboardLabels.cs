using Microsoft.Extensions.Localization;

namespace Tunas.Web.Features.Impact;

/// <summary>The dashboard's figures as labelled lines (English keys, localized), shared by the Excel file and the PDF.</summary>
public static class DashboardLabels
{
    public static IEnumerable<(string Label, int? Value)> Funnel(Dashboard d, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(L);
        var f = d.Funnel;
        yield return (f.RegistryBasis == "programRules" ? L["Residents eligible by the program's rules"] : L["Residents in the area"], f.Registry);
        yield return (L["Applied"], f.Applied);
        yield return (L["Eligible"], f.Eligible);
        yield return (L["Selected"], f.Selected);
        yield return (L["Started training"], f.Started);
        yield return (L["Completed"], f.Completed);
        yield return (L["Started a business"], f.BusinessStarted);
        yield return (L["Active after {0} months", 3], f.Active3m);
        yield return (L["Active after {0} months", 6], f.Active6m);
        yield return (L["Active after {0} months", 12], f.Active12m);
        yield return (L["Workers hired"], f.Workers);
    }

    public static IEnumerable<(string Label, long? Value, int? N)> Outcomes(Dashboard d, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(L);
        var o = d.Outcomes;
        yield return (L["Active businesses"], o.ActiveBusinesses, null);
        yield return (L["Median monthly sales, cashbook ({0})", o.CashbookMonth], o.CashbookRevenue.Value, o.CashbookRevenue.N);
        yield return (L["Median monthly profit, cashbook ({0})", o.CashbookMonth], o.CashbookProfit.Value, o.CashbookProfit.N);
        yield return (L["Median monthly sales, latest follow-up"], o.FollowUpRevenue.Value, o.FollowUpRevenue.N);
        yield return (L["Median monthly profit, latest follow-up"], o.FollowUpProfit.Value, o.FollowUpProfit.N);
        yield return (L["Jobs now (workers of the businesses)"], o.Jobs, null);
        yield return (L["of which for households in desil 1-4"], o.JobsDesil1To4, null);
        yield return (L["Median change in household income (first to latest follow-up)"], o.HouseholdIncomeChange.Value, o.HouseholdIncomeChange.N);
    }

    public static IEnumerable<(string Label, long? Value)> Money(Dashboard d, IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(L);
        var m = d.Money;
        yield return (L["Budget"], m.Budget);
        yield return (L["Spent on transport allowances"], m.Transport);
        yield return (L["Spent on starter kits ({0})", m.KitsHandedOver], m.Kits);
        yield return (L["Spent in all"], m.Spent);
        yield return (L["Cost per graduate"], m.PerGraduate);
        yield return (L["Cost per active business"], m.PerActiveBusiness);
        yield return (L["Cost per job"], m.PerJob);
    }

    public static string Outcome(string code, IStringLocalizer L) => code switch
    {
        "businessActive" => L["Runs an active business"],
        "monthlyRevenue" => L["Median monthly sales"],
        "monthlyProfit" => L["Median monthly profit"],
        _ => L["Median household income per month"],
    };
}
