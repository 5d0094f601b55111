using Tunas.Web.Features.Regions;

namespace Tunas.UnitTests.Features.Regions;

public class RegionPickerModelTests
{
    [Fact]
    public void WithoutARootThePickerShowsAllFourLevels()
    {
        var model = new RegionPickerModel("VillageCode", null);

        Assert.Equal(
            [RegionLevel.Province, RegionLevel.Regency, RegionLevel.District, RegionLevel.Village],
            model.Levels);
    }

    [Fact]
    public void ARegencyRootLeavesDistrictAndVillage()
    {
        var model = new RegionPickerModel("VillageCode", null, Root: "35.72", Depth: RegionLevel.Village);

        Assert.Equal([RegionLevel.District, RegionLevel.Village], model.Levels);
    }

    [Fact]
    public void ADistrictRootLeavesOnlyTheVillage()
    {
        var model = new RegionPickerModel("VillageCode", null, Root: "35.72.01");

        Assert.Equal([RegionLevel.Village], model.Levels);
    }

    [Fact]
    public void DepthRegencyStopsAtTheRegency()
    {
        var model = new RegionPickerModel("RegencyCode", null, Root: null, Depth: RegionLevel.Regency);

        Assert.Equal([RegionLevel.Province, RegionLevel.Regency], model.Levels);
    }

    [Fact]
    public void TheIdReplacesDotsWithUnderscores()
    {
        Assert.Equal("Input_Agency_RegencyCode", new RegionPickerModel("Input.Agency.RegencyCode", null).Id);
        Assert.Equal("VillageCode", new RegionPickerModel("VillageCode", null).Id);
    }
}
