namespace Tunas.Web.Features.Impact;

/// <summary>The whole dashboard: what the API answers and the page, the exports and the PDF show.</summary>
public sealed record Dashboard(DashboardFilter Filter, DateOnly AsOf, Funnel Funnel, Reach Reach, Outcomes Outcomes, Money Money, Comparison Comparison);

/// <summary>
/// People at each stage. <see cref="Registry"/> counts residents by the program's own rules when one program is in scope
/// (<see cref="RegistryBasis"/> "programRules"), else every resident of the area ("residents"). The stages before
/// placement are null when a provider or a cohort is chosen: nobody applies to a provider.
/// </summary>
public sealed record Funnel(
    int? Registry, string RegistryBasis, int? Applied, int? Eligible, int? Selected, int Started, int Completed, int BusinessStarted,
    int Active3m, int Active6m, int Active12m, int Answered3m, int Answered6m, int Answered12m, int Workers);

/// <summary>A count and its share of a whole (0..1; null when the whole is 0).</summary>
public sealed record Share(int Count, int Of)
{
    public double? Ratio => Of == 0 ? null : (double)Count / Of;
}

/// <summary>One welfare decile (null: not known) among participants and among the eligible population.</summary>
public sealed record DesilRow(int? Desil, int Participants, int Eligible);

/// <summary>One kelurahan: how many applied and how many started, for the shaded list.</summary>
public sealed record VillageRow(string Code, string Name, int Applied, int Started);

public sealed record Reach(
    Share Women, Share Youth, int YouthMinAge, int YouthMaxAge, Share Disability, IReadOnlyList<DesilRow> Desil,
    IReadOnlyList<VillageRow> Villages, IReadOnlyList<VillageRow> VillagesWithoutApplicant);

/// <summary>A median in whole rupiah and the number of people it rests on (null when nobody).</summary>
public sealed record Median(long? Value, int N);

public sealed record Outcomes(
    int ActiveBusinesses, string CashbookMonth, Median CashbookRevenue, Median CashbookProfit, Median FollowUpRevenue,
    Median FollowUpProfit, int Jobs, int JobsDesil1To4, Median HouseholdIncomeChange);

/// <summary>Whole rupiah. The budget is the programs' whole budget whatever the filter; spending follows the cohorts in scope.</summary>
public sealed record Money(long Budget, long Transport, long Kits, int KitsHandedOver, long? PerGraduate, long? PerActiveBusiness, long? PerJob)
{
    public long Spent => Transport + Kits;
}

/// <summary>One outcome for both groups: their sizes, values and the participants' minus the comparison group's, with a 95% interval.</summary>
public sealed record ComparisonRow(
    string Outcome, string Kind, int ParticipantsN, double? Participants, int ComparisonN, double? ComparisonValue,
    double? Difference, double? Low, double? High);

/// <summary>A plain warning: a stable code and its sentence in the reader's language.</summary>
public sealed record Warning(string Code, string Text);

public sealed record GroupProfile(int N, double? MeanDesil, double? MeanAge, double? WomenShare);

public sealed record Comparison(GroupProfile Participants, GroupProfile ComparisonGroup, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<Warning> Warnings);
