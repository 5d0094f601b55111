using System.Globalization;
using System.Text.RegularExpressions;
using Sylvan.Data.Csv;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Regions;

/// <summary>
/// Reads the four region CSV files in the shape of the npm package idn-area-data
/// (provinces.csv <c>code,name</c>; regencies.csv <c>code,province_code,name</c>; districts.csv
/// <c>code,regency_code,name</c>; villages.csv <c>code,district_code,name</c>) and checks them whole before
/// anything is written: codes of the right shape, every parent present, no code twice.
/// </summary>
public static partial class RegionFiles
{
    public static readonly (string File, RegionLevel Level, string ParentColumn)[] Layout =
    [
        ("provinces.csv", RegionLevel.Province, ""),
        ("regencies.csv", RegionLevel.Regency, "province_code"),
        ("districts.csv", RegionLevel.District, "regency_code"),
        ("villages.csv", RegionLevel.Village, "district_code"),
    ];

    /// <summary>The folder the app ships with (copied from the npm package at build time).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "regions");

    public static List<Region> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new RegionFileException($"Folder '{folder}' does not exist.");
        }
        var all = new List<Region>(92_000);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, level, parentColumn) in Layout)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new RegionFileException($"File '{file}' is missing in '{folder}'.");
            }
            var levelCodes = new List<Region>();
            using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
            var codeAt = Column(reader, "code", file);
            var nameAt = Column(reader, "name", file);
            var parentAt = parentColumn.Length == 0 ? -1 : Column(reader, parentColumn, file);
            var line = 1;
            while (reader.Read())
            {
                line++;
                var code = reader.GetString(codeAt).Trim();
                var name = reader.GetString(nameAt).Trim();
                if (!CodePattern(level).IsMatch(code))
                {
                    throw new RegionFileException($"{file} line {line}: '{code}' is not a {level.ToString().ToLowerInvariant()} code.");
                }
                if (name.Length == 0)
                {
                    throw new RegionFileException($"{file} line {line}: the name is empty.");
                }
                var parent = Region.ParentOf(code);
                if (parentAt >= 0 && !string.Equals(reader.GetString(parentAt).Trim(), parent, StringComparison.Ordinal))
                {
                    throw new RegionFileException($"{file} line {line}: code '{code}' does not belong to parent '{reader.GetString(parentAt)}'.");
                }
                if (parent is not null && !known.Contains(parent))
                {
                    throw new RegionFileException($"{file} line {line}: parent '{parent}' of '{code}' is not in the files.");
                }
                if (!known.Add(code))
                {
                    throw new RegionFileException($"{file} line {line}: code '{code}' appears twice.");
                }
                all.Add(new Region { Code = code, Name = name, Level = level, ParentCode = parent, SearchName = SearchText.Key(name) });
            }
        }
        return all;
    }

    private static int Column(CsvDataReader reader, string name, string file)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (string.Equals(reader.GetName(i).Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        throw new RegionFileException($"{file}: column '{name}' is missing.");
    }

    private static Regex CodePattern(RegionLevel level) => level switch
    {
        RegionLevel.Province => ProvinceCode(),
        RegionLevel.Regency => RegencyCode(),
        RegionLevel.District => DistrictCode(),
        _ => VillageCode(),
    };

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex ProvinceCode();

    [GeneratedRegex("^[0-9]{2}\\.[0-9]{2}$")]
    private static partial Regex RegencyCode();

    [GeneratedRegex("^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$")]
    private static partial Regex DistrictCode();

    [GeneratedRegex("^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$")]
    private static partial Regex VillageCode();
}

public sealed class RegionFileException(string message) : Exception(message);
