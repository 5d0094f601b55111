using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Users;

namespace Tunas.Web.Features.Training;

/// <summary>
/// A cohort (angkatan): the selected applicants of one track trained together at one provider, in one place, between
/// two dates (past dates allowed, to record a training already held), up to its capacity.
/// </summary>
public sealed class Cohort
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }
    public int TrackId { get; set; }
    public int ProviderId { get; set; }
    public required string Name { get; set; }

    /// <summary>Where it meets: a hall, a workshop, with its address.</summary>
    public required string Place { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public int Capacity { get; set; }

    /// <summary>What a participant brings on the first day; told in the placement message.</summary>
    public string? WhatToBring { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<CohortTrainer> Trainers { get; set; } = [];
}

/// <summary>A trainer of a cohort: a ProviderStaff user of the cohort's provider.</summary>
public sealed class CohortTrainer
{
    public int AgencyId { get; set; }
    public int CohortId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>A selected applicant's place in a cohort; one per application, whatever its cohort.</summary>
public sealed class CohortParticipant
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int CohortId { get; set; }
    public long ApplicationId { get; set; }
    public ParticipantStatus Status { get; set; }
    public DateTime PlacedAt { get; set; }
    public DateOnly? DroppedOutOn { get; set; }
    public string? DropOutReason { get; set; }

    /// <summary>The participant's own account (user name = registration number, no e-mail), once created.</summary>
    public string? UserId { get; set; }

    /// <summary>
    /// The applicant's sex, birth date, disability and desil as the registry holds them: copies the dashboard counts
    /// without joining the whole registry, kept equal to it in the same transaction as every change of either side
    /// (<c>Impact.PersonFieldKeeper</c>, decision 0034). Never shown or edited here.
    /// </summary>
    public Sex PersonSex { get; set; }

    public DateOnly PersonBirthDate { get; set; }
    public bool PersonDisability { get; set; }
    public int? PersonWelfareDecile { get; set; }
}

public enum ParticipantStatus
{
    Placed,

    /// <summary>
    /// Left after the start, with a reason; before the start a place is given up by withdrawing the application, which
    /// leaves it so too (dated the withdrawal) and gives the seat to the one promoted from the waitlist.
    /// </summary>
    DroppedOut,
}

/// <summary>One training day or block of a cohort, generated from the track's modules and editable.</summary>
public sealed class CohortSession
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int CohortId { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }

    /// <summary>Teaching hours (jam pelajaran).</summary>
    public int Hours { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>
/// One attendance mark as a trainer's phone sent it. Marks are kept as sent, each once by its client id (a mark sent
/// twice is stored once); a participant's attendance at a session is their latest mark.
/// </summary>
public sealed class AttendanceMark
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int CohortId { get; set; }
    public long SessionId { get; set; }
    public long ParticipantId { get; set; }
    public AttendanceStatus Status { get; set; }
    public required string ClientId { get; set; }
    public DateTime MarkedAt { get; set; }
    public string? MarkedById { get; set; }
}

public enum AttendanceStatus
{
    Present,
    Late,
    Excused,
    Absent,
}

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> e)
    {
        e.ToTable("Cohorts");
        e.Property(x => x.Name).HasMaxLength(CohortFields.NameMax);
        e.Property(x => x.Place).HasMaxLength(CohortFields.PlaceMax);
        e.Property(x => x.WhatToBring).HasMaxLength(CohortFields.BringMax);
        e.HasIndex(x => new { x.AgencyId, x.ProgramId, x.Name }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.ProviderId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Trainers).WithOne().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CohortTrainerConfiguration : IEntityTypeConfiguration<CohortTrainer>
{
    public void Configure(EntityTypeBuilder<CohortTrainer> e)
    {
        e.ToTable("CohortTrainers");
        e.HasKey(x => new { x.AgencyId, x.CohortId, x.UserId });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.HasIndex(x => x.UserId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CohortParticipantConfiguration : IEntityTypeConfiguration<CohortParticipant>
{
    public void Configure(EntityTypeBuilder<CohortParticipant> e)
    {
        e.ToTable("CohortParticipants");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.DropOutReason).HasMaxLength(CohortFields.ReasonMax);
        // One place per application: a second placement run finds it taken (decision 0022).
        e.HasIndex(x => new { x.AgencyId, x.ApplicationId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.CohortId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AgencyId, x.UserId });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CohortSessionConfiguration : IEntityTypeConfiguration<CohortSession>
{
    public void Configure(EntityTypeBuilder<CohortSession> e)
    {
        e.ToTable("CohortSessions");
        e.Property(x => x.Title).HasMaxLength(CohortFields.TitleMax);
        e.HasIndex(x => new { x.AgencyId, x.CohortId, x.Date });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceMarkConfiguration : IEntityTypeConfiguration<AttendanceMark>
{
    public void Configure(EntityTypeBuilder<AttendanceMark> e)
    {
        e.ToTable("AttendanceMarks");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ClientId).HasMaxLength(AttendanceRules.ClientIdMax);
        e.Property(x => x.MarkedById).HasMaxLength(450);
        e.HasIndex(x => new { x.AgencyId, x.ClientId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.SessionId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CohortParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
