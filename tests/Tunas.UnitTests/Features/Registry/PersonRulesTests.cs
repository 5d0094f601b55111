using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Registry;

public class PersonRulesTests
{
    // A woman born 01-07-1990 in kecamatan 35.72.01 (Kepanjenkidul), serial 0101.
    private const string Woman = "3572014107900101";

    // A man born 17-08-1985 in 35.72.02, serial 0042.
    private const string Man = "3572021708850042";

    private static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly HashSet<string> Villages = ["35.72.01.1004", "35.72.02.1001", "35.71.01.1001"];

    private static readonly RegistryContext Context = new(Today, FindDistrict, code => Villages.Contains(code), "35.72");

    private static NikRegion? FindDistrict(string code) => code switch
    {
        "35.72.01" => new NikRegion(code, "Kepanjenkidul", "Kota Blitar", "Jawa Timur"),
        "35.72.02" => new NikRegion(code, "Sukorejo", "Kota Blitar", "Jawa Timur"),
        _ => null,
    };

    private static PersonInput Valid(string nik = Woman) => new() { Nik = nik, FullName = "Siti Aminah", VillageCode = "35.72.01.1004" };

    private static PersonValues Accepted(PersonInput input)
    {
        var check = PersonRules.Check(input, Context);
        Assert.True(check.Valid, string.Join("; ", check.Errors.Select(e => e.Field + ": " + e.Format(e.Message))));
        return check.Values!;
    }

    private static FieldIssue Refused(PersonInput input, string field)
    {
        var check = PersonRules.Check(input, Context);
        Assert.False(check.Valid);
        return Assert.Single(check.Errors, e => e.Field == field);
    }

    [Fact]
    public void TheNikGivesTheSexAndBirthDateWhenTheFormLeavesThemEmpty()
    {
        var values = Accepted(Valid());

        Assert.Equal(Sex.Female, values.Sex);
        Assert.Equal(new DateOnly(1990, 7, 1), values.BirthDate);
        Assert.Null(values.WelfareDecile);
        Assert.False(values.Disability);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ANameIsRequired(string? name)
    {
        var issue = Refused(Valid() with { FullName = name }, "fullName");

        Assert.Equal("required", issue.Code);
        Assert.Equal(PersonMessages.NameRequiredMessage, issue.Message);
    }

    [Fact]
    public void ANameIsTrimmedAndSingleSpaced()
    {
        Assert.Equal("Siti Aminah Binti Ahmad", Accepted(Valid() with { FullName = "  Siti   Aminah\tBinti  Ahmad " }).FullName);
    }

    [Fact]
    public void NamesAndFreeTextAreCleanedOfInvisibleCharactersAndTheirApostrophesMadeOne()
    {
        var values = Accepted(Valid() with
        {
            FullName = "\u202ESiti\u200B Ma\u2019rifah\u0007",
            BirthPlace = "\uFEFFBlitar",
            Address = "Jl. Mawar\u2066 No. 5",
            Occupation = "Pedagang\u0000",
        });

        Assert.Equal("Siti Ma'rifah", values.FullName);
        Assert.Equal("Blitar", values.BirthPlace);
        Assert.Equal("Jl. Mawar No. 5", values.Address);
        Assert.Equal("Pedagang", values.Occupation);
    }

    [Fact]
    public void ANameOfOnlyInvisibleCharactersIsEmpty()
    {
        Assert.Equal("required", Refused(Valid() with { FullName = "\u202E\u200B\u0000" }, "fullName").Code);
    }

    [Fact]
    public void ANikWithARegencyOrDistrictOfZeroZeroIsRefused()
    {
        Assert.Equal("region-zero", Refused(Valid("3572004107900101"), "nik").Code);
        Assert.Equal("region-zero", Refused(Valid("3500014107900101"), "nik").Code);
    }

    [Fact]
    public void ANameWithoutLettersIsRefused()
    {
        Assert.Equal("no-letters", Refused(Valid() with { FullName = "12345 - ." }, "fullName").Code);
    }

    [Fact]
    public void ANameOfMoreThan200CharactersIsRefused()
    {
        var issue = Refused(Valid() with { FullName = new string('a', 201) }, "fullName");

        Assert.Equal("too-long", issue.Code);
        Assert.Equal(["200"], issue.Args);
        Assert.Equal(200, Accepted(Valid() with { FullName = new string('a', 200) }).FullName.Length);
    }

    [Theory]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("62 812 3456 7890", "+6281234567890")]
    [InlineData("+62 (812) 3456.7890", "+6281234567890")]
    [InlineData("812345678", "+62812345678")]
    [InlineData("(0342) 801234", "+62342801234")]
    public void APhoneNumberIsNormalisedToPlus62(string typed, string stored)
    {
        Assert.Equal(stored, Accepted(Valid() with { Phone = typed }).Phone);
    }

    [Theory]
    [InlineData("0812-abc-7890")]
    [InlineData("0000")]
    [InlineData("08123")]
    [InlineData("0812 3456 7890 1234 5")]
    public void AWrongPhoneNumberIsAFieldError(string typed)
    {
        var issue = Refused(Valid() with { Phone = typed }, "phone");

        Assert.Equal(PersonMessages.PhoneInvalidMessage, issue.Message);
        Assert.Equal([typed], issue.Args);
    }

    [Theory]
    [InlineData("4", "004")]
    [InlineData("04", "004")]
    [InlineData(" 12 ", "012")]
    [InlineData("123", "123")]
    public void RtAndRwArePaddedToThreeDigits(string typed, string stored)
    {
        var values = Accepted(Valid() with { Rt = typed, Rw = typed });

        Assert.Equal(stored, values.Rt);
        Assert.Equal(stored, values.Rw);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("000")]
    [InlineData("1234")]
    [InlineData("4a")]
    [InlineData("-4")]
    [InlineData("\u0664")] // an Arabic-Indic four: a digit to char.IsDigit, not to a database
    public void AWrongRtOrRwIsRefused(string typed)
    {
        Assert.Equal("invalid", Refused(Valid() with { Rt = typed }, "rt").Code);
        Assert.Equal("invalid", Refused(Valid() with { Rw = typed }, "rw").Code);
    }

    [Theory]
    [InlineData("P")]
    [InlineData("p")]
    [InlineData("Perempuan")]
    [InlineData("WANITA")]
    [InlineData("F")]
    public void ASexThatAgreesWithTheNikIsAccepted(string typed)
    {
        Assert.Equal(Sex.Female, Accepted(Valid() with { Sex = typed }).Sex);
    }

    [Theory]
    [InlineData(Woman, "L")]
    [InlineData(Woman, "Laki-laki")]
    [InlineData(Man, "P")]
    public void ASexThatDisagreesWithTheNikIsAnErrorWithAdvice(string nik, string typed)
    {
        var issue = Refused(Valid(nik) with { Sex = typed }, "sex");

        Assert.Equal("nik-mismatch", issue.Code);
        Assert.Equal(PersonMessages.SexMismatchAdvice, issue.Advice);
        Assert.Equal([nik == Woman ? "P" : "L"], issue.Args);
    }

    [Fact]
    public void AnUnknownSexIsRefused()
    {
        Assert.Equal("invalid", Refused(Valid() with { Sex = "X" }, "sex").Code);
    }

    [Theory]
    [InlineData("01/07/1990")]
    [InlineData("1/7/1990")]
    [InlineData("01-07-1990")]
    [InlineData("1990-07-01")]
    [InlineData("33055")] // the Excel serial of 01-07-1990
    public void ABirthDateThatAgreesWithTheNikIsAccepted(string typed)
    {
        Assert.Equal(new DateOnly(1990, 7, 1), Accepted(Valid() with { BirthDate = typed }).BirthDate);
    }

    [Fact]
    public void ABirthDateThatDisagreesWithTheNikIsAnErrorNamingBothDates()
    {
        var issue = Refused(Valid() with { BirthDate = "02/07/1990" }, "birthDate");

        Assert.Equal("nik-mismatch", issue.Code);
        Assert.Equal(["02-07-1990", "01-07-1990"], issue.Args);
        Assert.Equal(PersonMessages.BirthDateMismatchAdvice, issue.Advice);
    }

    [Theory]
    [InlineData("07/01/1990")]  // month first: 7 January, not 1 July
    [InlineData("13/25/2020")]
    [InlineData("kemarin")]
    public void ABirthDateInAnotherOrderOrNoDateIsRefused(string typed)
    {
        var issue = Refused(Valid() with { BirthDate = typed }, "birthDate");

        Assert.True(issue.Code is "invalid" or "nik-mismatch", issue.Code);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 10)]
    [InlineData(" 4 ", 4)]
    public void ADecileFromOneToTenIsAccepted(string typed, int decile)
    {
        Assert.Equal(decile, Accepted(Valid() with { WelfareDecile = typed }).WelfareDecile);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("3.5")]
    [InlineData("3,0")]
    [InlineData("satu")]
    public void ADecileOutsideOneToTenIsRefused(string typed)
    {
        var issue = Refused(Valid() with { WelfareDecile = typed }, "welfareDecile");

        Assert.Equal(PersonMessages.DecileInvalidMessage, issue.Message);
    }

    [Fact]
    public void TheDecileDateMustBeInThePast()
    {
        Assert.Equal("invalid", Refused(Valid() with { WelfareAsOf = "2027-01-01" }, "welfareAsOf").Code);
        Assert.Equal(new DateOnly(2025, 6, 30), Accepted(Valid() with { WelfareAsOf = "30/06/2025" }).WelfareAsOf);
    }

    [Fact]
    public void CodedFieldsUnderstandTheIndonesianSpellingsOfTheFiles()
    {
        var values = Accepted(Valid() with
        {
            Education = "SMA",
            HouseholdRelation = "Kepala Keluarga",
            MaritalStatus = "Belum Kawin",
            EmploymentStatus = "IRT",
        });

        Assert.Equal(Education.SeniorSecondary, values.Education);
        Assert.Equal(HouseholdRelation.Head, values.HouseholdRelation);
        Assert.Equal(MaritalStatus.NeverMarried, values.MaritalStatus);
        Assert.Equal(EmploymentStatus.Homemaker, values.EmploymentStatus);
    }

    [Theory]
    [InlineData("sltp/sederajat", Education.JuniorSecondary)]
    [InlineData("S1", Education.Bachelor)]
    [InlineData("Tamat SD/Sederajat", Education.Primary)]
    [InlineData("SeniorSecondary", Education.SeniorSecondary)]
    [InlineData("5", Education.SeniorSecondary)]
    public void EducationIsReadFromLabelsCodesAndApiNames(string typed, Education expected)
    {
        Assert.Equal(expected, Accepted(Valid() with { Education = typed }).Education);
    }

    [Fact]
    public void AnUnknownCodeListsTheAllowedLabels()
    {
        var issue = Refused(Valid() with { MaritalStatus = "Pacaran" }, "maritalStatus");

        Assert.Equal(PersonMessages.CodeUnknownMessage, issue.Message);
        Assert.Equal("Pacaran", issue.Args[0]);
        Assert.Contains("Belum kawin", issue.Args[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ya", true)]
    [InlineData("tidak", false)]
    [InlineData("1", true)]
    [InlineData("", false)]
    public void DisabilityIsYaOrTidak(string typed, bool expected)
    {
        Assert.Equal(expected, Accepted(Valid() with { Disability = typed }).Disability);
    }

    [Fact]
    public void AnOldDistrictCodeIsAWarningNotAnError()
    {
        var check = PersonRules.Check(Valid("3572094107900101"), Context);

        Assert.True(check.Valid);
        Assert.Equal("district-unknown", Assert.Single(check.Warnings).Code);
    }

    [Fact]
    public void TheKelurahanMustExistAndLieInTheAgencysCity()
    {
        Assert.Equal("required", Refused(Valid() with { VillageCode = " " }, "villageCode").Code);
        Assert.Equal("unknown", Refused(Valid() with { VillageCode = "35.72.01.9999" }, "villageCode").Code);
        Assert.Equal("outside", Refused(Valid() with { VillageCode = "35.71.01.1001" }, "villageCode").Code);
    }

    [Fact]
    public void AFamilyCardNumberDamagedByExcelCarriesTheAdviceToFormatTheColumnAsText()
    {
        var issue = Refused(Valid() with { FamilyCardNumber = "3.57201E+15" }, "familyCardNumber");

        Assert.Equal(PersonMessages.ExcelDamagedAdvice, issue.Advice);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var check = PersonRules.Check(new PersonInput { Nik = "123", Rt = "abcd", Phone = "x", WelfareDecile = "99" }, Context);

        Assert.Equal(["fullName", "nik", "phone", "rt", "villageCode", "welfareDecile"], check.Errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
    }
}
