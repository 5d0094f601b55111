using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tunas.Web.Infrastructure;

/// <summary>
/// Who did what to which record, and when (UU 27/2022: every change to personal data is traceable).
/// Details hold the changed fields as JSON with their old and new values, NIKs included, so that a change can be
/// undone; only administrators read the audit, and the audit pages mask every NIK (decision 0005).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? AgencyId { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Details { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(256);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.EntityType).HasMaxLength(64);
        e.Property(x => x.EntityId).HasMaxLength(64);
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => new { x.ActorId, x.At });
    }
}
