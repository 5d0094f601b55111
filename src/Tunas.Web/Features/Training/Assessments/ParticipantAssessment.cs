using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;

namespace Tunas.Web.Features.Training.Assessments;

/// <summary>
/// A participant's assessment: pre-test and post-test scores (0-100), the practical (competent or not yet), the
/// trainer's rubric notes and a short business plan. One per placement; every part optional until it is known.
/// </summary>
public sealed class ParticipantAssessment
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int CohortId { get; set; }
    public long ParticipantId { get; set; }
    public int? PreTest { get; set; }
    public int? PostTest { get; set; }
    public PracticalResult? Practical { get; set; }
    public string? RubricNotes { get; set; }

    // The business plan; money in whole rupiah.
    public string? Product { get; set; }
    public long? Price { get; set; }
    public long? UnitCost { get; set; }

    /// <summary>Who the expected customers are, in the participant's words.</summary>
    public string? Customers { get; set; }

    public long? CapitalNeeded { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
}

public enum PracticalResult
{
    Competent,
    NotYetCompetent,
}

internal sealed class ParticipantAssessmentConfiguration : IEntityTypeConfiguration<ParticipantAssessment>
{
    public void Configure(EntityTypeBuilder<ParticipantAssessment> e)
    {
        e.ToTable("ParticipantAssessments");
        e.Property(x => x.Practical).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RubricNotes).HasMaxLength(AssessmentRules.NotesMax);
        e.Property(x => x.Product).HasMaxLength(AssessmentRules.TextMax);
        e.Property(x => x.Customers).HasMaxLength(AssessmentRules.TextMax);
        e.Property(x => x.UpdatedById).HasMaxLength(450);
        e.HasIndex(x => new { x.AgencyId, x.ParticipantId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.CohortId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
