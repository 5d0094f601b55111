using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Shared;

public class TextInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u202E\uFEFF")]
    [InlineData("\u0000\u0007\u001B\u007F\u0085")]
    public void NothingVisibleIsNull(string? text)
    {
        Assert.Null(TextInput.Clean(text));
        Assert.Null(TextInput.CleanLines(text));
    }

    [Theory]
    [InlineData("SITI\u202EHAMINA", "SITIHAMINA")] // right-to-left override
    [InlineData("\u202DSITI\u202C AMINAH", "SITI AMINAH")] // left-to-right override and pop
    [InlineData("SITI\u2066 AMINAH\u2069", "SITI AMINAH")] // isolates
    [InlineData("\u200ESITI\u200F AMINAH", "SITI AMINAH")] // direction marks
    [InlineData("SI\u200BTI\u200C AMI\u200DNAH", "SITI AMINAH")] // zero-width space, non-joiner, joiner
    [InlineData("\uFEFFSITI AMINAH", "SITI AMINAH")] // byte-order mark from a CSV
    [InlineData("SITI\u0000 AMI\u0008NAH\u001B", "SITI AMINAH")] // C0 controls
    [InlineData("SITI\u0080 AMI\u009BNAH", "SITI AMINAH")] // C1 controls
    [InlineData("SITI\u007F AMINAH", "SITI AMINAH")] // delete
    public void ControlAndDirectionCharactersAreRemoved(string typed, string clean)
    {
        Assert.Equal(clean, TextInput.Clean(typed));
    }

    [Theory]
    [InlineData("MA\u2019RIFAH")] // ’ as Excel and Word type it
    [InlineData("MA\u2018RIFAH")] // ‘
    [InlineData("MA\u02BCRIFAH")] // ʼ modifier letter apostrophe
    [InlineData("MA`RIFAH")]
    [InlineData("MA\u00B4RIFAH")] // ´
    [InlineData("MA'RIFAH")]
    public void TypographicApostrophesBecomeOne(string typed)
    {
        Assert.Equal("MA'RIFAH", TextInput.Clean(typed));
    }

    [Fact]
    public void TypographicQuotesBecomePlain()
    {
        Assert.Equal("Toko \"Berkah\"", TextInput.Clean("Toko \u201CBerkah\u201D"));
    }

    [Theory]
    [InlineData("  SITI   AMINAH  ", "SITI AMINAH")]
    [InlineData("SITI\tAMINAH", "SITI AMINAH")]
    [InlineData("SITI\u00A0AMINAH", "SITI AMINAH")] // no-break space from a web page
    [InlineData("SITI\r\nAMINAH", "SITI AMINAH")]
    [InlineData("SITI\u2028AMINAH", "SITI AMINAH")]
    public void WhiteSpaceOfOneLineCollapsesToOneSpace(string typed, string clean)
    {
        Assert.Equal(clean, TextInput.Clean(typed));
    }

    [Fact]
    public void SeveralLinesKeepTheirBreaksAndLoseTheRest()
    {
        var typed = "  Saya   tidak setuju.\r\n\r\n\r\n\u202EAlasannya:\t nilai \n salah.  \n\n";

        Assert.Equal("Saya tidak setuju.\n\nAlasannya: nilai\nsalah.", TextInput.CleanLines(typed));
    }

    [Fact]
    public void LettersAccentsAndEmojiStay()
    {
        Assert.Equal("Ibu Nur\u00E9 \U0001F60A", TextInput.Clean("Ibu Nure\u0301 \U0001F60A"));
    }

    [Fact]
    public void HalfASurrogatePairIsDropped()
    {
        Assert.Equal("SITI", TextInput.Clean("SI\uD800TI\uDC00"));
    }

    [Fact]
    public void TheNameKeyTreatsEveryApostropheAlike()
    {
        Assert.Equal(PersonNames.Key("Ma'rifah"), PersonNames.Key("MA\u2019RIFAH"));
        Assert.Equal(PersonNames.Key("Ma'rifah"), PersonNames.Key("MA\u02BCRIFAH"));
        Assert.Equal(PersonNames.Key("Siti Aminah"), PersonNames.Key("SITI\u202E AMINAH"));
    }
}
