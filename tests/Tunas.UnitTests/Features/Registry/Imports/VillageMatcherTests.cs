using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry.Imports;

namespace Tunas.UnitTests.Features.Registry.Imports;

public class VillageMatcherTests
{
    // Kota Blitar (35.72) and Kabupaten Blitar (35.05), whose "Sukorejo" exists in three kecamatan.
    private static readonly RegionSummary[] Upper =
    [
        new("35", "Jawa Timur", RegionLevel.Province, null, true),
        new("35.72", "Kota Blitar", RegionLevel.Regency, "35", true),
        new("35.72.01", "Kepanjenkidul", RegionLevel.District, "35.72", true),
        new("35.72.02", "Sukorejo", RegionLevel.District, "35.72", true),
        new("35.05", "Kabupaten Blitar", RegionLevel.Regency, "35", true),
        new("35.05.02", "Udanawu", RegionLevel.District, "35.05", true),
        new("35.05.12", "Sutojayan", RegionLevel.District, "35.05", true),
        new("35.05.20", "Wates", RegionLevel.District, "35.05", true),
    ];

    private static readonly RegionSummary[] Villages =
    [
        new("35.72.01.1001", "Kepanjenkidul", RegionLevel.Village, "35.72.01", true),
        new("35.72.01.1004", "Kauman", RegionLevel.Village, "35.72.01", true),
        new("35.72.02.1006", "Sukorejo", RegionLevel.Village, "35.72.02", true),
        new("35.05.02.2009", "Sukorejo", RegionLevel.Village, "35.05.02", true),
        new("35.05.12.1007", "Sukorejo", RegionLevel.Village, "35.05.12", true),
        new("35.05.20.2006", "Sukorejo", RegionLevel.Village, "35.05.20", true),
        new("35.05.20.2001", "Purworejo", RegionLevel.Village, "35.05.20", true),
    ];

    private static VillageMatcher For(string regency) => new(regency,
        Villages.ToDictionary(v => v.Code, StringComparer.Ordinal), Upper.ToDictionary(u => u.Code, StringComparer.Ordinal));

    [Theory]
    [InlineData("35.72.01.1004")]
    [InlineData("3572011004")]
    [InlineData(" 35.72.01.1004 ")]
    public void ACodeIsTakenAsItIsDottedOrNot(string cell) =>
        Assert.Equal("35.72.01.1004", For("35.72").Match(cell, null).Code);

    [Theory]
    [InlineData("Kepanjenkidul")]
    [InlineData("Kepanjen Kidul")]
    [InlineData("KEPANJEN-KIDUL")]
    [InlineData("kel. kepanjen kidul")]
    [InlineData("Kelurahan Kepanjenkidul")]
    public void ANameIsMatchedWhateverItsSpacingCaseAndPrefix(string cell) =>
        Assert.Equal("35.72.01.1001", For("35.72").Match(cell, null).Code);

    [Fact]
    public void AnOldSpellingStillFindsTheKelurahan() =>
        Assert.Equal("35.72.02.1006", For("35.72").Match("Soekoredjo", null).Code);

    [Fact]
    public void ANameIsOnlyLookedUpInTheRegencyBeingImported()
    {
        var match = For("35.72").Match("Purworejo", null);

        Assert.Null(match.Code);
        Assert.Equal(ImportMessages.VillageNotFoundMessage, match.Issue!.Message);
        Assert.Equal(["Purworejo", "Kota Blitar"], match.Issue.Args);
    }

    [Fact]
    public void ANameOfKelurahanInSeveralKecamatanIsRefusedNotGuessed()
    {
        var match = For("35.05").Match("Sukorejo", null);

        Assert.Null(match.Code);
        Assert.Equal(ImportField.VillageCode, match.Issue!.Field);
        Assert.Equal(ImportMessages.VillageAmbiguousMessage, match.Issue.Message);
        Assert.Equal("Udanawu, Sutojayan, Wates", match.Issue.Args[2]);
        Assert.Equal(ImportMessages.VillageAmbiguousAdvice, match.Issue.Advice);
    }

    [Theory]
    [InlineData("Wates")]
    [InlineData("KEC. WATES")]
    [InlineData("35.05.20")]
    public void TheKecamatanColumnTellsThemApart(string district) =>
        Assert.Equal("35.05.20.2006", For("35.05").Match("Sukorejo", district).Code);

    [Fact]
    public void AnUnknownKecamatanIsItsOwnProblem()
    {
        var match = For("35.05").Match("Sukorejo", "Atlantis");

        Assert.Equal(ImportField.District, match.Issue!.Field);
        Assert.Equal(ImportMessages.DistrictNotFoundMessage, match.Issue.Message);
    }

    [Fact]
    public void AKelurahanOutsideTheGivenKecamatanIsRefused()
    {
        var match = For("35.05").Match("Purworejo", "Udanawu");

        Assert.Equal(ImportMessages.VillageNotInDistrictMessage, match.Issue!.Message);
    }

    [Fact]
    public void AnEmptyCellIsLeftToThePersonRules()
    {
        var match = For("35.72").Match("", null);

        Assert.Null(match.Code);
        Assert.Null(match.Issue);
    }
}
