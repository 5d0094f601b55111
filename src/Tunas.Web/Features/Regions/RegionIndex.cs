using System.Collections.Concurrent;
using System.Text.Json;

namespace Tunas.Web.Features.Regions;

/// <summary>One region as loaded, with its search key.</summary>
public sealed record RegionRow(string Code, string Name, RegionLevel Level, string? ParentCode, bool IsCurrent, string SearchName);

/// <summary>
/// Every region (about 91,600) of one <see cref="Version"/>, never changed after it is built: lookups, children
/// by name, counts and name search without the database. Answers are serialised once and kept, because the
/// same few thousand codes are asked for again and again by every form's region picker.
/// </summary>
public sealed class RegionIndex
{
    private const int MaxCachedSearches = 4_096;

    private readonly RegionSummary[] _regions;
    private readonly string[] _searchNames;
    private readonly Dictionary<string, int> _byCode;
    private readonly Dictionary<string, int[]> _children;
    private readonly int[] _current;
    private readonly Dictionary<long, int[]> _trigrams;
    private readonly JsonSerializerOptions _json;
    private readonly byte[]?[] _regionJson;
    private readonly ConcurrentDictionary<string, byte[]> _childrenJson = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SearchKey, byte[]> _searchJson = new();
    private readonly ConcurrentDictionary<string, RegionSummary[]> _villagesOf = new(StringComparer.Ordinal);

    public RegionIndex(long version, IReadOnlyList<RegionRow> rows, JsonSerializerOptions json)
    {
        Version = version;
        _json = json;
        _regions = new RegionSummary[rows.Count];
        _searchNames = new string[rows.Count];
        _byCode = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        var upper = new Dictionary<string, RegionSummary>(StringComparer.Ordinal);
        var villages = new Dictionary<string, RegionSummary>(rows.Count, StringComparer.Ordinal);
        var children = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var current = new List<int>(rows.Count);
        var trigrams = new Dictionary<long, List<int>>();
        var counts = new int[5];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var summary = new RegionSummary(r.Code, r.Name, r.Level, r.ParentCode, r.IsCurrent);
            _regions[i] = summary;
            _searchNames[i] = r.SearchName;
            _byCode[r.Code] = i;
            (r.Level == RegionLevel.Village ? villages : upper)[r.Code] = summary;
            if (!r.IsCurrent)
            {
                continue;
            }
            current.Add(i);
            counts[(int)r.Level]++;
            var parent = r.ParentCode ?? "";
            if (!children.TryGetValue(parent, out var siblings))
            {
                children[parent] = siblings = [];
            }
            siblings.Add(i);
            foreach (var t in TrigramsOf(r.SearchName).Distinct())
            {
                if (!trigrams.TryGetValue(t, out var postings))
                {
                    trigrams[t] = postings = [];
                }
                postings.Add(i);
            }
        }
        _children = children.ToDictionary(
            c => c.Key,
            c => c.Value.OrderBy(i => _regions[i].Name, StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
        _current = [.. current];
        _trigrams = trigrams.ToDictionary(t => t.Key, t => t.Value.ToArray());
        _regionJson = new byte[]?[rows.Count];
        Upper = upper;
        Villages = villages;
        Stats = new RegionStats(counts[(int)RegionLevel.Province], counts[(int)RegionLevel.Regency], counts[(int)RegionLevel.District], counts[(int)RegionLevel.Village]);
        StatsJson = JsonSerializer.SerializeToUtf8Bytes(Stats, _json);
    }

    /// <summary>The <see cref="RegionsVersion"/> read before the rows were.</summary>
    public long Version { get; }

    /// <summary>Provinces, regencies and districts by code, current or not.</summary>
    public IReadOnlyDictionary<string, RegionSummary> Upper { get; }

    /// <summary>Every kelurahan/desa by code, current or not.</summary>
    public IReadOnlyDictionary<string, RegionSummary> Villages { get; }

    /// <summary>Current regions per level.</summary>
    public RegionStats Stats { get; }

    public byte[] StatsJson { get; }

    /// <summary>One region as a <see cref="RegionDto"/> in JSON, current or not; null when the code is unknown.</summary>
    public byte[]? RegionJson(string code)
    {
        if (!_byCode.TryGetValue(code, out var i))
        {
            return null;
        }
        // Two requests may serialise the same region at once; both write equal bytes.
        return _regionJson[i] ??= JsonSerializer.SerializeToUtf8Bytes(ToDto(_regions[i]), _json);
    }

    /// <summary>Current children by name, as a JSON array of <see cref="RegionDto"/>; the root (null) lists the provinces. Null when the parent is unknown.</summary>
    public byte[]? ChildrenJson(string? parentCode)
    {
        if (parentCode is not null && !_byCode.ContainsKey(parentCode))
        {
            return null;
        }
        var key = parentCode ?? "";
        if (_childrenJson.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var list = _children.TryGetValue(key, out var found) ? found.Select(i => ToDto(_regions[i])).ToList() : [];
        return _childrenJson.GetOrAdd(key, JsonSerializer.SerializeToUtf8Bytes(list, _json));
    }

    /// <summary>
    /// The current kelurahan/desa of one regency or city by name (id-ID, then code), found once per copy: the dashboard
    /// and the registry's pages ask at every request, and a pass over 84,000 villages with a sort cost milliseconds.
    /// </summary>
    public IReadOnlyList<RegionSummary> CurrentVillagesOf(string regencyCode)
    {
        ArgumentNullException.ThrowIfNull(regencyCode);
        return _villagesOf.GetOrAdd(regencyCode, regency =>
        {
            var prefix = regency + ".";
            return [.. Villages.Values.Where(v => v.IsCurrent && v.Code.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(v => v.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("id-ID"), ignoreCase: true))
                .ThenBy(v => v.Code, StringComparer.Ordinal)];
        });
    }

    /// <summary>
    /// Current regions whose search key contains <paramref name="folded"/> (a <see cref="Shared.SearchText.Key"/>):
    /// names that start with it first, then by level, the shorter name, the code.
    /// </summary>
    public List<RegionSearchHit> Search(string folded, RegionLevel? level, string? within, int take)
    {
        var prefix = string.IsNullOrWhiteSpace(within) ? null : within.Trim() + ".";
        var hits = new List<int>();
        foreach (var i in Candidates(folded))
        {
            var r = _regions[i];
            if ((level is null || r.Level == level) && (prefix is null || r.Code.StartsWith(prefix, StringComparison.Ordinal))
                && _searchNames[i].Contains(folded, StringComparison.Ordinal))
            {
                hits.Add(i);
            }
        }
        hits.Sort((a, b) =>
        {
            var (x, y) = (_searchNames[a], _searchNames[b]);
            var c = (x.StartsWith(folded, StringComparison.Ordinal) ? 0 : 1).CompareTo(y.StartsWith(folded, StringComparison.Ordinal) ? 0 : 1);
            c = c != 0 ? c : _regions[a].Level.CompareTo(_regions[b].Level);
            c = c != 0 ? c : x.Length.CompareTo(y.Length);
            return c != 0 ? c : string.CompareOrdinal(_regions[a].Code, _regions[b].Code);
        });
        return hits.Take(take).Select(i => _regions[i])
            .Select(r => new RegionSearchHit(r.Code, r.Name, r.Level, r.ParentCode, RegionsApi.PathOf(r.ParentCode, Upper)))
            .ToList();
    }

    /// <summary><see cref="Search"/> as JSON, kept for the next identical search while there is room.</summary>
    public byte[] SearchJson(string folded, RegionLevel? level, string? within, int take)
    {
        var key = new SearchKey(folded, level, within?.Trim() ?? "", take);
        if (_searchJson.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(Search(folded, level, within, take), _json);
        if (_searchJson.Count < MaxCachedSearches)
        {
            _searchJson.TryAdd(key, json);
        }
        return json;
    }

    /// <summary>The regions whose key holds the rarest of the query's trigrams (a superset of the hits); every current region for a two-letter query.</summary>
    private int[] Candidates(string folded)
    {
        if (folded.Length < 3)
        {
            return _current;
        }
        int[]? rarest = null;
        foreach (var t in TrigramsOf(folded))
        {
            if (!_trigrams.TryGetValue(t, out var postings))
            {
                return [];
            }
            if (rarest is null || postings.Length < rarest.Length)
            {
                rarest = postings;
            }
        }
        return rarest ?? [];
    }

    private static IEnumerable<long> TrigramsOf(string key)
    {
        for (var i = 0; i + 3 <= key.Length; i++)
        {
            yield return ((long)key[i] << 32) | ((long)key[i + 1] << 16) | key[i + 2];
        }
    }

    private static RegionDto ToDto(RegionSummary r) => new(r.Code, r.Name, r.Level, r.ParentCode);

    private readonly record struct SearchKey(string Folded, RegionLevel? Level, string Within, int Take);
}
