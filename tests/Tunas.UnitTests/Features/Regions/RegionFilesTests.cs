using Tunas.Web.Features.Regions;

namespace Tunas.UnitTests.Features.Regions;

public sealed class RegionFilesTests : IDisposable
{
    private const string Provinces = "code,name\n35,Jawa Timur\n";
    private const string Regencies = "code,province_code,name\n35.72,35,Kota Blitar\n";
    private const string Districts = "code,regency_code,name\n35.72.01,35.72,Sukorejo\n35.72.02,35.72,Kepanjenkidul\n";
    private const string Villages = "code,district_code,name\n35.72.01.1001,35.72.01,Sukorejo\n35.72.02.1001,35.72.02,Kepanjen Kidul\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tunas-regions-" + Guid.NewGuid().ToString("N"));

    public RegionFilesTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Write(
        string provinces = Provinces,
        string regencies = Regencies,
        string districts = Districts,
        string villages = Villages)
    {
        File.WriteAllText(Path.Combine(_folder, "provinces.csv"), provinces);
        File.WriteAllText(Path.Combine(_folder, "regencies.csv"), regencies);
        File.WriteAllText(Path.Combine(_folder, "districts.csv"), districts);
        File.WriteAllText(Path.Combine(_folder, "villages.csv"), villages);
    }

    private string Rejected()
    {
        var e = Assert.Throws<RegionFileException>(() => RegionFiles.Read(_folder));
        return e.Message;
    }

    [Fact]
    public void AGoodTinySetReadsEveryLevelWithItsParent()
    {
        Write();

        var regions = RegionFiles.Read(_folder);

        Assert.Equal(
            [
                ("35", RegionLevel.Province, (string?)null, "Jawa Timur", "jawatimur"),
                ("35.72", RegionLevel.Regency, "35", "Kota Blitar", "kotablitar"),
                ("35.72.01", RegionLevel.District, "35.72", "Sukorejo", "sukorejo"),
                ("35.72.02", RegionLevel.District, "35.72", "Kepanjenkidul", "kepanjenkidul"),
                ("35.72.01.1001", RegionLevel.Village, "35.72.01", "Sukorejo", "sukorejo"),
                ("35.72.02.1001", RegionLevel.Village, "35.72.02", "Kepanjen Kidul", "kepanjenkidul"),
            ],
            regions.Select(r => (r.Code, r.Level, r.ParentCode, r.Name, r.SearchName)));
        Assert.All(regions, r => Assert.True(r.IsCurrent));
    }

    [Fact]
    public void QuotedNamesWithCommasAndDoubledQuotesAreReadWhole()
    {
        Write(villages: "code,district_code,name\n"
            + "35.72.01.1001,35.72.01,\"Soka\"\"an\"\n"
            + "35.72.02.1001,35.72.02,\"Kepanjen Kidul, Kota\"\n");

        var villages = RegionFiles.Read(_folder).Where(r => r.Level == RegionLevel.Village).ToList();

        Assert.Equal(["Soka\"an", "Kepanjen Kidul, Kota"], villages.Select(v => v.Name));
        Assert.Equal(["sokaan", "kepanjenkidulkota"], villages.Select(v => v.SearchName));
    }

    [Fact]
    public void ColumnsAreFoundByNameInAnyOrder()
    {
        Write(regencies: "name,code,province_code\nKota Blitar,35.72,35\n");

        var regency = Assert.Single(RegionFiles.Read(_folder), r => r.Level == RegionLevel.Regency);

        Assert.Equal(("35.72", "35", "Kota Blitar"), (regency.Code, regency.ParentCode, regency.Name));
    }

    [Fact]
    public void SpacesAroundCodesAndNamesAreTrimmed()
    {
        Write(provinces: "code,name\n 35 , Jawa Timur \n");

        var province = Assert.Single(RegionFiles.Read(_folder), r => r.Level == RegionLevel.Province);

        Assert.Equal(("35", "Jawa Timur"), (province.Code, province.Name));
    }

    [Fact]
    public void AMissingFolderIsRefused()
    {
        var missing = Path.Combine(_folder, "nowhere");

        var e = Assert.Throws<RegionFileException>(() => RegionFiles.Read(missing));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFolderIsRefused()
    {
        Assert.Contains("provinces.csv", Rejected(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsRefusedByName()
    {
        Write();
        File.Delete(Path.Combine(_folder, "villages.csv"));

        var message = Rejected();

        Assert.Contains("villages.csv", message, StringComparison.Ordinal);
        Assert.Contains(_folder, message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingColumnIsRefusedWithFileAndColumn()
    {
        Write(regencies: "code,name\n35.72,Kota Blitar\n");

        var message = Rejected();

        Assert.Contains("regencies.csv", message, StringComparison.Ordinal);
        Assert.Contains("province_code", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortRegencyCodeIsRefusedWithFileAndLine()
    {
        Write(regencies: "code,province_code,name\n35.7,35,Kota Blitar\n");

        var message = Rejected();

        Assert.Contains("regencies.csv line 2", message, StringComparison.Ordinal);
        Assert.Contains("'35.7'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVillageCodeWithThreeDigitsIsRefusedWithFileAndLine()
    {
        Write(villages: "code,district_code,name\n35.72.01.1001,35.72.01,Sukorejo\n35.72.01.101,35.72.01,Pakunden\n");

        var message = Rejected();

        Assert.Contains("villages.csv line 3", message, StringComparison.Ordinal);
        Assert.Contains("'35.72.01.101'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProvinceCodeWithLettersIsRefused()
    {
        Write(provinces: "code,name\nJT,Jawa Timur\n");

        Assert.Contains("provinces.csv line 2", Rejected(), StringComparison.Ordinal);
    }

    [Fact]
    public void AChildWhoseParentColumnDisagreesWithItsCodeIsRefused()
    {
        Write(districts: "code,regency_code,name\n35.72.01,35.73,Sukorejo\n");

        var message = Rejected();

        Assert.Contains("districts.csv line 2", message, StringComparison.Ordinal);
        Assert.Contains("35.73", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChildWhoseParentIsAbsentIsRefused()
    {
        Write(villages: "code,district_code,name\n35.72.01.1001,35.72.01,Sukorejo\n35.72.03.1001,35.72.03,Sentul\n");

        var message = Rejected();

        Assert.Contains("villages.csv line 3", message, StringComparison.Ordinal);
        Assert.Contains("'35.72.03'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegencyInAnAbsentProvinceIsRefused()
    {
        Write(regencies: "code,province_code,name\n35.72,35,Kota Blitar\n36.01,36,Kabupaten Pandeglang\n");

        var message = Rejected();

        Assert.Contains("regencies.csv line 3", message, StringComparison.Ordinal);
        Assert.Contains("'36'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateCodeIsRefused()
    {
        Write(districts: "code,regency_code,name\n35.72.01,35.72,Sukorejo\n35.72.02,35.72,Kepanjenkidul\n35.72.01,35.72,Sukorejo Lagi\n");

        var message = Rejected();

        Assert.Contains("districts.csv line 4", message, StringComparison.Ordinal);
        Assert.Contains("'35.72.01'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyNameIsRefused()
    {
        Write(villages: "code,district_code,name\n35.72.01.1001,35.72.01,Sukorejo\n35.72.02.1001,35.72.02,  \n");

        Assert.Contains("villages.csv line 3", Rejected(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedFilesAreCompleteAndConsistent()
    {
        var folder = RegionFiles.DefaultFolder;
        foreach (var (file, _, _) in RegionFiles.Layout)
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} was not copied to {folder}.");
        }

        var regions = RegionFiles.Read(folder);

        var counts = regions.GroupBy(r => r.Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(38, counts[RegionLevel.Province]);
        Assert.Equal(514, counts[RegionLevel.Regency]);
        Assert.Equal(7285, counts[RegionLevel.District]);
        Assert.Equal(83762, counts[RegionLevel.Village]);
        var kauman = Assert.Single(regions, r => r.Code == "35.72.01.1004");
        Assert.Equal("Kauman", kauman.Name);
        Assert.Equal("35.72.01", kauman.ParentCode);
    }
}
