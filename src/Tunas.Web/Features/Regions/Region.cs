using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tunas.Web.Features.Regions;

public enum RegionLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
    Village = 4,
}

/// <summary>
/// An official Kemendagri region (dotted code: <c>35</c>, <c>35.72</c>, <c>35.72.01</c>, <c>35.72.01.1001</c>).
/// National data shared by every agency; a code that a newer decree drops stays, marked not current,
/// because NIKs and old records keep pointing at it.
/// </summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }

    /// <summary>The name's search key (<see cref="Shared.SearchText.Key"/>): "kepanjenkidul".</summary>
    public required string SearchName { get; set; }

    public bool IsCurrent { get; set; } = true;

    public static RegionLevel? LevelOf(string code) => code.Count(c => c == '.') switch
    {
        0 => RegionLevel.Province,
        1 => RegionLevel.Regency,
        2 => RegionLevel.District,
        3 => RegionLevel.Village,
        _ => null,
    };

    public static string? ParentOf(string code)
    {
        var dot = code.LastIndexOf('.');
        return dot < 0 ? null : code[..dot];
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(13);
        e.Property(x => x.Name).HasMaxLength(120);
        e.Property(x => x.SearchName).HasMaxLength(120);
        e.Property(x => x.ParentCode).HasMaxLength(13);
        e.HasIndex(x => x.ParentCode);
        e.HasIndex(x => new { x.Level, x.SearchName });
    }
}
