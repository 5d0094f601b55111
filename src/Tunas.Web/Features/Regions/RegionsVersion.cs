using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tunas.Web.Features.Regions;

/// <summary>
/// One row whose <see cref="Version"/> goes up with every import that changes a region, so that every instance
/// serving the database (and the `regions import` command runs in a process of its own) sees that its copy of
/// the regions in memory is out of date.
/// </summary>
public sealed class RegionsVersion
{
    public const int Row = 1;

    public int Id { get; set; } = Row;
    public long Version { get; set; }
    public DateTime ChangedAt { get; set; }
}

internal sealed class RegionsVersionConfiguration : IEntityTypeConfiguration<RegionsVersion>
{
    public void Configure(EntityTypeBuilder<RegionsVersion> e)
    {
        e.ToTable("RegionsVersion");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasData(new RegionsVersion { Id = RegionsVersion.Row, Version = 0, ChangedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}
