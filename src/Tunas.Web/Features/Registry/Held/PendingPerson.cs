using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tunas.Web.Features.Registry.Held;

/// <summary>
/// A kelurahan operator's create of a NIK that the registry has in another kelurahan (decision 0021): the operator's
/// typed record, kept aside under an id of the person id space, until an officer moves the registry's person, merges
/// the typed record into it, or rejects it. The operator is answered as for any new resident.
/// </summary>
public sealed class PendingPerson
{
    /// <summary>Drawn from the persons' own sequence (<see cref="PersonIds"/>), so it looks like any new person's id.</summary>
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The registry's person who has the NIK.</summary>
    public long ExistingPersonId { get; set; }

    public required string Nik { get; set; }
    public required string FullName { get; set; }

    /// <summary>The kelurahan the operator typed (their own).</summary>
    public required string VillageCode { get; set; }

    /// <summary>Every field the operator typed, as the audit writes a person (<see cref="PersonWriter.Snapshot"/>).</summary>
    public required string ValuesJson { get; set; }

    public string? EnteredById { get; set; }
    public DateTime CreatedAt { get; set; }

    public PendingResolution? Resolution { get; set; }
    public string? ResolutionNote { get; set; }
    public string? ResolvedById { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

public enum PendingResolution
{
    /// <summary>The registry's person moved to the operator's kelurahan (domicile fields taken from the typed record).</summary>
    Moved,

    /// <summary>Every field the operator typed replaced the registry's, desil aside.</summary>
    Merged,

    /// <summary>The typed record was not the registry's person: nothing changed.</summary>
    Rejected,

    /// <summary>The operator corrected the NIK to one the registry does not have: the record became the resident it read as.</summary>
    Released,
}

internal sealed class PendingPersonConfiguration : IEntityTypeConfiguration<PendingPerson>
{
    public void Configure(EntityTypeBuilder<PendingPerson> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Nik).HasMaxLength(16);
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.VillageCode).HasMaxLength(13);
        e.Property(x => x.ValuesJson).HasMaxLength(4000);
        e.Property(x => x.EnteredById).HasMaxLength(450);
        e.Property(x => x.ResolvedById).HasMaxLength(450);
        e.Property(x => x.ResolutionNote).HasMaxLength(500);
        e.Property(x => x.Resolution).HasConversion<string>().HasMaxLength(16);
        // The officer's to-do: the unresolved ones of an agency, per kelurahan.
        e.HasIndex(x => new { x.AgencyId, x.ResolvedAt, x.VillageCode });
        e.HasIndex(x => x.ExistingPersonId);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.ExistingPersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
