using System.Collections.Frozen;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// One application as the selection sees it: the applicant's choices and the registry facts that rank them.
/// The caller fills it from the application, the person and the household; the selection never reads a database.
/// </summary>
public sealed record Applicant
{
    /// <summary>Unique within one run; the last tie-break (only after a 64-bit hash collision).</summary>
    public required long ApplicationId { get; init; }

    /// <summary>The public registration number; hashed with the program seed for the tie-break.</summary>
    public required string RegistrationNumber { get; init; }

    /// <summary>Dotted kelurahan/desa code of the domicile, e.g. <c>35.72.01.1001</c>; empty when unknown.</summary>
    public required string VillageCode { get; init; }

    /// <summary>
    /// Code of the quota level that contains the applicant: the kelurahan itself for a city program, the regency
    /// for a national one. The caller maps it; quotas with the same <see cref="Quota.Region"/> are the applicant's.
    /// </summary>
    public required string QuotaRegion { get; init; }

    public required long FirstTrackId { get; init; }

    /// <summary>Optional second choice; the same track as the first counts as no second choice.</summary>
    public long? SecondTrackId { get; init; }

    public required Sex Sex { get; init; }

    public required DateOnly BirthDate { get; init; }

    /// <summary>Welfare decile (desil) 1-10 from DTKS/DTSEN, 1 = poorest; null when the person is not in it.</summary>
    public int? WelfareDecile { get; init; }

    public bool FemaleHeadedHousehold { get; init; }

    public bool Disability { get; init; }

    public bool NoEarnerInHousehold { get; init; }

    /// <summary>Members on the family card; 0 when unknown.</summary>
    public int HouseholdSize { get; init; }

    /// <summary>No. KK; applicants without one count as a household of their own for the household limit.</summary>
    public string? FamilyCardNumber { get; init; }

    /// <summary>Last day of the last training program the person was selected for, if any.</summary>
    public DateOnly? LastTrainedOn { get; init; }

    /// <summary>When the application was submitted (UTC); earlier wins a tie of score and desil.</summary>
    public required DateTime SubmittedAt { get; init; }
}

/// <summary>
/// The eligibility rules of a program. A null value (an empty set for the women-only tracks) switches that rule off.
/// </summary>
public sealed record EligibilitySettings
{
    /// <summary>No rule switched on.</summary>
    public static EligibilitySettings None { get; } = new();

    /// <summary>Youngest allowed age, in completed years on the age reference date.</summary>
    public int? MinAge { get; init; }

    /// <summary>Oldest allowed age, in completed years on the age reference date.</summary>
    public int? MaxAge { get; init; }

    /// <summary>The date ages are counted on; when null, the run's reference date.</summary>
    public DateOnly? AgeReferenceDate { get; init; }

    /// <summary>Highest allowed welfare decile (1-10); an unknown decile fails when this rule is on.</summary>
    public int? MaxDesil { get; init; }

    /// <summary>
    /// Dotted region code the applicant must live in, e.g. <c>35.72</c>: the kelurahan code must start with it and
    /// a dot. Named for the usual case (the city); a province code works the same way.
    /// </summary>
    public string? DomicileRegencyCode { get; init; }

    /// <summary>At most this many selected per family card (No. KK); applied while seats are given.</summary>
    public int? MaxPerHousehold { get; init; }

    /// <summary>Excludes whoever finished a training less than this many full years before the reference date.</summary>
    public int? ExcludeTrainedWithinYears { get; init; }

    /// <summary>Tracks open to women only.</summary>
    public IReadOnlySet<long> WomenOnlyTrackIds { get; init; } = FrozenSet<long>.Empty;
}

/// <summary>
/// Seats for one region and one track, or for one region and any track when <paramref name="TrackId"/> is null.
/// A region has either one any-track quota or quotas per track, not both.
/// </summary>
public sealed record Quota(string Region, long? TrackId, int Size);

/// <summary>Everything one selection run depends on. The same input, in any order, gives the same result.</summary>
public sealed record SelectionInput
{
    /// <summary>The program's seed for the tie-break hash; fixed and published before registration closes.</summary>
    public required string Seed { get; init; }

    /// <summary>The day the rules are applied on (ages, unless set apart, and recent training).</summary>
    public required DateOnly ReferenceDate { get; init; }

    public EligibilitySettings Settings { get; init; } = EligibilitySettings.None;

    public ScoreWeights Weights { get; init; } = ScoreWeights.Default;

    public required IReadOnlyList<Quota> Quotas { get; init; }

    public required IReadOnlyList<Applicant> Applicants { get; init; }

    public SpillOverRule SpillOver { get; init; } = SpillOverRule.SameTrackThenAnyTrack;

    /// <summary>Places on each quota's waitlist; eligible applicants beyond it are not selected. Null: no limit.</summary>
    public int? WaitlistLength { get; init; }
}
