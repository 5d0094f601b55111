using System.Collections.Frozen;
using System.Text.Json;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>What a column of a resident file can hold. The names are the API's field names (camelCase).</summary>
public enum ImportField
{
    Nik,
    FamilyCardNumber,
    FullName,
    Sex,
    BirthPlace,
    BirthDate,
    Address,
    Rt,
    Rw,

    /// <summary>The kelurahan/desa, as a code (35.72.01.1001) or a name.</summary>
    VillageCode,

    /// <summary>The kecamatan, only used to tell apart kelurahan of the same name.</summary>
    District,
    Phone,
    Education,
    Occupation,
    EmploymentStatus,
    MaritalStatus,
    HouseholdRelation,
    Disability,
    WelfareDecile,
    WelfareSource,
    WelfareAsOf,
}

/// <summary>Recognises the column names of the files agencies have (Dukcapil, DTKS/DTSEN, kelurahan lists).</summary>
public static class ImportFields
{
    public static readonly IReadOnlyList<ImportField> All = Enum.GetValues<ImportField>();

    /// <summary>The API/JSON name of a field: <c>familyCardNumber</c>.</summary>
    public static string Name(ImportField field)
    {
        var s = field.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    public static bool TryParse(string? name, out ImportField field) =>
        Enum.TryParse(name?.Trim(), ignoreCase: true, out field) && Enum.IsDefined(field);

    /// <summary>The usual Indonesian column name, shown in the error report when the file had no such column.</summary>
    public static string UsualHeader(ImportField field) => field switch
    {
        ImportField.Nik => "NIK",
        ImportField.FamilyCardNumber => "NO_KK",
        ImportField.FullName => "NAMA_LENGKAP",
        ImportField.Sex => "JK",
        ImportField.BirthPlace => "TEMPAT_LAHIR",
        ImportField.BirthDate => "TGL_LAHIR",
        ImportField.Address => "ALAMAT",
        ImportField.Rt => "RT",
        ImportField.Rw => "RW",
        ImportField.VillageCode => "KELURAHAN",
        ImportField.District => "KECAMATAN",
        ImportField.Phone => "NO_HP",
        ImportField.Education => "PENDIDIKAN",
        ImportField.Occupation => "PEKERJAAN",
        ImportField.EmploymentStatus => "STATUS_PEKERJAAN",
        ImportField.MaritalStatus => "STATUS_KAWIN",
        ImportField.HouseholdRelation => "SHDK",
        ImportField.Disability => "DISABILITAS",
        ImportField.WelfareDecile => "DESIL",
        ImportField.WelfareSource => "SUMBER_DATA",
        _ => "TANGGAL_DATA",
    };

    /// <summary>The field a column name stands for, compared as <see cref="SearchText.Key"/> ("No. KK" = "NO_KK" = "nokk").</summary>
    public static ImportField? Recognise(string? header) =>
        Synonyms.TryGetValue(SearchText.Key(header), out var field) ? field : null;

    /// <summary>Each field to the first column whose name is recognised.</summary>
    public static Dictionary<ImportField, int> Guess(IReadOnlyList<string> headers)
    {
        var map = new Dictionary<ImportField, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (Recognise(headers[i]) is { } field)
            {
                map.TryAdd(field, i);
            }
        }
        return map;
    }

    private static readonly FrozenDictionary<string, ImportField> Synonyms = Build(
        (ImportField.Nik, ["nik", "noktp", "nomorktp", "nonik", "nomornik", "nomorindukkependudukan", "ktp", "nikktp"]),
        (ImportField.FamilyCardNumber, ["nokk", "nomorkk", "kk", "nokartukeluarga", "nomorkartukeluarga", "nkk", "nikk"]),
        (ImportField.FullName, ["nama", "namalengkap", "namaart", "namaanggota", "namapenduduk", "namawarga", "namasesuaiktp", "name"]),
        (ImportField.Sex, ["jk", "jeniskelamin", "kelamin", "lp", "jnskelamin", "gender"]),
        (ImportField.BirthPlace, ["tempatlahir", "tmplahir", "tmptlahir", "tptlahir"]),
        (ImportField.BirthDate, ["tgllahir", "tanggallahir", "tgllhr", "tanggallhr", "tglahir"]),
        (ImportField.Address, ["alamat", "alamatlengkap", "alamatrumah"]),
        (ImportField.Rt, ["rt", "nort"]),
        (ImportField.Rw, ["rw", "norw"]),
        (ImportField.VillageCode, ["kelurahan", "desa", "kel", "desakelurahan", "kelurahandesa", "keldesa", "desakel", "kodekelurahan",
            "kodedesa", "kodedesakelurahan", "kodekelurahandesa", "namakelurahan", "namadesa", "kdkel", "kddesa", "village"]),
        (ImportField.District, ["kecamatan", "kec", "namakecamatan", "kodekecamatan", "kdkec"]),
        (ImportField.Phone, ["nohp", "hp", "telepon", "telp", "notelp", "notelepon", "nomortelepon", "wa", "nowa", "nomorhp", "nomorwa",
            "whatsapp", "nohandphone", "handphone"]),
        (ImportField.Education, ["pendidikan", "pendidikanterakhir", "pendidikantertinggi", "ijazahtertinggi"]),
        (ImportField.Occupation, ["pekerjaan", "jenispekerjaan", "pekerjaanutama"]),
        (ImportField.EmploymentStatus, ["statuspekerjaan", "statusbekerja", "statuskerja"]),
        (ImportField.MaritalStatus, ["statuskawin", "statusperkawinan", "perkawinan", "kawin", "stskawin"]),
        (ImportField.HouseholdRelation, ["shdk", "hubungan", "hubungankeluarga", "hubkel", "statusdalamkeluarga", "hubungandengankk",
            "hubungandengankepalakeluarga", "statushubungandalamkeluarga"]),
        (ImportField.Disability, ["disabilitas", "penyandangdisabilitas", "difabel"]),
        (ImportField.WelfareDecile, ["desil", "desilkesejahteraan", "peringkatdesil", "desilnasional", "statusdesil"]),
        (ImportField.WelfareSource, ["sumberdata", "sumber"]),
        (ImportField.WelfareAsOf, ["tanggaldata", "tgldata", "periodedata", "tanggalupdate", "tglupdate"]));

    private static FrozenDictionary<string, ImportField> Build(params (ImportField Field, string[] Keys)[] rows)
    {
        var table = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (field, keys) in rows)
        {
            // The API's own field names ("familyCardNumber") are recognised too.
            table[SearchText.Key(Name(field))] = field;
            foreach (var key in keys)
            {
                table[key] = field;
            }
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>Where the header row of a file is and which column holds which field.</summary>
public sealed class ColumnLayout(int headerRowNumber, IReadOnlyList<string> headers, IReadOnlyDictionary<ImportField, int> columns)
{
    /// <summary>Rows looked at for the header: files often start with a title or a blank row.</summary>
    public const int HeaderSearchRows = 20;

    public int HeaderRowNumber { get; } = headerRowNumber;
    public IReadOnlyList<string> Headers { get; } = headers;
    public IReadOnlyDictionary<ImportField, int> Columns { get; } = columns;

    public bool Has(ImportField field) => Columns.ContainsKey(field);

    /// <summary>The column name the user knows from their own file, or the usual one when the file has none.</summary>
    public string HeaderOf(ImportField field) =>
        Columns.TryGetValue(field, out var i) && Headers[i].Length > 0 ? Headers[i] : ImportFields.UsualHeader(field);

    /// <summary>field → column name, every field present (null when not imported), as stored on the job.</summary>
    public string ToJson() => JsonSerializer.Serialize(ImportFields.All.ToDictionary(
        ImportFields.Name, f => Columns.TryGetValue(f, out var i) ? Headers[i] : null));

    /// <summary>
    /// Finds the header row among the first rows: the first one with a NIK column (by the user's mapping when
    /// given, else by recognised names); else the first non-empty row, for the user to map by hand.
    /// </summary>
    public static ColumnLayout Find(IReadOnlyList<SheetRow> firstRows, ColumnMapping? mapping)
    {
        SheetRow? firstNonEmpty = null;
        foreach (var row in firstRows.Take(HeaderSearchRows))
        {
            if (row.IsEmpty)
            {
                continue;
            }
            firstNonEmpty ??= row;
            var headers = row.Cells.Select(c => c.Text).ToList();
            var columns = Resolve(headers, mapping);
            if (columns.ContainsKey(ImportField.Nik))
            {
                return new ColumnLayout(row.Number, headers, columns);
            }
        }
        if (firstNonEmpty is null)
        {
            return new ColumnLayout(0, [], new Dictionary<ImportField, int>());
        }
        var fallback = firstNonEmpty.Cells.Select(c => c.Text).ToList();
        return new ColumnLayout(firstNonEmpty.Number, fallback, Resolve(fallback, mapping));
    }

    /// <summary>The guess, with the user's choices laid over it (a column the user gave to one field leaves the others).</summary>
    private static Dictionary<ImportField, int> Resolve(List<string> headers, ColumnMapping? mapping)
    {
        var columns = ImportFields.Guess(headers);
        if (mapping is null)
        {
            return columns;
        }
        foreach (var (field, header) in mapping.Fields)
        {
            columns.Remove(field);
            if (header is null)
            {
                continue;
            }
            var index = IndexOf(headers, header);
            if (index < 0)
            {
                continue;
            }
            foreach (var taken in columns.Where(c => c.Value == index).Select(c => c.Key).ToList())
            {
                columns.Remove(taken);
            }
            columns[field] = index;
        }
        return columns;
    }

    private static int IndexOf(List<string> headers, string header)
    {
        var exact = headers.FindIndex(h => string.Equals(h.Trim(), header.Trim(), StringComparison.Ordinal));
        if (exact >= 0)
        {
            return exact;
        }
        var key = SearchText.Key(header);
        return key.Length == 0 ? -1 : headers.FindIndex(h => SearchText.Key(h) == key);
    }
}

/// <summary>A column mapping the user chose: field → column name, null to leave a field out.</summary>
public sealed record ColumnMapping(IReadOnlyDictionary<ImportField, string?> Fields)
{
    /// <summary>A mapping stored on a job (always valid once stored), or null.</summary>
    public static ColumnMapping? Stored(string? json) => TryParse(json, out var mapping, out _) ? mapping : null;

    /// <summary>Reads <c>{"nik": "NO KTP", "phone": null}</c>; field names as in the API (any case).</summary>
    public static bool TryParse(string? json, out ColumnMapping? mapping, out string? unknownField)
    {
        mapping = null;
        unknownField = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return true;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            var fields = new Dictionary<ImportField, string?>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!ImportFields.TryParse(property.Name, out var field))
                {
                    unknownField = property.Name;
                    return false;
                }
                fields[field] = property.Value.ValueKind switch
                {
                    JsonValueKind.String when !string.IsNullOrWhiteSpace(property.Value.GetString()) => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.String => null,
                    _ => throw new JsonException(),
                };
            }
            mapping = new ColumnMapping(fields);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
