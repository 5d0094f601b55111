using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Shared;

public class SearchTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void NothingFoldsToAnEmptyString(string? text)
    {
        Assert.Equal("", SearchText.Fold(text));
        Assert.Equal("", SearchText.Key(text));
    }

    [Theory]
    [InlineData("KEPANJEN KIDUL", "kepanjen kidul")]
    [InlineData("Kepanjen Kidul", "kepanjen kidul")]
    [InlineData("  Kepanjen   KIDUL  ", "kepanjen kidul")]
    [InlineData("Kepanjen\tKidul", "kepanjen kidul")]
    [InlineData("Kepanjen-Kidul", "kepanjen-kidul")]
    [InlineData("Café Señor Águila", "cafe senor aguila")]
    [InlineData("Kota Blitar 2", "kota blitar 2")]
    public void FoldLowersRemovesAccentsAndKeepsOneSpaceBetweenWords(string text, string expected)
    {
        Assert.Equal(expected, SearchText.Fold(text));
    }

    [Fact]
    public void FoldTreatsDecomposedAndComposedAccentsAlike()
    {
        Assert.Equal("cafe", SearchText.Fold("Cafe\u0301"));
        Assert.Equal("cafe", SearchText.Fold("Caf\u00e9"));
    }

    [Theory]
    [InlineData("Kepanjen Kidul")]
    [InlineData("KEPANJEN-KIDUL")]
    [InlineData("Kepanjenkidul")]
    [InlineData("  kepanjen   kidul ")]
    [InlineData("Kepanjen, Kidul.")]
    [InlineData("Képánjen Kidul")]
    public void KeyMakesSpellingVariantsMeet(string text)
    {
        Assert.Equal("kepanjenkidul", SearchText.Key(text));
    }

    [Fact]
    public void KeyRemovesAccents()
    {
        Assert.Equal("senoraguila", SearchText.Key("Señor Águila"));
    }

    [Fact]
    public void KeyKeepsDigits()
    {
        Assert.Equal("rw05", SearchText.Key("RW 05"));
    }

    [Fact]
    public void KeyDropsQuotesAndApostrophes()
    {
        Assert.Equal("sokaan", SearchText.Key("Soka\"an"));
        Assert.Equal("sokaan", SearchText.Key("Soka'an"));
    }
}
