using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;

namespace Tunas.Web.Features.Training.Participants;

/// <summary>A participant's rating of the training and of the trainer, 1 to 5, given once from the cohort's last day.</summary>
public sealed class TrainingRating
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int CohortId { get; set; }
    public long ParticipantId { get; set; }
    public int TrainingScore { get; set; }
    public int TrainerScore { get; set; }
    public string? Comment { get; set; }
    public DateTime RatedAt { get; set; }
}

internal sealed class TrainingRatingConfiguration : IEntityTypeConfiguration<TrainingRating>
{
    public void Configure(EntityTypeBuilder<TrainingRating> e)
    {
        e.ToTable("TrainingRatings");
        e.Property(x => x.Comment).HasMaxLength(RatingBook.CommentMax);
        // Once per participant: a second rating, even two at the same moment, finds the first.
        e.HasIndex(x => new { x.AgencyId, x.ParticipantId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.CohortId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
