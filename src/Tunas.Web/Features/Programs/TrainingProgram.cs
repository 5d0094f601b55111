using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Agencies;

namespace Tunas.Web.Features.Programs;

/// <summary>
/// A funded training program of an agency for one year (table <c>Programs</c>; the class is not called
/// <c>Program</c> because that is the entry point). It carries its calendar, its eligibility rules and the
/// per-program score weights; tracks, quotas and applications hang off it.
/// </summary>
public sealed class TrainingProgram
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public string? Description { get; set; }

    /// <summary>Budget in whole rupiah.</summary>
    public long Budget { get; set; }

    /// <summary>Transport allowance (uang transport) per attended day in whole rupiah; 0: none.</summary>
    public long TransportPerDay { get; set; }

    /// <summary>How many participants the program intends to train (the sum of quotas normally).</summary>
    public int TargetSize { get; set; }

    public ProgramStatus Status { get; set; }

    // Calendar (dates in Indonesian local time, WIB/WITA/WIT as the agency lives).
    public DateOnly RegistrationOpens { get; set; }
    public DateOnly RegistrationCloses { get; set; }
    public DateOnly? SelectionOn { get; set; }
    public DateOnly? PublicationOn { get; set; }
    public DateOnly? AppealOpens { get; set; }
    public DateOnly? AppealCloses { get; set; }
    public DateOnly? TrainingStarts { get; set; }
    public DateOnly? TrainingEnds { get; set; }

    // Eligibility rules: a null value switches the rule off (SelectionInput.EligibilitySettings).
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public DateOnly? AgeReferenceDate { get; set; }
    public int? MaxDesil { get; set; }
    public string? DomicileRegencyCode { get; set; }
    public int? MaxPerHousehold { get; set; }
    public int? ExcludeTrainedWithinYears { get; set; }

    // Selection settings (decision 0006).
    public int YouthWeight { get; set; } = ScoreWeights.Default.YouthWeight;
    public int WomenWeight { get; set; } = ScoreWeights.Default.WomenWeight;
    public SpillOverRule SpillOver { get; set; } = SpillOverRule.SameTrackThenAnyTrack;

    /// <summary>Places on each quota's waitlist; null: every eligible applicant not selected waits.</summary>
    public int? WaitlistLength { get; set; }

    // Completion rule (issue 13): who completed the training, and so gets a certificate.

    /// <summary>The share of sessions attended (present or late) needed to complete, in whole percent.</summary>
    public int CompletionAttendancePercent { get; set; } = 80;

    /// <summary>Whether the practical assessment must say competent to complete.</summary>
    public bool CompletionRequiresPractical { get; set; } = true;

    /// <summary>How the public result list names people.</summary>
    public NameDisplay NameDisplay { get; set; } = NameDisplay.Initials;

    /// <summary>The tie-break seed, fixed when the program is created and shown on its public page.</summary>
    public required string Seed { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? CreatedById { get; set; }

    public List<Track> Tracks { get; set; } = [];
}

public enum ProgramStatus
{
    /// <summary>Being prepared; not visible to the public.</summary>
    Draft,

    /// <summary>Visible to the public; registration follows the calendar.</summary>
    Active,

    /// <summary>Finished or cancelled; kept for history and reports.</summary>
    Archived,
}

public enum NameDisplay
{
    /// <summary>"S. W." for Siti Wahyuni.</summary>
    Initials,

    FullName,
}

/// <summary>A skill track (kejuruan) of a program, with its curriculum template.</summary>
public sealed class Track
{
    public int Id { get; set; }

    /// <summary>The program's agency; set from the program when the track is saved with it (decision 0003).</summary>
    public int AgencyId { get; set; }

    public int ProgramId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>Open to women only (an eligibility rule of the program, switched per track).</summary>
    public bool WomenOnly { get; set; }

    public int SortOrder { get; set; }

    public List<TrackModule> Modules { get; set; } = [];
}

/// <summary>One module of a track's curriculum template: craft, business management, bookkeeping, ...</summary>
public sealed class TrackModule
{
    public int Id { get; set; }

    /// <summary>The track's agency; set from the track when the module is saved with it (decision 0003).</summary>
    public int AgencyId { get; set; }

    public int TrackId { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    public ModuleKind Kind { get; set; }

    /// <summary>Teaching hours (jam pelajaran); whole hours.</summary>
    public int Hours { get; set; }
}

public enum ModuleKind
{
    Craft,
    BusinessManagement,
    Bookkeeping,
    Marketing,
    Permits,
    Other,
}

/// <summary>A partner training provider of the agency (LPK, SMK, ...); it may serve several programs.</summary>
public sealed class Provider
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public required string Name { get; set; }
    public ProviderType Type { get; set; }
    public string? Address { get; set; }

    /// <summary>Dotted kelurahan code of the provider's address, when known.</summary>
    public string? VillageCode { get; set; }

    /// <summary>Participants it can train at once.</summary>
    public int Capacity { get; set; }

    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum ProviderType
{
    /// <summary>Lembaga Pelatihan Kerja.</summary>
    Lpk,

    /// <summary>Sekolah Menengah Kejuruan.</summary>
    Smk,

    /// <summary>BLK, a course, a cooperative, ...</summary>
    Other,
}

/// <summary>A provider delivers a track of a program (and so takes part in that program).</summary>
public sealed class TrackProvider
{
    public int AgencyId { get; set; }
    public int TrackId { get; set; }
    public int ProviderId { get; set; }

    /// <summary>Seats it offers for this track; null when not agreed yet.</summary>
    public int? Seats { get; set; }
}

/// <summary>
/// Seats for one region and one track of a program, or for one region and any track (<see cref="TrackId"/> null).
/// The region is a kelurahan for a city program, a regency for a provincial or national one.
/// </summary>
public sealed class ProgramQuota
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }
    public required string RegionCode { get; set; }
    public int? TrackId { get; set; }
    public int Size { get; set; }
}

internal sealed class TrainingProgramConfiguration : IEntityTypeConfiguration<TrainingProgram>
{
    public void Configure(EntityTypeBuilder<TrainingProgram> e)
    {
        e.ToTable("Programs");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.DomicileRegencyCode).HasMaxLength(13);
        e.Property(x => x.Seed).HasMaxLength(64);
        e.Property(x => x.CreatedById).HasMaxLength(450);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SpillOver).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.NameDisplay).HasConversion<string>().HasMaxLength(16);
        // The defaults reach programs made before the rule existed; a program saved later always sends its own value.
        e.Property(x => x.CompletionAttendancePercent).HasDefaultValue(80).ValueGeneratedNever();
        e.Property(x => x.CompletionRequiresPractical).HasDefaultValue(true).ValueGeneratedNever();
        e.HasIndex(x => new { x.AgencyId, x.Year });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Tracks).WithOne().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> e)
    {
        e.Property(x => x.Name).HasMaxLength(120);
        e.Property(x => x.Description).HasMaxLength(1000);
        e.HasIndex(x => new { x.ProgramId, x.Name, x.AgencyId }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.ProgramId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Modules).WithOne().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackModuleConfiguration : IEntityTypeConfiguration<TrackModule>
{
    public void Configure(EntityTypeBuilder<TrackModule> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.HasIndex(x => new { x.TrackId, x.SortOrder });
        e.HasIndex(x => new { x.AgencyId, x.TrackId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.VillageCode).HasMaxLength(13);
        e.Property(x => x.ContactName).HasMaxLength(200);
        e.Property(x => x.ContactPhone).HasMaxLength(16);
        e.Property(x => x.ContactEmail).HasMaxLength(256);
        e.HasIndex(x => new { x.AgencyId, x.Name }).IsUnique();
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrackProviderConfiguration : IEntityTypeConfiguration<TrackProvider>
{
    public void Configure(EntityTypeBuilder<TrackProvider> e)
    {
        e.HasKey(x => new { x.AgencyId, x.TrackId, x.ProviderId });
        e.HasIndex(x => x.TrackId);
        e.HasIndex(x => x.ProviderId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgramQuotaConfiguration : IEntityTypeConfiguration<ProgramQuota>
{
    public void Configure(EntityTypeBuilder<ProgramQuota> e)
    {
        e.Property(x => x.RegionCode).HasMaxLength(13);
        e.HasIndex(x => new { x.ProgramId, x.RegionCode, x.TrackId });
        e.HasIndex(x => new { x.AgencyId, x.ProgramId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Cascade);
    }
}
