using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Shared;

public class DateTextTests
{
    [Theory]
    [InlineData("17/08/1990", 1990, 8, 17)]
    [InlineData("17-08-1990", 1990, 8, 17)]
    [InlineData("17.08.1990", 1990, 8, 17)]
    [InlineData("1990-08-17", 1990, 8, 17)]
    [InlineData("1990/08/17", 1990, 8, 17)]
    [InlineData("3/4/1990", 1990, 4, 3)]
    [InlineData(" 17/08/1990 ", 1990, 8, 17)]
    [InlineData("1990-08-17 00:00:00", 1990, 8, 17)]
    [InlineData("17/08/1990 0:00", 1990, 8, 17)]
    [InlineData("29/02/2000", 2000, 2, 29)]
    public void DatesAreReadDayFirstOrAsIso(string text, int year, int month, int day)
    {
        Assert.True(DateText.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("45000", 2023, 3, 15)]
    [InlineData("45000.75", 2023, 3, 15)]
    [InlineData("33055", 1990, 7, 1)]
    [InlineData("61", 1900, 3, 1)]
    public void ExcelDaySerialsAreUnderstood(string text, int year, int month, int day)
    {
        Assert.True(DateText.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("13/25/2020")]   // month first: there is no month 25
    [InlineData("08/17/1990")]   // month first: there is no month 17
    [InlineData("31/02/2020")]
    [InlineData("29/02/2001")]
    [InlineData("60")]           // Excel's phantom 29-02-1900
    [InlineData("-5")]
    [InlineData("99999")]
    [InlineData("01/01/1899")]
    [InlineData("17 Agustus 1990")]
    [InlineData("kemarin")]
    [InlineData("")]
    [InlineData(null)]
    public void AmbiguousImpossibleOrUnreadableDatesAreRefused(string? text)
    {
        Assert.False(DateText.TryParse(text, out _));
    }

    [Fact]
    public void IsoIsTheInvariantFormOfFilesAndApis()
    {
        Assert.Equal("1990-07-01", DateText.Iso(new DateOnly(1990, 7, 1)));
    }
}
