using System.Globalization;
using System.Text;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Bench;

/// <summary>
/// Writes generated residents the way a Dinas receives them: the usual Indonesian headers, kelurahan and
/// kecamatan by name, dates as dd/mm/yyyy. In XLSX the NIK and No. KK columns are text cells (formatted "@"),
/// except the rows spoiled as Excel-damaged, whose NIK is a numeric cell, as Excel leaves it.
/// </summary>
internal static class ResidentFiles
{
    public static readonly string[] Headers =
    [
        "NIK", "NO_KK", "NAMA_LENGKAP", "JK", "TEMPAT_LAHIR", "TGL_LAHIR", "ALAMAT", "RT", "RW", "KELURAHAN",
        "KECAMATAN", "DESIL", "NO_HP", "PEKERJAAN", "PENDIDIKAN", "STATUS_KAWIN", "SHDK",
    ];

    /// <summary>Names that are no kelurahan of Kota Blitar, for the rows spoiled with an unknown kelurahan.</summary>
    private static readonly string[] UnknownVillageNames = ["Sumberjo", "Karangsono", "Wonorejo", "Tawangsari", "Sidomulyo Kulon"];

    /// <summary>Kelurahan code → (kelurahan name, kecamatan name), from the shipped region files.</summary>
    public static Dictionary<string, (string Village, string District)> VillageNames(string regencyCode)
    {
        var regions = RegionFiles.Read(RegionFiles.DefaultFolder);
        var districts = regions.Where(r => r.Level == RegionLevel.District).ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        return regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(regencyCode + ".", StringComparison.Ordinal))
            .ToDictionary(r => r.Code, r => (r.Name, districts[r.ParentCode!]), StringComparer.Ordinal);
    }

    public static string[] Fields(SyntheticResident r, Dictionary<string, (string Village, string District)> names)
    {
        var (village, district) = names.TryGetValue(r.VillageCode, out var n)
            ? n
            : (UnknownVillageNames[int.Parse(r.VillageCode[^3..], CultureInfo.InvariantCulture) % UnknownVillageNames.Length], names.Values.First().District);
        return
        [
            r.Nik, r.FamilyCardNumber, r.FullName, r.Sex == Sex.Female ? "P" : "L", r.BirthPlace,
            r.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), r.Address, r.Rt, r.Rw, village, district,
            r.WelfareDecile.ToString(CultureInfo.InvariantCulture), r.Phone ?? "", r.Occupation, PersonCodes.Label(r.Education),
            PersonCodes.Label(r.MaritalStatus), PersonCodes.Label(r.HouseholdRelation),
        ];
    }

    /// <summary>Comma-separated, UTF-8 with a byte-order mark (as "CSV UTF-8" from a spreadsheet), quoted where needed.</summary>
    public static long WriteCsv(string path, IEnumerable<SyntheticResident> rows, Dictionary<string, (string Village, string District)> names)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 20);
        writer.Write(string.Join(',', Headers));
        writer.Write("\r\n");
        long count = 0;
        foreach (var row in rows)
        {
            var fields = Fields(row, names);
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }
                var f = fields[i];
                if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    writer.Write('"');
                    writer.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                    writer.Write('"');
                }
                else
                {
                    writer.Write(f);
                }
            }
            writer.Write("\r\n");
            count++;
        }
        return count;
    }

    public static async Task<long> WriteXlsxAsync(string path, IEnumerable<SyntheticResident> rows, Dictionary<string, (string Village, string District)> names)
    {
        await using var stream = File.Create(path);
        // Cell references (A1, B1…) as a spreadsheet program writes them; some readers need them.
        await using var sheet = await Spreadsheet.CreateNewAsync(stream, new SpreadCheetahOptions { WriteCellReferenceAttributes = true });
        await sheet.StartWorksheetAsync("Data");
        var text = sheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
        var date = sheet.AddStyle(new Style { Format = NumberFormat.Custom("dd/mm/yyyy") });
        await sheet.AddRowAsync(Headers.Select(h => new Cell(h)).ToArray());
        var cells = new Cell[Headers.Length];
        long count = 0;
        foreach (var row in rows)
        {
            var fields = Fields(row, names);
            for (var i = 0; i < fields.Length; i++)
            {
                cells[i] = new Cell(fields[i]);
            }
            // What Excel keeps of a NIK typed into a General cell: a number, shown as 3.57201E+15.
            cells[0] = row.Problem == SyntheticProblem.ExcelDamagedNik
                ? new Cell(double.Parse(row.Nik.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture))
                : new Cell(row.Nik, text);
            cells[1] = new Cell(row.FamilyCardNumber, text);
            cells[5] = new Cell(row.BirthDate.ToDateTime(TimeOnly.MinValue), date);
            cells[11] = new Cell(row.WelfareDecile);
            await sheet.AddRowAsync(cells);
            count++;
        }
        await sheet.FinishAsync();
        return count;
    }
}
