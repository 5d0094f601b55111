using Tunas.Web.Features.Registry.Imports;

namespace Tunas.UnitTests.Features.Registry.Imports;

public class ImportFieldsTests
{
    [Theory]
    [InlineData("NIK", ImportField.Nik)]
    [InlineData("No. KTP", ImportField.Nik)]
    [InlineData("NO_KK", ImportField.FamilyCardNumber)]
    [InlineData("NOKK", ImportField.FamilyCardNumber)]
    [InlineData("No. KK", ImportField.FamilyCardNumber)]
    [InlineData("Nomor Kartu Keluarga", ImportField.FamilyCardNumber)]
    [InlineData("NAMA", ImportField.FullName)]
    [InlineData("nama_lengkap", ImportField.FullName)]
    [InlineData("JK", ImportField.Sex)]
    [InlineData("Jenis Kelamin", ImportField.Sex)]
    [InlineData("L/P", ImportField.Sex)]
    [InlineData("TEMPAT_LAHIR", ImportField.BirthPlace)]
    [InlineData("TGL_LAHIR", ImportField.BirthDate)]
    [InlineData("Tanggal Lahir", ImportField.BirthDate)]
    [InlineData(" ALAMAT ", ImportField.Address)]
    [InlineData("RT", ImportField.Rt)]
    [InlineData("RW", ImportField.Rw)]
    [InlineData("KELURAHAN", ImportField.VillageCode)]
    [InlineData("DESA", ImportField.VillageCode)]
    [InlineData("KEL", ImportField.VillageCode)]
    [InlineData("DESA_KELURAHAN", ImportField.VillageCode)]
    [InlineData("Desa/Kelurahan", ImportField.VillageCode)]
    [InlineData("KECAMATAN", ImportField.District)]
    [InlineData("DESIL", ImportField.WelfareDecile)]
    [InlineData("NO_HP", ImportField.Phone)]
    [InlineData("HP", ImportField.Phone)]
    [InlineData("Telepon", ImportField.Phone)]
    [InlineData("WA", ImportField.Phone)]
    [InlineData("PEKERJAAN", ImportField.Occupation)]
    [InlineData("PENDIDIKAN", ImportField.Education)]
    [InlineData("STATUS_KAWIN", ImportField.MaritalStatus)]
    [InlineData("SHDK", ImportField.HouseholdRelation)]
    [InlineData("Hubungan", ImportField.HouseholdRelation)]
    [InlineData("DISABILITAS", ImportField.Disability)]
    [InlineData("STATUS_PEKERJAAN", ImportField.EmploymentStatus)]
    [InlineData("SUMBER_DATA", ImportField.WelfareSource)]
    [InlineData("TANGGAL_DATA", ImportField.WelfareAsOf)]
    [InlineData("familyCardNumber", ImportField.FamilyCardNumber)]
    public void TheUsualIndonesianColumnNamesAreRecognisedWhateverTheirCaseSpacesAndUnderscores(string header, ImportField field) =>
        Assert.Equal(field, ImportFields.Recognise(header));

    [Theory]
    [InlineData("KETERANGAN")]
    [InlineData("NO")]
    [InlineData("")]
    public void AColumnOfNoKnownMeaningIsLeftOut(string header) =>
        Assert.Null(ImportFields.Recognise(header));

    [Fact]
    public void TheFirstColumnOfAFieldWinsAndUnknownColumnsAreSkipped()
    {
        var map = ImportFields.Guess(["NO", "NIK", "NAMA", "NAMA_LENGKAP", "KETERANGAN"]);

        Assert.Equal(1, map[ImportField.Nik]);
        Assert.Equal(2, map[ImportField.FullName]);
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void TheHeaderIsFoundBelowATitleRow()
    {
        SheetRow[] rows =
        [
            Row(1, "DATA DTKS KELURAHAN KAUMAN 2025"),
            Row(2),
            Row(3, "No", "NIK", "Nama Lengkap", "Kelurahan"),
            Row(4, "1", "3572014107900011", "Siti", "Kauman"),
        ];

        var layout = ColumnLayout.Find(rows, null);

        Assert.Equal(3, layout.HeaderRowNumber);
        Assert.Equal(1, layout.Columns[ImportField.Nik]);
        Assert.Equal("Nama Lengkap", layout.HeaderOf(ImportField.FullName));
        Assert.Equal("NO_HP", layout.HeaderOf(ImportField.Phone));
    }

    [Fact]
    public void TheUsersMappingCorrectsTheGuessAndTakesTheColumnFromTheGuessedField()
    {
        Assert.True(ColumnMapping.TryParse("""{"nik": "NOMOR", "fullName": "NAMA PANGGILAN", "phone": null}""", out var mapping, out _));
        SheetRow[] rows = [Row(1, "NOMOR", "NIK LAMA", "NAMA", "NAMA PANGGILAN", "HP")];

        var layout = ColumnLayout.Find(rows, mapping);

        Assert.Equal(0, layout.Columns[ImportField.Nik]);
        Assert.Equal(3, layout.Columns[ImportField.FullName]);
        Assert.False(layout.Has(ImportField.Phone));
    }

    [Fact]
    public void TheStoredMappingListsEveryFieldAndReadsBackToTheSameLayout()
    {
        SheetRow[] rows = [Row(1, "NIK", "NAMA", "DESA", "KETERANGAN")];
        var layout = ColumnLayout.Find(rows, null);

        var again = ColumnLayout.Find(rows, ColumnMapping.Stored(layout.ToJson()));

        Assert.Equal(layout.Columns.OrderBy(c => c.Key), again.Columns.OrderBy(c => c.Key));
        Assert.Contains("\"welfareAsOf\":null", layout.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"nik\": 3}")]
    [InlineData("not json")]
    public void AMappingThatIsNotAnObjectOfColumnNamesIsRefused(string json)
    {
        Assert.False(ColumnMapping.TryParse(json, out _, out var unknown));
        Assert.Null(unknown);
    }

    [Fact]
    public void AMappingWithAnUnknownFieldNamesIt()
    {
        Assert.False(ColumnMapping.TryParse("""{"shoeSize": "SEPATU"}""", out _, out var unknown));
        Assert.Equal("shoeSize", unknown);
    }

    internal static SheetRow Row(int number, params string[] cells) => new(number, [.. cells.Select(Cell.FromText)]);
}
