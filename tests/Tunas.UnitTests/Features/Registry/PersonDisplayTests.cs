using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.UnitTests.Features.Registry;

public class PersonDisplayTests
{
    private static readonly Dictionary<string, RegionSummary> Villages = new(StringComparer.Ordinal)
    {
        ["35.72.01.1004"] = new RegionSummary("35.72.01.1004", "Kauman", RegionLevel.Village, "35.72.01", true),
    };

    [Theory]
    [InlineData("nik", "3572014107900101", "3572••••••••0101")]
    [InlineData("nik", "3572••••••••0101", "3572••••••••0101")]
    [InlineData("familyCardNumber", "3572010101200001", "3572••••••••0001")]
    [InlineData("birthDate", "1990-07-01", "01/07/1990")]
    [InlineData("villageCode", "35.72.01.1004", "Kauman (35.72.01.1004)")]
    [InlineData("education", "SeniorSecondary", "SLTA/sederajat")]
    [InlineData("householdRelation", "Head", "Kepala keluarga")]
    [InlineData("sex", "F", "Female")]
    [InlineData("disability", "true", "Yes")]
    [InlineData("phone", null, "—")]
    public void StoredValuesAreShownAsPeopleReadThem(string field, string? raw, string shown)
    {
        Assert.Equal(shown, PersonDisplay.Value(field, raw, new EnglishLocalizer(), Villages));
    }

    [Fact]
    public void TimesAreShownInWib()
    {
        Assert.Equal("01/01/2026 06:30 WIB", DateText.Time(new DateTime(2025, 12, 31, 23, 30, 0, DateTimeKind.Utc)));
    }

}
