using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>
/// One planned follow-up survey of one person: a graduate visited 1, 3, 6 and 12 months after their cohort ended,
/// or an applicant of the same program who was waitlisted or not selected, asked the same questions by phone (the
/// comparison group the impact dashboard sets beside the participants). The answers live on the row once it is done;
/// "overdue" is not stored: it is a due row whose date has passed.
/// </summary>
public sealed class FollowUp
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }
    public long PersonId { get; set; }

    /// <summary>The application that put the person in the program's participants or in its comparison group.</summary>
    public long ApplicationId { get; set; }

    public FollowUpGroup Group { get; set; }

    /// <summary>Months after graduation (for the comparison group: after the cohort's end that the person did not join): 1, 3, 6 or 12.</summary>
    public int MonthsAfter { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>The facilitator whose task this is; null until one is assigned. Facilitators see only their own.</summary>
    public string? FacilitatorId { get; set; }

    public FollowUpStatus Status { get; set; }

    /// <summary>The business the answers are about, when the person has one.</summary>
    public long? BusinessId { get; set; }

    public FollowUpChannel? Channel { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public string? VisitedById { get; set; }

    /// <summary>Whether the person runs a business that is trading (for the comparison group: any business of their own).</summary>
    public bool? BusinessActive { get; set; }

    /// <summary>Whole rupiah per month, as the person reports them.</summary>
    public long? MonthlyRevenue { get; set; }

    public long? MonthlyProfit { get; set; }
    public int? Workers { get; set; }
    public long? HouseholdMonthlyIncome { get; set; }
    public FollowUpNeeds Needs { get; set; }
    public string? Problems { get; set; }

    /// <summary>The visit photo's file name in the business file folder (shrunk on upload), if one was taken.</summary>
    public string? PhotoFile { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The person's sex, birth date, disability and desil as the registry holds them: copies the dashboard counts
    /// without joining the whole registry, kept equal to it in the same transaction as every change of either side
    /// (<c>Impact.PersonFieldKeeper</c>, decision 0034). Never shown or edited here.
    /// </summary>
    public Sex PersonSex { get; set; }

    public DateOnly PersonBirthDate { get; set; }
    public bool PersonDisability { get; set; }
    public int? PersonWelfareDecile { get; set; }
}

public enum FollowUpGroup
{
    /// <summary>Placed in a cohort of the program (completion is not required).</summary>
    Participant,

    /// <summary>Applied to the program, was eligible, and was waitlisted or not selected.</summary>
    Comparison,
}

public enum FollowUpStatus
{
    Due,
    Done,

    /// <summary>Could not be reached or refused; kept so that the response rate is honest.</summary>
    NotReached,
}

public enum FollowUpChannel
{
    Visit,
    Phone,
}

[Flags]
public enum FollowUpNeeds
{
    None = 0,
    Capital = 1,
    Marketing = 2,
    Permits = 4,
    Training = 8,
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public const int ProblemsMax = 1000;

    public void Configure(EntityTypeBuilder<FollowUp> e)
    {
        e.ToTable("FollowUps");
        e.Property(x => x.Group).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(8);
        e.Property(x => x.FacilitatorId).HasMaxLength(450);
        e.Property(x => x.VisitedById).HasMaxLength(450);
        e.Property(x => x.Problems).HasMaxLength(ProblemsMax);
        e.Property(x => x.PhotoFile).HasMaxLength(100);
        // One survey per person, program and round: planning twice stores nothing new.
        e.HasIndex(x => new { x.AgencyId, x.ProgramId, x.PersonId, x.MonthsAfter }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.FacilitatorId, x.Status, x.DueOn });
        e.HasIndex(x => new { x.AgencyId, x.Status, x.DueOn });
        e.HasIndex(x => new { x.AgencyId, x.ApplicationId });
        e.HasIndex(x => new { x.AgencyId, x.BusinessId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.FacilitatorId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.VisitedById).OnDelete(DeleteBehavior.Restrict);
    }
}
