using System.Text;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>The kelurahan a row's cells point at, or why they point at none.</summary>
public sealed record VillageMatch(string? Code, ImportIssue? Issue);

/// <summary>
/// Turns what a file's KELURAHAN/DESA cell holds (a code, or a name however spelled) into a kelurahan code of the
/// regency/city being imported, narrowed by the KECAMATAN cell when there is one. A name that two kelurahan share
/// is refused, never guessed. Built once per import; results are remembered, since a file repeats the same few names.
/// </summary>
public sealed class VillageMatcher
{
    private static readonly string[] VillagePrefixes = ["kelurahan", "desa", "kel", "ds"];
    private static readonly string[] DistrictPrefixes = ["kecamatan", "kec"];

    private readonly string _regencyName;
    private readonly NameIndex _villagesByName = new();
    private readonly NameIndex _districtsByName = new();
    private readonly Dictionary<string, RegionSummary> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), VillageMatch> _seen = [];

    public VillageMatcher(string regencyCode, IReadOnlyDictionary<string, RegionSummary> villages, IReadOnlyDictionary<string, RegionSummary> upperLevels)
    {
        RegencyCode = regencyCode;
        _regencyName = upperLevels.TryGetValue(regencyCode, out var regency) ? regency.Name : regencyCode;
        var prefix = regencyCode + ".";
        foreach (var d in upperLevels.Values.Where(r => r.Level == RegionLevel.District && r.IsCurrent && r.Code.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _districts[d.Code] = d;
            _districtsByName.Add(d.Name, d, DistrictPrefixes);
        }
        foreach (var v in villages.Values.Where(r => r.IsCurrent && r.Code.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _villagesByName.Add(v.Name, v, VillagePrefixes);
        }
    }

    public string RegencyCode { get; }

    public VillageMatch Match(string? villageText, string? districtText)
    {
        var cacheKey = (villageText ?? "", districtText ?? "");
        if (!_seen.TryGetValue(cacheKey, out var match))
        {
            match = Resolve(villageText?.Trim(), districtText?.Trim());
            // A hostile file of a million different names must not grow the cache without end.
            if (_seen.Count < 100_000)
            {
                _seen[cacheKey] = match;
            }
        }
        return match;
    }

    private VillageMatch Resolve(string? village, string? district)
    {
        if (string.IsNullOrEmpty(village))
        {
            // The person rules say "choose the kelurahan" for an empty cell.
            return new VillageMatch(null, null);
        }
        if (AsCode(village, 4) is { } code)
        {
            // A code is taken as it is: the person rules check that it exists and lies in the agency's city.
            return new VillageMatch(code, null);
        }

        RegionSummary? inDistrict = null;
        if (!string.IsNullOrEmpty(district))
        {
            inDistrict = FindDistrict(district);
            if (inDistrict is null)
            {
                return Refuse(ImportField.District, ImportMessages.DistrictNotFoundMessage, ImportMessages.DistrictNotFoundAdvice, district, _regencyName);
            }
        }

        var candidates = _villagesByName.Find(village, VillagePrefixes);
        if (inDistrict is not null)
        {
            var all = candidates;
            candidates = [.. all.Where(v => v.ParentCode == inDistrict.Code)];
            if (candidates.Count == 0 && all.Count > 0)
            {
                return Refuse(ImportField.VillageCode, ImportMessages.VillageNotInDistrictMessage, ImportMessages.VillageNotInDistrictAdvice, village, inDistrict.Name);
            }
        }
        return candidates.Count switch
        {
            0 => Refuse(ImportField.VillageCode, ImportMessages.VillageNotFoundMessage, ImportMessages.VillageNotFoundAdvice, village, _regencyName),
            1 => new VillageMatch(candidates[0].Code, null),
            _ => Refuse(ImportField.VillageCode, ImportMessages.VillageAmbiguousMessage, ImportMessages.VillageAmbiguousAdvice, village, _regencyName,
                string.Join(", ", candidates.Select(c => _districts.TryGetValue(c.ParentCode ?? "", out var d) ? d.Name : c.ParentCode).Distinct())),
        };
    }

    private RegionSummary? FindDistrict(string text)
    {
        if (AsCode(text, 3) is { } code)
        {
            return _districts.GetValueOrDefault(code);
        }
        return _districtsByName.Find(text, DistrictPrefixes) is [var only] ? only : null;
    }

    private static VillageMatch Refuse(ImportField field, string message, string advice, params string[] args) =>
        new(null, new ImportIssue(field, message, args, advice));

    /// <summary>A dotted code with <paramref name="parts"/> parts, or the same digits undotted (3572011001).</summary>
    public static string? AsCode(string text, int parts)
    {
        var t = text.Trim();
        var digits = parts == 4 ? 10 : 6;
        if (t.Length == digits && t.All(char.IsAsciiDigit))
        {
            return parts == 4 ? $"{t[..2]}.{t[2..4]}.{t[4..6]}.{t[6..]}" : $"{t[..2]}.{t[2..4]}.{t[4..]}";
        }
        var split = t.Split('.');
        return split.Length == parts && split.All(s => s.Length > 0 && s.All(char.IsAsciiDigit)) ? t : null;
    }

    /// <summary>
    /// The key a name is known by: its <see cref="SearchText.Key"/> ("Kepanjen Kidul" = "KEPANJENKIDUL"), without
    /// a leading "Kelurahan"/"Desa"/"Kec." word.
    /// </summary>
    public static string Key(string name, string[] prefixes)
    {
        var words = SearchText.Fold(name).Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && prefixes.Contains(SearchText.Key(words[0])))
        {
            words.RemoveAt(0);
        }
        return SearchText.Key(string.Concat(words));
    }

    /// <summary>The key under the old Indonesian spelling (Ejaan Lama: oe→u, dj→j, tj→c, nj→ny, sj→sy, ch→kh) with doubled letters single.</summary>
    public static string Loose(string key)
    {
        var s = key.Replace("oe", "u", StringComparison.Ordinal)
            .Replace("dj", "j", StringComparison.Ordinal)
            .Replace("tj", "c", StringComparison.Ordinal)
            .Replace("nj", "ny", StringComparison.Ordinal)
            .Replace("sj", "sy", StringComparison.Ordinal)
            .Replace("ch", "kh", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (sb.Length == 0 || sb[^1] != c)
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Regions by exact key, and by loose key for when the exact one finds nothing ("Soekorejo" = "Sukorejo").</summary>
    private sealed class NameIndex
    {
        private readonly Dictionary<string, List<RegionSummary>> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<RegionSummary>> _loose = new(StringComparer.Ordinal);

        public void Add(string name, RegionSummary region, string[] prefixes)
        {
            var key = Key(name, prefixes);
            if (key.Length > 0)
            {
                Append(_exact, key, region);
                Append(_loose, Loose(key), region);
            }
        }

        public List<RegionSummary> Find(string name, string[] prefixes)
        {
            var key = Key(name, prefixes);
            if (key.Length == 0)
            {
                return [];
            }
            return _exact.GetValueOrDefault(key) ?? _loose.GetValueOrDefault(Loose(key)) ?? [];
        }

        private static void Append(Dictionary<string, List<RegionSummary>> index, string key, RegionSummary region)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }
            if (!list.Contains(region))
            {
                list.Add(region);
            }
        }
    }
}
