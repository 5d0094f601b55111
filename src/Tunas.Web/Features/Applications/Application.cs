using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// A person's request to join a program (pendaftaran): one per person per program. The public registration
/// number is what the applicant keeps; with the birth date it opens their status, never the NIK.
/// </summary>
public sealed class Application
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int ProgramId { get; set; }
    public long PersonId { get; set; }

    /// <summary>Public, unguessable, unique across the installation, e.g. <c>TNS-7K3Q-9MXD</c> (<see cref="RegistrationNumbers"/>).</summary>
    public required string RegistrationNumber { get; set; }

    public int FirstTrackId { get; set; }
    public int? SecondTrackId { get; set; }

    /// <summary>The domicile kelurahan the applicant gave (dotted code); the registry's may differ.</summary>
    public required string VillageCode { get; set; }

    /// <summary>
    /// WhatsApp number for messages about this application, normalised to +62... For a public application of a
    /// person the registry knows, the phone on record (decision 0016); none for an application held for verification.
    /// </summary>
    public string? Phone { get; set; }

    /// <summary>
    /// The phone the applicant gave when it is not trusted (it differs from the one on record, or the application is
    /// held): kept for the officer who verifies it, never messaged.
    /// </summary>
    public string? UnverifiedPhone { get; set; }

    /// <summary>
    /// The name the sender typed, kept when the application claims a registry person it is not proven to be (held): the
    /// officer weighs it against the registry's, and the operator who entered it reads it instead of a name from
    /// another kelurahan (decision 0021).
    /// </summary>
    public string? GivenName { get; set; }

    public string? Email { get; set; }
    public string? Motivation { get; set; }

    /// <summary>Consent to the use of their data (UU 27/2022): that it was given, for what, and when.</summary>
    public bool Consent { get; set; }

    public required string ConsentPurpose { get; set; }
    public DateTime ConsentAt { get; set; }

    public ApplicationChannel Channel { get; set; }

    /// <summary>The operator who entered it (channel Operator), or null for a self-submitted one.</summary>
    public string? EnteredById { get; set; }

    public ApplicationStatus Status { get; set; }

    /// <summary>The basic checks made at submission, as JSON (code, passed, message) for the applicant's receipt.</summary>
    public string? ChecksJson { get; set; }

    public DateTime SubmittedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
}

public enum ApplicationChannel
{
    /// <summary>The public form or the public API.</summary>
    Public,

    /// <summary>A kelurahan operator or an officer entered it for the resident.</summary>
    Operator,
}

public enum ApplicationStatus
{
    Submitted,

    /// <summary>The applicant withdrew (before or after selection); a selected seat goes to the waitlist.</summary>
    Withdrawn,

    /// <summary>
    /// Held for an officer: the sender did not prove to be the registry's person (decision 0016). Not in the
    /// selection, no messages; shown to its sender as submitted.
    /// </summary>
    Held,

    /// <summary>A held application an officer found was not the registry's person's (decision 0021): out of the selection for good.</summary>
    Rejected,
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> e)
    {
        e.Property(x => x.RegistrationNumber).HasMaxLength(24);
        e.Property(x => x.VillageCode).HasMaxLength(13);
        e.Property(x => x.Phone).HasMaxLength(16);
        e.Property(x => x.UnverifiedPhone).HasMaxLength(16);
        e.Property(x => x.GivenName).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.Motivation).HasMaxLength(1000);
        e.Property(x => x.ConsentPurpose).HasMaxLength(500);
        e.Property(x => x.EnteredById).HasMaxLength(450);
        e.Property(x => x.ChecksJson).HasMaxLength(4000);
        e.Property(x => x.WithdrawalReason).HasMaxLength(500);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.RegistrationNumber).IsUnique();
        // One application per person and program; held and rejected claims aside (several senders may claim the same NIK).
        e.HasIndex(x => new { x.ProgramId, x.PersonId, x.AgencyId }).IsUnique().HasFilter("\"Status\" NOT IN ('Held', 'Rejected')");
        e.HasIndex(x => new { x.ProgramId, x.VillageCode });
        e.HasIndex(x => new { x.AgencyId, x.ProgramId, x.Status });
        e.HasIndex(x => x.PersonId);
        e.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Track>().WithMany().HasForeignKey(x => x.FirstTrackId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Track>().WithMany().HasForeignKey(x => x.SecondTrackId).OnDelete(DeleteBehavior.Restrict);
    }
}
