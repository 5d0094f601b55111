using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Shared;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.test\",\"klik\")", "'=HYPERLINK(\"http://evil.test\",\"klik\")")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("+6281234567890", "'+6281234567890")]
    public void ACellAFormulaWouldBeginWithGetsAQuoteInFront(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Cell(text));

    [Theory]
    [InlineData("3572014101900011")]
    [InlineData("081234567890")]
    [InlineData("SITI MA'RIFAH")]
    [InlineData("Jl. Mawar = 2")]
    [InlineData("'sudah dikutip")]
    [InlineData("")]
    public void OrdinaryTextPassesUnchanged(string text) => Assert.Equal(text, SpreadsheetText.Cell(text));

    [Fact]
    public void NullStaysNull() => Assert.Null(SpreadsheetText.Cell(null));
}
