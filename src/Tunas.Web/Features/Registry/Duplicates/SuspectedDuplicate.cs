using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tunas.Web.Features.Registry.Duplicates;

public enum DuplicateReason
{
    /// <summary>Different NIKs, the same name (search key) and birth date.</summary>
    SameNameAndBirthDate = 1,

    /// <summary>Different NIKs, the same name on the same family card.</summary>
    SameNameInHousehold = 2,
}

public enum DuplicateStatus
{
    Open = 1,
    Merged = 2,
    Dismissed = 3,
}

/// <summary>
/// Two persons that may be one; an officer merges or dismisses them. The lower id is always A. A merged pair stays,
/// pointing at the removed person's old id, as the record of the decision.
/// </summary>
public sealed class SuspectedDuplicate
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public long PersonAId { get; set; }
    public long PersonBId { get; set; }
    public DuplicateReason Reason { get; set; }
    public DuplicateStatus Status { get; set; } = DuplicateStatus.Open;
    public DateTime DetectedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
}

internal sealed class SuspectedDuplicateConfiguration : IEntityTypeConfiguration<SuspectedDuplicate>
{
    public void Configure(EntityTypeBuilder<SuspectedDuplicate> e)
    {
        e.Property(x => x.ReviewedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.PersonAId, x.PersonBId, x.AgencyId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.Status });
        e.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // No foreign keys to Persons: a merged pair outlives the person it removed, as the record of that decision.
        e.HasIndex(x => x.PersonBId);
    }
}
