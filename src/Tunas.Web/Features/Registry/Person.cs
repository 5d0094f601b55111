using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry;

/// <summary>
/// A resident in the agency's registry, one row per NIK (unique within the agency). Personal data: every change
/// is audited (<see cref="PersonWriter"/>), lists show the NIK masked, Leadership never sees it.
/// </summary>
public sealed class Person
{
    public long Id { get; set; }
    public int AgencyId { get; set; }

    /// <summary>16 ASCII digits, always a string.</summary>
    public required string Nik { get; set; }

    public string? FamilyCardNumber { get; set; }
    public long? HouseholdId { get; set; }
    public Household? Household { get; set; }

    public required string FullName { get; set; }

    /// <summary>Search key of the name (<see cref="SearchText.Fold"/>), for duplicates and ordering.</summary>
    public required string NameKey { get; set; }

    public Sex Sex { get; set; }
    public string? BirthPlace { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? Address { get; set; }
    public string? Rt { get; set; }
    public string? Rw { get; set; }

    /// <summary>Domicile kelurahan/desa, dotted Kemendagri code.</summary>
    public required string VillageCode { get; set; }

    /// <summary>Normalised to +62…</summary>
    public string? Phone { get; set; }

    public Education? Education { get; set; }
    public string? Occupation { get; set; }
    public EmploymentStatus? EmploymentStatus { get; set; }
    public MaritalStatus? MaritalStatus { get; set; }
    public HouseholdRelation? HouseholdRelation { get; set; }
    public bool Disability { get; set; }

    /// <summary>Welfare decile 1-10 (1 = poorest 10% nationally), with where and when it was measured.</summary>
    public int? WelfareDecile { get; set; }
    public string? WelfareSource { get; set; }
    public DateOnly? WelfareAsOf { get; set; }

    public PersonOrigin Origin { get; set; }

    /// <summary>The import that created this person, if one did: its job says who imported which file and when,
    /// so a million imported rows need no million audit entries (decision 0005).</summary>
    public Guid? ImportJobId { get; set; }

    /// <summary>False for people who registered themselves until an officer checks them.</summary>
    public bool Verified { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A family on one family card (No. KK), with at most one head.</summary>
public sealed class Household
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public required string FamilyCardNumber { get; set; }
    public long? HeadPersonId { get; set; }
}

/// <summary>
/// One word of a person's name, so that a name search by any word uses an index on both databases. It carries the
/// person's <see cref="Person.NameKey"/> too, so that the first page of a common word ("nur": 40,000 persons in a
/// million) is sorted from the token index alone, without reading every hit's person (decision 0012). Written only
/// by <see cref="PersonNames.TokenRows"/>, always together with the name.
/// </summary>
public sealed class PersonNameToken
{
    public required string Token { get; set; }
    public long PersonId { get; set; }
    public int AgencyId { get; set; }
    public required string NameKey { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.Property(x => x.Nik).HasMaxLength(16).IsFixedLength(false);
        e.Property(x => x.FamilyCardNumber).HasMaxLength(16);
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.NameKey).HasMaxLength(200);
        e.Property(x => x.BirthPlace).HasMaxLength(100);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Rt).HasMaxLength(3);
        e.Property(x => x.Rw).HasMaxLength(3);
        e.Property(x => x.VillageCode).HasMaxLength(13);
        e.Property(x => x.Phone).HasMaxLength(16);
        e.Property(x => x.Occupation).HasMaxLength(100);
        e.Property(x => x.WelfareSource).HasMaxLength(60);
        e.HasIndex(x => new { x.AgencyId, x.Nik }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.VillageCode, x.NameKey });
        e.HasIndex(x => new { x.AgencyId, x.NameKey, x.BirthDate });
        e.HasIndex(x => new { x.AgencyId, x.WelfareDecile });
        // The dashboard counts the residents a program's rules (desil, birth date, domicile) admit from this index alone,
        // without reading a million rows (decision 0029).
        e.HasIndex(x => new { x.AgencyId, x.WelfareDecile, x.BirthDate, x.VillageCode });
        e.HasIndex(x => x.HouseholdId);
        e.HasIndex(x => x.ImportJobId);
        e.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.Property(x => x.FamilyCardNumber).HasMaxLength(16);
        e.HasIndex(x => new { x.AgencyId, x.FamilyCardNumber }).IsUnique();
        e.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonNameTokenConfiguration : IEntityTypeConfiguration<PersonNameToken>
{
    public void Configure(EntityTypeBuilder<PersonNameToken> e)
    {
        // The key is also the search's index: a word's range gives the persons in name order without touching the
        // Persons table. (AgencyId, Token, PersonId) alone is unique; the name key is the same on all of a person's rows.
        e.HasKey(x => new { x.AgencyId, x.Token, x.NameKey, x.PersonId });
        e.Property(x => x.Token).HasMaxLength(60);
        e.Property(x => x.NameKey).HasMaxLength(200);
        // A person's tokens (rewritten on a rename), and the probe of a search's other words: "has this person a
        // token in that range" is one seek in this index alone, whatever the planner guessed about the range's size.
        e.HasIndex(x => new { x.PersonId, x.AgencyId, x.Token });
        e.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
