using System.Globalization;
using Tunas.Web.Features.Shared;
using Xunit;

namespace Tunas.UnitTests.Features.Shared;

/// <summary>The NIK as typed: structure, birth date, sex and century, serial, length.</summary>
public partial class NikTests
{
    // 35.72.01, born 01-01-1990, serial 0001.
    private const string ValidMale = "3572010101900001";
    private const string ValidFemale = "3572014101900001";

    private static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly NikRegion Sukorejo = new("35.72.01", "Sukorejo", "Kota Blitar", "Jawa Timur");

    private static NikRegion? FindDistrict(string code) => code == Sukorejo.DistrictCode ? Sukorejo : null;

    private static NikRegion? FindNothing(string code) => null;

    private static NikCheck Check(string? input, Func<string, NikRegion?>? findDistrict = null) =>
        Nik.Check(input, Today, findDistrict);

    private static string ErrorCode(NikCheck check)
    {
        Assert.False(check.Valid);
        Assert.Null(check.Nik);
        return Assert.Single(check.Errors).Code;
    }

    private static string[] ErrorCodes(NikCheck check) => [.. check.Errors.Select(e => e.Code).Order(StringComparer.Ordinal)];

    private static Nik Parse(string input, DateOnly today)
    {
        var check = Nik.Check(input, today);
        Assert.True(check.Valid, string.Join("; ", check.Errors));
        Assert.NotNull(check.Nik);
        return check.Nik.Value;
    }

    private static Nik Parse(string input) => Parse(input, Today);

    [Fact]
    public void ValidMaleNikIsParsed()
    {
        var check = Check(ValidMale);

        Assert.True(check.Valid);
        Assert.Empty(check.Errors);
        Assert.Empty(check.Warnings);
        var nik = Assert.NotNull(check.Nik);
        Assert.Equal(ValidMale, nik.Value);
        Assert.Equal(Sex.Male, nik.Sex);
        Assert.Equal(new DateOnly(1990, 1, 1), nik.BirthDate);
        Assert.Equal("35.72.01", nik.DistrictCode);
        Assert.Equal("35.72", nik.RegencyCode);
        Assert.Equal("35", nik.ProvinceCode);
        Assert.Equal("0001", nik.Serial);
        Assert.Null(check.Region);
    }

    [Fact]
    public void ValidFemaleNikIsParsed()
    {
        var nik = Parse(ValidFemale);

        Assert.Equal(Sex.Female, nik.Sex);
        Assert.Equal(new DateOnly(1990, 1, 1), nik.BirthDate);
        Assert.Equal("35.72.01", nik.DistrictCode);
    }

    [Fact]
    public void WomanDayIsDayPlusForty()
    {
        var nik = Parse("3572015708850123");

        Assert.Equal(Sex.Female, nik.Sex);
        Assert.Equal(new DateOnly(1985, 8, 17), nik.BirthDate);
    }

    [Fact]
    public void DayFortyOneIsTheFirstForAWoman()
    {
        var nik = Parse("3572014103950002");

        Assert.Equal(Sex.Female, nik.Sex);
        Assert.Equal(new DateOnly(1995, 3, 1), nik.BirthDate);
    }

    [Fact]
    public void DaySeventyOneIsTheThirtyFirstForAWoman()
    {
        var nik = Parse("3572017112950002");

        Assert.Equal(Sex.Female, nik.Sex);
        Assert.Equal(new DateOnly(1995, 12, 31), nik.BirthDate);
    }

    [Fact]
    public void DayThirtyOneIsTheThirtyFirstForAMan()
    {
        var nik = Parse("3572013112950002");

        Assert.Equal(Sex.Male, nik.Sex);
        Assert.Equal(new DateOnly(1995, 12, 31), nik.BirthDate);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("32")]
    [InlineData("35")]
    [InlineData("40")]
    [InlineData("72")]
    [InlineData("80")]
    [InlineData("99")]
    public void DayOutsideManAndWomanRangesIsInvalid(string day)
    {
        var check = Check("357201" + day + "0190" + "0001");

        Assert.Equal(NikIssueCodes.DayInvalid, ErrorCode(check));
        Assert.Equal([day], check.Errors[0].Args);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("13")]
    [InlineData("99")]
    public void MonthOutsideOneToTwelveIsInvalid(string month)
    {
        var check = Check("35720101" + month + "90" + "0001");

        Assert.Equal(NikIssueCodes.MonthInvalid, ErrorCode(check));
        Assert.Equal([month], check.Errors[0].Args);
    }

    [Fact]
    public void ThirtyFirstOfAprilDoesNotExist()
    {
        var check = Check("3572013104900001");

        Assert.Equal(NikIssueCodes.DateInvalid, ErrorCode(check));
        Assert.Equal(["31-04-90"], check.Errors[0].Args);
    }

    [Fact]
    public void ThirtyFirstOfAprilDoesNotExistForAWomanEither()
    {
        var check = Check("3572017104900001");

        Assert.Equal(NikIssueCodes.DateInvalid, ErrorCode(check));
        Assert.Equal(["31-04-90"], check.Errors[0].Args);
    }

    [Fact]
    public void TwentyNinthFebruaryOfYearZeroIsTwoThousand()
    {
        var nik = Parse("3572012902000001");

        Assert.Equal(new DateOnly(2000, 2, 29), nik.BirthDate);
    }

    [Fact]
    public void TwentyNinthFebruaryOfYearOneDoesNotExist()
    {
        Assert.Equal(NikIssueCodes.DateInvalid, ErrorCode(Check("3572012902010001")));
    }

    [Fact]
    public void TwentyNinthFebruaryFallsBackToALeapYearInTheNineteenHundreds()
    {
        // 2024-02-29 is after "today", so the century falls back to 1924, which was a leap year.
        var nik = Parse("3572012902240001", new DateOnly(2023, 6, 1));

        Assert.Equal(new DateOnly(1924, 2, 29), nik.BirthDate);
    }

    [Fact]
    public void DateThatDoesNotExistInTheFallbackCenturyIsInvalid()
    {
        // Before 2000-02-29, the century falls back to 1900, which was not a leap year.
        var check = Nik.Check("3572012902000001", new DateOnly(1999, 6, 1));

        Assert.Equal(NikIssueCodes.DateInvalid, ErrorCode(check));
    }

    [Fact]
    public void BirthDateOfTodayIsInThisCentury()
    {
        var nik = Parse("3572012811260001");

        Assert.Equal(new DateOnly(2026, 11, 28), nik.BirthDate);
    }

    [Fact]
    public void BirthDateOfTomorrowIsAHundredYearsAgo()
    {
        var nik = Parse("3572012911260001");

        Assert.Equal(new DateOnly(1926, 11, 29), nik.BirthDate);
    }

    [Fact]
    public void LaterMonthOfThisYearIsAHundredYearsAgo()
    {
        var nik = Parse("3572010112260001");

        Assert.Equal(new DateOnly(1926, 12, 1), nik.BirthDate);
    }

    [Fact]
    public void CenturyDependsOnTheGivenToday()
    {
        Assert.Equal(new DateOnly(2010, 5, 5), Parse("3572010505100001", new DateOnly(2026, 1, 1)).BirthDate);
        Assert.Equal(new DateOnly(1910, 5, 5), Parse("3572010505100001", new DateOnly(2009, 1, 1)).BirthDate);
    }

    [Fact]
    public void SerialZeroIsInvalid()
    {
        Assert.Equal(NikIssueCodes.SerialZero, ErrorCode(Check("3572010101900000")));
    }

    [Fact]
    public void SerialNineThousandNineHundredNinetyNineIsValid()
    {
        Assert.Equal("9999", Parse("3572010101909999").Serial);
    }

    [Fact]
    public void IndependentErrorsAreReportedTogether()
    {
        var check = Check("3572010013900000", FindNothing);

        Assert.False(check.Valid);
        Assert.Equal(
            [NikIssueCodes.DayInvalid, NikIssueCodes.MonthInvalid, NikIssueCodes.SerialZero],
            ErrorCodes(check));
        Assert.Single(check.Warnings, w => w.Code == NikIssueCodes.DistrictUnknown);
    }

    [Fact]
    public void DateErrorAndSerialErrorAreReportedTogether()
    {
        var check = Check("3572013104900000");

        Assert.Equal([NikIssueCodes.DateInvalid, NikIssueCodes.SerialZero], ErrorCodes(check));
    }

    [Theory]
    [InlineData("357201010190001", 15)]
    [InlineData("35720101019000012", 17)]
    [InlineData("1", 1)]
    public void WrongLengthIsReportedWithTheDigitCount(string input, int length)
    {
        var check = Check(input);

        Assert.Equal(NikIssueCodes.Length, ErrorCode(check));
        Assert.Equal([length.ToString(CultureInfo.InvariantCulture)], check.Errors[0].Args);
        Assert.Equal(
            $"A NIK must have exactly 16 digits; this one has {length}.",
            check.Errors[0].Format(check.Errors[0].Message));
    }

    [Fact]
    public void WrongLengthStopsFurtherChecks()
    {
        // 15 digits with a zero day and zero serial: only the length is reported.
        var check = Check("357201000190000", FindNothing);

        Assert.Equal(NikIssueCodes.Length, ErrorCode(check));
        Assert.Empty(check.Warnings);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void EmptyInputIsRequired(string? input)
    {
        Assert.Equal(NikIssueCodes.Required, ErrorCode(Check(input)));
    }
}
