using System.Globalization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Demo;

/// <summary>What is wrong with a generated row on purpose (bad-rows mode), or nothing.</summary>
public enum SyntheticProblem
{
    None,

    /// <summary>The NIK went through a numeric cell: <c>3.57201E+15</c>.</summary>
    ExcelDamagedNik,

    /// <summary>The NIK has 16 digits but cannot be one: day 00, month 13 or serial 0000.</summary>
    InvalidNik,

    /// <summary>The birth date column disagrees with the date in the NIK.</summary>
    BirthDateMismatch,

    /// <summary>A kelurahan code that does not exist.</summary>
    UnknownVillage,

    /// <summary>A desil outside 1-10.</summary>
    InvalidDecile,

    /// <summary>The NIK of an earlier row of the same file.</summary>
    DuplicateNik,
}

/// <summary>The kinds of household <see cref="SyntheticResidents.NextHousehold"/> makes.</summary>
public enum SyntheticHouseholdKind
{
    /// <summary>Any household of the city, sizes 1-7, desil 1-10.</summary>
    Any,

    /// <summary>A poor household (desil 1-4) with a likely trainee: a housewife of 22-50 or a young person of 18-30 without work.</summary>
    Trainee,
}

/// <summary>
/// One synthetic resident as a registry file would carry them. In a clean row everything is valid and agrees
/// (the birth date and sex are those of the NIK); a bad row differs in exactly the way <see cref="Problem"/> says.
/// </summary>
public sealed record SyntheticResident
{
    public required string Nik { get; init; }
    public required string FamilyCardNumber { get; init; }
    public required string FullName { get; init; }
    public Sex Sex { get; init; }
    public required string BirthPlace { get; init; }
    public DateOnly BirthDate { get; init; }
    public required string Address { get; init; }
    public required string Rt { get; init; }
    public required string Rw { get; init; }
    public required string VillageCode { get; init; }

    /// <summary>As people write it: 0812-3456-7890, 081234567890 or +6281234567890.</summary>
    public string? Phone { get; init; }

    public Education Education { get; init; }
    public required string Occupation { get; init; }
    public EmploymentStatus EmploymentStatus { get; init; }
    public MaritalStatus MaritalStatus { get; init; }
    public HouseholdRelation HouseholdRelation { get; init; }
    public bool Disability { get; init; }

    /// <summary>1-10 in a clean row; 0 or above 10 in a <see cref="SyntheticProblem.InvalidDecile"/> row.</summary>
    public int WelfareDecile { get; init; }

    public required string WelfareSource { get; init; }
    public DateOnly WelfareAsOf { get; init; }
    public SyntheticProblem Problem { get; init; }

    /// <summary>The row as text, the way a form, the API or a file hands it to <see cref="PersonRules.Check"/>.</summary>
    public PersonInput ToInput() => new()
    {
        Nik = Nik,
        FamilyCardNumber = FamilyCardNumber,
        FullName = FullName,
        Sex = Sex == Sex.Female ? "P" : "L",
        BirthPlace = BirthPlace,
        BirthDate = BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        Address = Address,
        Rt = Rt,
        Rw = Rw,
        VillageCode = VillageCode,
        Phone = Phone,
        Education = PersonCodes.Label(Education),
        Occupation = Occupation,
        EmploymentStatus = PersonCodes.Label(EmploymentStatus),
        MaritalStatus = PersonCodes.Label(MaritalStatus),
        HouseholdRelation = PersonCodes.Label(HouseholdRelation),
        Disability = Disability ? "Ya" : "Tidak",
        WelfareDecile = WelfareDecile.ToString(CultureInfo.InvariantCulture),
        WelfareSource = WelfareSource,
        WelfareAsOf = WelfareAsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };
}

/// <summary>A family card with its members, head first.</summary>
public sealed record SyntheticHousehold(string FamilyCardNumber, string VillageCode, int WelfareDecile, IReadOnlyList<SyntheticResident> Members)
{
    /// <summary>For <see cref="SyntheticHouseholdKind.Trainee"/>: the member who would apply for training.</summary>
    public int? TraineeIndex { get; init; }
}

public sealed record SyntheticOptions
{
    /// <summary>Dotted kelurahan/desa codes the residents live in, e.g. Kota Blitar's 21 (<c>35.72.01.1001</c> …).</summary>
    public required IReadOnlyList<string> VillageCodes { get; init; }

    /// <summary>Everyone is born before this date; it also fixes the ages, so a seed gives the same rows on any day.</summary>
    public DateOnly Today { get; init; } = new(2025, 10, 1);

    public DateOnly WelfareAsOf { get; init; } = new(2025, 6, 30);

    /// <summary>Share (0-1) of rows that <see cref="SyntheticResidents.Rows"/> spoils, each in one of the <see cref="SyntheticProblem"/> ways.</summary>
    public double BadRowShare { get; init; }

    /// <summary>Share of adults whose NIK was first issued in another East Java kecamatan.</summary>
    public double OtherDistrictShare { get; init; } = 0.08;

    /// <summary>Dotted kecamatan codes for those adults.</summary>
    public IReadOnlyList<string> OtherDistricts { get; init; } = SyntheticNames.OtherEastJavaDistricts;
}
