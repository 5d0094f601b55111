using System.Globalization;
using Tunas.Web.Features.Shared;
using Xunit;

namespace Tunas.UnitTests.Features.Shared;

/// <summary>Masking, equality and a round trip over every birth date.</summary>
public partial class NikTests
{
    [Fact]
    public void ValidNikIsMasked()
    {
        Assert.Equal("3572••••••••0001", Nik.Mask(ValidMale));
        Assert.Equal("3572••••••••0001", Parse(ValidMale).Masked);
    }

    [Fact]
    public void ToStringIsMasked()
    {
        var nik = Parse(ValidMale);

        Assert.Equal("3572••••••••0001", nik.ToString());
        Assert.Equal("3572••••••••0001", $"{nik}");
        Assert.DoesNotContain("01019000", nik.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("123", "•••")]
    [InlineData("357201010190001", "•••••••••••••••")]
    [InlineData("35720101019000012345", "••••••••••••••••")]
    [InlineData("3572 0101 0190 01", "••••••••••••••••")]
    [InlineData("3.57201E+15", "•••••••••••")]
    [InlineData("３５７２０１０１０１９００００１", "••••••••••••••••")]
    public void InvalidInputIsFullyMasked(string? input, string expected)
    {
        Assert.Equal(expected, Nik.Mask(input));
    }

    [Fact]
    public void MaskIgnoresSurroundingWhitespace()
    {
        Assert.Equal("3572••••••••0001", Nik.Mask("  3572010101900001\t"));
    }

    [Fact]
    public void EqualNiksAreEqual()
    {
        Assert.Equal(Parse(ValidMale), Parse(" " + ValidMale));
        Assert.NotEqual(Parse(ValidMale), Parse(ValidFemale));
    }

    [Fact]
    public void IssueFormatUsesTheGivenTemplate()
    {
        var issue = Assert.Single(Check("123").Errors);

        Assert.Equal("NIK harus 16 digit; yang diisi 3 digit.", issue.Format("NIK harus 16 digit; yang diisi {0} digit."));
    }

    [Fact]
    public void EveryDayFrom1940To2025RoundTripsSexAndBirthDate()
    {
        var count = 0;
        for (var date = new DateOnly(1940, 1, 1); date <= new DateOnly(2025, 12, 31); date = date.AddDays(1))
        {
            var sex = count % 2 == 0 ? Sex.Male : Sex.Female;
            var serial = (count % 9999) + 1;
            var day = sex == Sex.Female ? date.Day + 40 : date.Day;
            var input = string.Create(
                CultureInfo.InvariantCulture,
                $"357201{day:00}{date.Month:00}{date.Year % 100:00}{serial:0000}");

            var check = Nik.Check(input, Today, FindDistrict);

            Assert.True(check.Valid, input);
            var nik = check.Nik!.Value;
            Assert.Equal(sex, nik.Sex);
            Assert.Equal(date, nik.BirthDate);
            Assert.Equal(input, nik.Value);
            count++;
        }

        Assert.Equal(31_412, count);
    }
}
