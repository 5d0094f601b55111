using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Training.Kits;

/// <summary>One item of a track's starter kit template (a sewing machine, an oven), with its value in whole rupiah.</summary>
public sealed class KitTemplateItem
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int TrackId { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    public int Quantity { get; set; }
    public long UnitValue { get; set; }
}

/// <summary>Items a program bought for its kits; what is handed over counts against them by item name.</summary>
public sealed class KitStockItem
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }
    public required string Name { get; set; }
    public int Quantity { get; set; }
    public long UnitValue { get; set; }
}

/// <summary>
/// A starter kit handed over to a participant, with its receipt: the day, who handed it over, the items, and a photo or
/// a signature drawn on the phone (a file under the data folder). One standing hand-over per participant; a voided one
/// (audited) no longer counts.
/// </summary>
public sealed class KitHandover
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }
    public int CohortId { get; set; }
    public long ParticipantId { get; set; }
    public DateOnly HandedOverOn { get; set; }
    public string? HandedOverById { get; set; }
    public required string HandedOverByName { get; set; }
    public KitProof ProofKind { get; set; }

    /// <summary>The proof's file name in the kits folder (a random name with the image's own extension).</summary>
    public required string ProofFile { get; set; }

    public long Value { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidReason { get; set; }
    public List<KitHandoverItem> Items { get; set; } = [];
}

public enum KitProof
{
    Photo,
    Signature,
}

public sealed class KitHandoverItem
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long HandoverId { get; set; }
    public required string Name { get; set; }
    public int Quantity { get; set; }
    public long UnitValue { get; set; }
}

internal sealed class KitTemplateItemConfiguration : IEntityTypeConfiguration<KitTemplateItem>
{
    public void Configure(EntityTypeBuilder<KitTemplateItem> e)
    {
        e.ToTable("KitTemplateItems");
        e.Property(x => x.Name).HasMaxLength(KitRules.NameMax);
        e.HasIndex(x => new { x.AgencyId, x.TrackId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KitStockItemConfiguration : IEntityTypeConfiguration<KitStockItem>
{
    public void Configure(EntityTypeBuilder<KitStockItem> e)
    {
        e.ToTable("KitStockItems");
        e.Property(x => x.Name).HasMaxLength(KitRules.NameMax);
        e.HasIndex(x => new { x.AgencyId, x.ProgramId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KitHandoverConfiguration : IEntityTypeConfiguration<KitHandover>
{
    public void Configure(EntityTypeBuilder<KitHandover> e)
    {
        e.ToTable("KitHandovers");
        e.Property(x => x.HandedOverById).HasMaxLength(450);
        e.Property(x => x.HandedOverByName).HasMaxLength(256);
        e.Property(x => x.ProofKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ProofFile).HasMaxLength(64);
        e.Property(x => x.VoidReason).HasMaxLength(KitRules.ReasonMax);
        // One standing hand-over per participant, also when two phones send it at once.
        e.HasIndex(x => new { x.AgencyId, x.ParticipantId }).IsUnique().HasFilter("\"VoidedAt\" IS NULL");
        e.HasIndex(x => new { x.AgencyId, x.ProgramId });
        e.HasIndex(x => new { x.AgencyId, x.CohortId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.HandoverId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KitHandoverItemConfiguration : IEntityTypeConfiguration<KitHandoverItem>
{
    public void Configure(EntityTypeBuilder<KitHandoverItem> e)
    {
        e.ToTable("KitHandoverItems");
        e.Property(x => x.Name).HasMaxLength(KitRules.NameMax);
        e.HasIndex(x => new { x.AgencyId, x.HandoverId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
