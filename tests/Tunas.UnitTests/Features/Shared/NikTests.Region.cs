using System.Globalization;
using Tunas.Web.Features.Shared;
using Xunit;

namespace Tunas.UnitTests.Features.Shared;

/// <summary>Characters a NIK may not hold, Excel's damage, and the region coded in it.</summary>
public partial class NikTests
{
    [Theory]
    [InlineData("٣٥٧٢٠١٠١٠١٩٠٠٠٠١")] // Arabic-Indic digits
    [InlineData("３５７２０１０１０１９００００１")] // fullwidth digits
    [InlineData("۳۵۷۲۰۱۰۱۰۱۹۰۰۰۰۱")] // Extended Arabic-Indic (Persian) digits
    [InlineData("357201010190000١")] // one Arabic-Indic digit at the end
    public void NonAsciiDigitsAreRejected(string input)
    {
        Assert.Equal(NikIssueCodes.DigitsOnly, ErrorCode(Check(input)));
    }

    [Theory]
    [InlineData("3572 0101 0190 0001")]
    [InlineData("3572-0101-0190-0001")]
    [InlineData("35.72.01.010190.0001")]
    [InlineData("357201010190000O")]
    [InlineData("3572010101900001\u200B")]
    [InlineData("'3572010101900001")]
    public void InnerNonDigitCharactersAreRejected(string input)
    {
        Assert.Equal(NikIssueCodes.DigitsOnly, ErrorCode(Check(input)));
    }

    [Theory]
    [InlineData(" 3572010101900001")]
    [InlineData("3572010101900001 ")]
    [InlineData("\t3572010101900001\r\n")]
    [InlineData("\u00A03572010101900001\u00A0")]
    public void SurroundingWhitespaceIsTrimmed(string input)
    {
        Assert.Equal(ValidMale, Parse(input).Value);
    }

    [Theory]
    [InlineData("3.57201E+15")]
    [InlineData("3,57201E+15")]
    [InlineData("3.57201e+15")]
    [InlineData(" 3.5720101019E+15 ")]
    public void ScientificNotationIsReportedAsExcelDamage(string input)
    {
        var check = Check(input);

        Assert.Equal(NikIssueCodes.ExcelDamaged, ErrorCode(check));
        Assert.StartsWith("This NIK was damaged by Excel", check.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownDistrictReturnsTheRegion()
    {
        var check = Check(ValidMale, FindDistrict);

        Assert.True(check.Valid);
        Assert.Empty(check.Warnings);
        Assert.Equal(Sukorejo, check.Region);
    }

    [Fact]
    public void LookupReceivesTheDottedDistrictCode()
    {
        var asked = new List<string>();

        Check(ValidMale, code =>
        {
            asked.Add(code);
            return null;
        });

        Assert.Equal(["35.72.01"], asked);
    }

    [Fact]
    public void UnknownDistrictInKnownProvinceIsValidWithAWarning()
    {
        var check = Check("3572990101900001", FindDistrict);

        Assert.True(check.Valid);
        Assert.Empty(check.Errors);
        Assert.NotNull(check.Nik);
        Assert.Null(check.Region);
        var warning = Assert.Single(check.Warnings);
        Assert.Equal(NikIssueCodes.DistrictUnknown, warning.Code);
        Assert.Equal(["35.72.99"], warning.Args);
        Assert.Equal(
            "The district code 35.72.99 of this NIK is not in the current region list; it may be an old code from before a region split. Check the KTP.",
            warning.ToString());
    }

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("20")]
    [InlineData("22")]
    [InlineData("37")]
    [InlineData("54")]
    [InlineData("66")]
    [InlineData("77")]
    [InlineData("83")]
    [InlineData("98")]
    [InlineData("99")]
    public void UnknownProvinceIsAnError(string province)
    {
        var check = Check(province + "72010101900001", FindDistrict);

        Assert.Equal(NikIssueCodes.ProvinceUnknown, ErrorCode(check));
        Assert.Equal([province], check.Errors[0].Args);
        Assert.Empty(check.Warnings);
    }

    [Theory]
    [InlineData("3500010101900001", "35.00.01")]
    [InlineData("3572000101900001", "35.72.00")]
    [InlineData("3500000101900001", "35.00.00")]
    public void ARegencyOrDistrictOfZeroZeroIsAnError(string input, string region)
    {
        var check = Check(input, FindNothing);

        Assert.Equal(NikIssueCodes.RegionZero, ErrorCode(check));
        Assert.Equal([region], check.Errors[0].Args);
        Assert.Empty(check.Warnings);
        Assert.Contains("00", check.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARegionOfZeroZeroIsRefusedOnlyWhereRegionsAreChecked()
    {
        // Stored values are read back without the region check; what was stored before stays readable.
        Assert.True(Check("3572000101900001").Valid);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("19")]
    [InlineData("21")]
    [InlineData("31")]
    [InlineData("36")]
    [InlineData("51")]
    [InlineData("53")]
    [InlineData("61")]
    [InlineData("65")]
    [InlineData("71")]
    [InlineData("76")]
    [InlineData("81")]
    [InlineData("82")]
    [InlineData("91")]
    [InlineData("97")]
    public void EveryKnownProvinceOnlyWarnsAboutAnUnknownDistrict(string province)
    {
        var check = Check(province + "01010101900001", FindNothing);

        Assert.True(check.Valid);
        Assert.Equal(NikIssueCodes.DistrictUnknown, Assert.Single(check.Warnings).Code);
    }

    [Fact]
    public void KnownDistrictWinsOverTheProvinceList()
    {
        // A lookup that knows a district of a province newer than the hardcoded list is trusted.
        var region = new NikRegion("98.01.01", "Baru", "Kabupaten Baru", "Provinsi Baru");

        var check = Check("9801010101900001", code => code == region.DistrictCode ? region : null);

        Assert.True(check.Valid);
        Assert.Equal(region, check.Region);
    }

    [Fact]
    public void NullLookupSkipsTheRegionCheck()
    {
        var check = Check("9999990101900001");

        Assert.True(check.Valid);
        Assert.Empty(check.Warnings);
        Assert.Null(check.Region);
    }

    [Fact]
    public void TryParseSucceedsWithoutRegionCheck()
    {
        Assert.True(Nik.TryParse("9999994101900001", Today, out var nik));
        Assert.Equal(Sex.Female, nik.Sex);
        Assert.Equal("99.99.99", nik.DistrictCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3572010101900000")]
    [InlineData("abc")]
    public void TryParseFailsOnInvalidInput(string? input)
    {
        Assert.False(Nik.TryParse(input, Today, out var nik));
        Assert.Equal(default, nik);
        Assert.Equal(string.Empty, nik.Value);
        Assert.Equal(string.Empty, nik.ToString());
    }
}
