using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Applications;

public class ApplicationRulesTests
{
    // A woman born 01-07-1990 in kecamatan 35.72.01 (Kepanjenkidul), serial 0101; a man born 17-08-1985.
    private const string Woman = "3572014107900101";
    private const string Man = "3572021708850042";
    private const string FamilyCard = "3572010101200101";

    private static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly HashSet<string> Villages = ["35.72.01.1004", "35.72.02.1001", "35.05.01.2001"];

    private static readonly IntakeContext Context = new(Today, FindDistrict, code => Villages.Contains(code));

    private static readonly IntakeProgram Program = new(7, 1, "Pelatihan Wirausaha 2026", ProgramStatus.Active, Today.AddDays(-3), Today.AddDays(10), null,
        "35.72", [new IntakeTrack(11, "Jajanan", false), new IntakeTrack(12, "Menjahit", true), new IntakeTrack(13, "Produk Rumah Tangga", false)]);

    private static NikRegion? FindDistrict(string code) => code switch
    {
        "35.72.01" => new NikRegion(code, "Kepanjenkidul", "Kota Blitar", "Jawa Timur"),
        "35.72.02" => new NikRegion(code, "Sukorejo", "Kota Blitar", "Jawa Timur"),
        _ => null,
    };

    private static ApplicationInput Valid() => new()
    {
        ProgramId = 7,
        Nik = Woman,
        FamilyCardNumber = FamilyCard,
        FullName = "  Siti   Aminah ",
        BirthDate = "01/07/1990",
        VillageCode = "35.72.01.1004",
        Phone = "0812-3456-7890",
        FirstTrackId = 11,
        SecondTrackId = 12,
        Motivation = "  Ingin membuka usaha.  ",
        Consent = true,
    };

    private static FieldIssue Refused(ApplicationInput input, string field)
    {
        var check = ApplicationRules.Check(input, Program, Context);
        Assert.Null(check.Values);
        return Assert.Single(check.Errors, e => e.Field == field);
    }

    [Fact]
    public void AValidApplicationIsCleanedAndPassesTheBasicChecks()
    {
        var check = ApplicationRules.Check(Valid(), Program, Context);

        var values = Assert.IsType<ApplicationValues>(check.Values);
        Assert.Empty(check.Errors);
        Assert.Equal("Siti Aminah", values.FullName);
        Assert.Equal(Sex.Female, values.Sex);
        Assert.Equal(new DateOnly(1990, 7, 1), values.BirthDate);
        Assert.Equal("+6281234567890", values.Phone);
        Assert.Equal(12, values.SecondTrackId);
        Assert.Equal("Ingin membuka usaha.", values.Motivation);
        Assert.Equal(["nik", "birth-date", "domicile"], check.Checks.Select(c => c.Code));
        Assert.All(check.Checks, c => Assert.True(c.Passed));
    }

    [Fact]
    public void WithoutConsentTheApplicationIsRefused()
    {
        var issue = Refused(Valid() with { Consent = false }, "consent");

        Assert.Equal(ApplicationMessages.ConsentRequiredMessage, issue.Message);
    }

    [Fact]
    public void TheBirthDateMustAgreeWithTheNik()
    {
        var issue = Refused(Valid() with { BirthDate = "1990-07-02" }, "birthDate");

        Assert.Equal(PersonMessages.BirthDateMismatchMessage, issue.Message);
        Assert.Equal(["02-07-1990", "01-07-1990"], issue.Args);
        Assert.Equal(PersonMessages.BirthDateMismatchAdvice, issue.Advice);
    }

    [Theory]
    [InlineData("nik", "required")]
    [InlineData("familyCardNumber", "required")]
    [InlineData("fullName", "required")]
    [InlineData("birthDate", "required")]
    [InlineData("villageCode", "required")]
    [InlineData("phone", "required")]
    [InlineData("firstTrackId", "required")]
    public void EveryRequiredFieldSaysSo(string field, string code)
    {
        var input = field switch
        {
            "nik" => Valid() with { Nik = " " },
            "familyCardNumber" => Valid() with { FamilyCardNumber = null },
            "fullName" => Valid() with { FullName = "" },
            "birthDate" => Valid() with { BirthDate = null },
            "villageCode" => Valid() with { VillageCode = "" },
            "phone" => Valid() with { Phone = null },
            _ => Valid() with { FirstTrackId = null },
        };

        Assert.Equal(code, Refused(input, field).Code);
    }

    [Fact]
    public void AnUnknownOrOldKelurahanIsRefused()
    {
        Assert.Equal("unknown", Refused(Valid() with { VillageCode = "35.72.01.9999" }, "villageCode").Code);
    }

    [Fact]
    public void AKelurahanOutsideTheProgramsAreaIsAWarning()
    {
        var check = ApplicationRules.Check(Valid() with { VillageCode = "35.05.01.2001" }, Program, Context);

        Assert.NotNull(check.Values);
        var domicile = Assert.Single(check.Checks, c => c.Code == IntakeCheckCodes.Domicile);
        Assert.False(domicile.Passed);
        Assert.Equal(["35.05.01.2001", "35.72"], domicile.Args);
    }

    [Fact]
    public void WithoutADomicileRuleThereIsNoDomicileCheck()
    {
        var check = ApplicationRules.Check(Valid() with { VillageCode = "35.05.01.2001" }, Program with { DomicileRegencyCode = null }, Context);

        Assert.DoesNotContain(check.Checks, c => c.Code == IntakeCheckCodes.Domicile);
    }

    [Fact]
    public void TracksMustBelongToTheProgramAndDiffer()
    {
        Assert.Equal("unknown", Refused(Valid() with { FirstTrackId = 99 }, "firstTrackId").Code);
        Assert.Equal("unknown", Refused(Valid() with { SecondTrackId = 99 }, "secondTrackId").Code);
        Assert.Equal("same", Refused(Valid() with { SecondTrackId = 11 }, "secondTrackId").Code);
        Assert.Null(ApplicationRules.Check(Valid() with { SecondTrackId = null }, Program, Context).Values!.SecondTrackId);
    }

    [Fact]
    public void AManChoosingATrackForWomenIsWarnedNotRefused()
    {
        var check = ApplicationRules.Check(Valid() with { Nik = Man, BirthDate = "17-08-1985", FirstTrackId = 12, SecondTrackId = null }, Program, Context);

        Assert.NotNull(check.Values);
        Assert.False(Assert.Single(check.Checks, c => c.Code == IntakeCheckCodes.Track).Passed);
    }

    [Fact]
    public void TheMotivationHasAtMostAThousandCharacters()
    {
        Assert.NotNull(ApplicationRules.Check(Valid() with { Motivation = new string('a', 1000) }, Program, Context).Values);
        Assert.Equal("too-long", Refused(Valid() with { Motivation = new string('a', 1001) }, "motivation").Code);
        Assert.Null(ApplicationRules.Check(Valid() with { Motivation = "   " }, Program, Context).Values!.Motivation);
    }

    [Fact]
    public void ABadPhoneNumberIsRefused()
    {
        Assert.Equal("invalid", Refused(Valid() with { Phone = "nomor saya" }, "phone").Code);
    }

    [Fact]
    public void AllProblemsAreReportedTogether()
    {
        var check = ApplicationRules.Check(new ApplicationInput { ProgramId = 7 }, Program, Context);

        Assert.Equal(["nik", "familyCardNumber", "fullName", "birthDate", "villageCode", "phone", "firstTrackId", "consent"], check.Errors.Select(e => e.Field));
    }

    [Fact]
    public void RegistrationIsOpenFromTheFirstToTheLastDayInclusive()
    {
        var program = Program with { RegistrationOpens = Today, RegistrationCloses = Today };

        Assert.Null(ApplicationRules.RegistrationWindow(program, Today));
        Assert.Equal("not-open", ApplicationRules.RegistrationWindow(program, Today.AddDays(-1))!.Code);
        Assert.Equal("closed", ApplicationRules.RegistrationWindow(program, Today.AddDays(1))!.Code);
        Assert.Equal("closed", ApplicationRules.RegistrationWindow(program with { Status = ProgramStatus.Archived }, Today)!.Code);
    }

    [Theory]
    [InlineData(true, false, null, false, false)]
    [InlineData(false, true, 3, true, true)]
    [InlineData(false, false, 3, false, true)]
    public void TheRegistrysChecksSayWhetherThePersonIsKnownAndTheirDesil(bool isNew, bool verified, int? desil, bool registryPassed, bool desilPassed)
    {
        var checks = new List<IntakeCheck>();

        ApplicationRules.AddRegistryChecks(checks, isNew, verified, desil);

        Assert.Equal(registryPassed, checks.Single(c => c.Code == IntakeCheckCodes.Registry).Passed);
        Assert.Equal(desilPassed, checks.Single(c => c.Code == IntakeCheckCodes.Desil).Passed);
    }
}
