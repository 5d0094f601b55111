using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Shared;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("62812-3456-7890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("+62 (812) 3456.7890", "+6281234567890")]
    [InlineData("81234567890", "+6281234567890")]
    [InlineData("(0342) 801234", "+62342801234")]
    [InlineData(" 0812345678 ", "+62812345678")]
    public void IndonesianNumbersAreNormalisedToPlus62(string text, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(text, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("0812345")]                // too short
    [InlineData("08123456789012345")]      // too long
    [InlineData("00812345678")]            // national part starts with 0
    [InlineData("0812-3456-789O")]         // a letter O for a zero
    [InlineData("0812/3456/7890")]
    [InlineData("62+81234567890")]         // a plus that is not in front
    [InlineData("\u0660\u0668\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")] // Arabic-Indic digits
    public void AnythingElseIsRefused(string? text)
    {
        Assert.False(PhoneNumber.TryNormalize(text, out var normalized));
        Assert.Equal("", normalized);
    }
}
