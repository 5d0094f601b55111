using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Programs;

namespace Tunas.Web.Features.Training.Certificates;

/// <summary>
/// A certificate of completion: numbered per program (<c>TNS/2025/003/JJN/0001</c>), with a random verification code for the
/// public page. What it certifies is kept as it was at issue (holder, track, provider, dates, hours), so the document
/// and its public check never change after the fact; only a revocation does. Its issue is the record of the person's
/// completion, which Selection reads as their last training (decision 0024).
/// </summary>
public sealed class Certificate
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }
    public int CohortId { get; set; }
    public long ParticipantId { get; set; }

    /// <summary>The running number within the program, from 1.</summary>
    public int Sequence { get; set; }

    public required string Number { get; set; }

    /// <summary>16 Crockford base32 characters (80 random bits), unique, nothing to do with the number or the person.</summary>
    public required string VerificationCode { get; set; }

    public required string HolderName { get; set; }
    public required string TrackName { get; set; }
    public required string ProviderName { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public int Hours { get; set; }

    public DateTime IssuedAt { get; set; }
    public string? IssuedById { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateOnly? RevokedOn { get; set; }
    public string? RevokeReason { get; set; }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> e)
    {
        e.ToTable("Certificates");
        e.Property(x => x.Number).HasMaxLength(40);
        e.Property(x => x.VerificationCode).HasMaxLength(VerificationCodes.Length);
        e.Property(x => x.HolderName).HasMaxLength(200);
        e.Property(x => x.TrackName).HasMaxLength(200);
        e.Property(x => x.ProviderName).HasMaxLength(200);
        e.Property(x => x.IssuedById).HasMaxLength(450);
        e.Property(x => x.RevokeReason).HasMaxLength(CertificateIssuer.ReasonMax);
        // One certificate per placement, one number per running number: a second or concurrent issue finds them taken.
        e.HasIndex(x => new { x.AgencyId, x.ParticipantId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.ProgramId, x.Sequence }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.CohortId });
        // The public check finds a code without knowing the agency; unique within one (80 random bits never meet across).
        e.HasIndex(x => new { x.AgencyId, x.VerificationCode }).IsUnique();
        e.HasIndex(x => x.VerificationCode);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
