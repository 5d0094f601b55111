namespace Tunas.Web.Features.Registry;

/// <summary>Settings of the registry's planner statistics upkeep (<see cref="RegistryStatisticsRefresher"/>), section <c>RegistryStatistics</c>.</summary>
public sealed class RegistryStatisticsOptions
{
    public const string Section = "RegistryStatistics";

    /// <summary>How often the row counts are compared with the statistics; zero or less turns the upkeep off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}
