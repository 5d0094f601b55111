namespace Tunas.Web.Features.Regions;

/// <summary>Settings of section <c>Regions</c>.</summary>
public sealed class RegionsOptions
{
    public const string Section = "Regions";

    /// <summary>
    /// How often each instance asks whether another process imported new regions (one tiny query).
    /// 0 turns the timer off; <see cref="RegionDirectory.RefreshAsync"/> then refreshes on demand (tests).
    /// </summary>
    public int RefreshSeconds { get; set; } = 30;
}
