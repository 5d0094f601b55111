using System.Globalization;
using Tunas.Web.Features.Shared;
using Xunit;

namespace Tunas.UnitTests.Features.Shared;

public class FamilyCardNumberTests
{
    // 35.72.01, issued 23-01-2015, serial 0003.
    private const string Valid = "3572012301150003";

    private static readonly NikRegion Sukorejo = new("35.72.01", "Sukorejo", "Kota Blitar", "Jawa Timur");

    private static NikRegion? FindDistrict(string code) => code == Sukorejo.DistrictCode ? Sukorejo : null;

    private static string ErrorCode(FamilyCardNumberCheck check)
    {
        Assert.False(check.Valid);
        Assert.Null(check.FamilyCardNumber);
        return Assert.Single(check.Errors).Code;
    }

    [Fact]
    public void ValidNumberIsParsed()
    {
        var check = FamilyCardNumber.Check(Valid);

        Assert.True(check.Valid);
        Assert.Empty(check.Errors);
        Assert.Empty(check.Warnings);
        var kk = Assert.NotNull(check.FamilyCardNumber);
        Assert.Equal(Valid, kk.Value);
        Assert.Equal("35.72.01", kk.DistrictCode);
        Assert.Equal("35.72", kk.RegencyCode);
        Assert.Equal("35", kk.ProvinceCode);
        Assert.Null(check.Region);
    }

    [Theory]
    [InlineData("3572010000000001")]
    [InlineData("3572019999990001")]
    [InlineData("3572013102010001")]
    [InlineData("3572014101900001")]
    public void IssueDatePartIsNotValidated(string input)
    {
        Assert.True(FamilyCardNumber.Check(input).Valid);
    }

    [Fact]
    public void SerialZeroIsInvalid()
    {
        var check = FamilyCardNumber.Check("3572012301150000");

        Assert.Equal(NikIssueCodes.SerialZero, ErrorCode(check));
        Assert.Contains("No. KK", check.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void EmptyInputIsRequired(string? input)
    {
        Assert.Equal(NikIssueCodes.Required, ErrorCode(FamilyCardNumber.Check(input)));
    }

    [Theory]
    [InlineData("357201230115003", 15)]
    [InlineData("35720123011500031", 17)]
    public void WrongLengthIsReportedWithTheDigitCount(string input, int length)
    {
        var check = FamilyCardNumber.Check(input);

        Assert.Equal(NikIssueCodes.Length, ErrorCode(check));
        Assert.Equal([length.ToString(CultureInfo.InvariantCulture)], check.Errors[0].Args);
    }

    [Theory]
    [InlineData("٣٥٧٢٠١٢٣٠١١٥٠٠٠٣")]
    [InlineData("３５７２０１２３０１１５０００３")]
    [InlineData("3572 0123 0115 0003")]
    [InlineData("3572-0123-0115-0003")]
    public void NonAsciiDigitsAndInnerSeparatorsAreRejected(string input)
    {
        Assert.Equal(NikIssueCodes.DigitsOnly, ErrorCode(FamilyCardNumber.Check(input)));
    }

    [Fact]
    public void SurroundingWhitespaceIsTrimmed()
    {
        Assert.True(FamilyCardNumber.TryParse("\t" + Valid + " ", out var kk));
        Assert.Equal(Valid, kk.Value);
    }

    [Theory]
    [InlineData("3.57201E+15")]
    [InlineData("3,572012E+15")]
    public void ScientificNotationIsReportedAsExcelDamage(string input)
    {
        var check = FamilyCardNumber.Check(input);

        Assert.Equal(NikIssueCodes.ExcelDamaged, ErrorCode(check));
        Assert.Contains("No. KK", check.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownDistrictReturnsTheRegion()
    {
        var check = FamilyCardNumber.Check(Valid, FindDistrict);

        Assert.True(check.Valid);
        Assert.Empty(check.Warnings);
        Assert.Equal(Sukorejo, check.Region);
    }

    [Fact]
    public void UnknownDistrictInKnownProvinceIsValidWithAWarning()
    {
        var check = FamilyCardNumber.Check("3572992301150003", FindDistrict);

        Assert.True(check.Valid);
        Assert.NotNull(check.FamilyCardNumber);
        var warning = Assert.Single(check.Warnings);
        Assert.Equal(NikIssueCodes.DistrictUnknown, warning.Code);
        Assert.Equal(["35.72.99"], warning.Args);
        Assert.EndsWith("Check the KK.", warning.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3500012301150003")]
    [InlineData("3572002301150003")]
    public void ARegencyOrDistrictOfZeroZeroIsAnError(string input)
    {
        var check = FamilyCardNumber.Check(input, FindDistrict);

        Assert.Equal(NikIssueCodes.RegionZero, ErrorCode(check));
        Assert.Empty(check.Warnings);
    }

    [Fact]
    public void UnknownProvinceIsAnError()
    {
        var check = FamilyCardNumber.Check("9972012301150003", FindDistrict);

        Assert.Equal(NikIssueCodes.ProvinceUnknown, ErrorCode(check));
        Assert.Equal(["99"], check.Errors[0].Args);
    }

    [Fact]
    public void UnknownProvinceAndSerialZeroAreReportedTogether()
    {
        var check = FamilyCardNumber.Check("9972012301150000", FindDistrict);

        Assert.False(check.Valid);
        Assert.Equal(
            [NikIssueCodes.ProvinceUnknown, NikIssueCodes.SerialZero],
            check.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NullLookupSkipsTheRegionCheck()
    {
        var check = FamilyCardNumber.Check("9999992301150003");

        Assert.True(check.Valid);
        Assert.Empty(check.Warnings);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("3572012301150000")]
    public void TryParseFailsOnInvalidInput(string? input)
    {
        Assert.False(FamilyCardNumber.TryParse(input, out var kk));
        Assert.Equal(default, kk);
        Assert.Equal(string.Empty, kk.Value);
    }

    [Fact]
    public void ValueIsMaskedForDisplay()
    {
        Assert.True(FamilyCardNumber.TryParse(Valid, out var kk));

        Assert.Equal("3572••••••••0003", kk.Masked);
        Assert.Equal("3572••••••••0003", kk.ToString());
        Assert.Equal("3572••••••••0003", FamilyCardNumber.Mask(Valid));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("12345", "•••••")]
    [InlineData("ABCDEFGHIJKLMNOP", "••••••••••••••••")]
    [InlineData("35720123011500031234", "••••••••••••••••")]
    public void InvalidInputIsFullyMasked(string? input, string expected)
    {
        Assert.Equal(expected, FamilyCardNumber.Mask(input));
    }
}
