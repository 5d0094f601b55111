using System.Collections.Frozen;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry;

// The coded fields of a resident, with the spellings found in Dukcapil, DTKS/DTSEN and kelurahan files.
// Stored as numbers; the Indonesian label is what users see (resources), the English name is the API value.

public enum Education
{
    None = 1,
    PrimaryNotCompleted = 2,
    Primary = 3,
    JuniorSecondary = 4,
    SeniorSecondary = 5,
    Diploma1Or2 = 6,
    Diploma3 = 7,
    Bachelor = 8,
    Master = 9,
    Doctorate = 10,
}

public enum EmploymentStatus
{
    Employed = 1,
    SelfEmployed = 2,
    Unemployed = 3,
    Student = 4,
    Homemaker = 5,
    Retired = 6,
}

public enum MaritalStatus
{
    NeverMarried = 1,
    Married = 2,
    Divorced = 3,
    Widowed = 4,
}

/// <summary>SHDK: the person's relation to the head of the family card.</summary>
public enum HouseholdRelation
{
    Head = 1,
    Spouse = 2,
    Child = 3,
    ChildInLaw = 4,
    Grandchild = 5,
    Parent = 6,
    ParentInLaw = 7,
    OtherRelative = 8,
    Helper = 9,
    Other = 10,
}

/// <summary>How a person came into the registry.</summary>
public enum PersonOrigin
{
    Entered = 1,
    Imported = 2,
    SelfRegistered = 3,
}

public static class PersonCodes
{
    /// <summary>Reads a coded value from what people type or files carry: the API name, a Dukcapil number or an Indonesian spelling.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var key = SearchText.Key(text);
        if (Spellings<T>().TryGetValue(key, out value))
        {
            return true;
        }
        return Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>The Indonesian label (also the key of nothing: these are data, shown as is).</summary>
    public static string Label<T>(T value) where T : struct, Enum => value switch
    {
        Education e => e switch
        {
            Education.None => "Tidak/belum sekolah",
            Education.PrimaryNotCompleted => "Belum tamat SD/sederajat",
            Education.Primary => "Tamat SD/sederajat",
            Education.JuniorSecondary => "SLTP/sederajat",
            Education.SeniorSecondary => "SLTA/sederajat",
            Education.Diploma1Or2 => "Diploma I/II",
            Education.Diploma3 => "Akademi/Diploma III",
            Education.Bachelor => "Diploma IV/Strata I",
            Education.Master => "Strata II",
            _ => "Strata III",
        },
        EmploymentStatus s => s switch
        {
            EmploymentStatus.Employed => "Bekerja",
            EmploymentStatus.SelfEmployed => "Berusaha sendiri",
            EmploymentStatus.Unemployed => "Tidak bekerja",
            EmploymentStatus.Student => "Pelajar/mahasiswa",
            EmploymentStatus.Homemaker => "Mengurus rumah tangga",
            _ => "Pensiunan",
        },
        MaritalStatus m => m switch
        {
            MaritalStatus.NeverMarried => "Belum kawin",
            MaritalStatus.Married => "Kawin",
            MaritalStatus.Divorced => "Cerai hidup",
            _ => "Cerai mati",
        },
        HouseholdRelation r => r switch
        {
            HouseholdRelation.Head => "Kepala keluarga",
            HouseholdRelation.Spouse => "Istri/suami",
            HouseholdRelation.Child => "Anak",
            HouseholdRelation.ChildInLaw => "Menantu",
            HouseholdRelation.Grandchild => "Cucu",
            HouseholdRelation.Parent => "Orang tua",
            HouseholdRelation.ParentInLaw => "Mertua",
            HouseholdRelation.OtherRelative => "Famili lain",
            HouseholdRelation.Helper => "Pembantu",
            _ => "Lainnya",
        },
        PersonOrigin o => o switch
        {
            PersonOrigin.Entered => "Diisi petugas",
            PersonOrigin.Imported => "Impor berkas",
            _ => "Mendaftar sendiri",
        },
        _ => value.ToString(),
    };

    private static FrozenDictionary<string, T> Spellings<T>() where T : struct, Enum =>
        (FrozenDictionary<string, T>)(object)(typeof(T).Name switch
        {
            nameof(Education) => EducationSpellings,
            nameof(EmploymentStatus) => EmploymentSpellings,
            nameof(MaritalStatus) => MaritalSpellings,
            nameof(HouseholdRelation) => RelationSpellings,
            _ => FrozenDictionary<string, PersonOrigin>.Empty,
        });

    private static FrozenDictionary<string, T> Table<T>(params (T Value, string[] Spellings)[] rows) where T : struct, Enum
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, spellings) in rows)
        {
            table[SearchText.Key(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture))] = value;
            table[SearchText.Key(Label(value))] = value;
            foreach (var s in spellings)
            {
                table[SearchText.Key(s)] = value;
            }
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static readonly FrozenDictionary<string, Education> EducationSpellings = Table(
        (Education.None, ["tidak sekolah", "belum sekolah", "tidak/belum sekolah", "tidak tamat", "tidak pernah sekolah"]),
        (Education.PrimaryNotCompleted, ["belum tamat sd", "tidak tamat sd", "belum tamat sd/sederajat"]),
        (Education.Primary, ["sd", "tamat sd", "sd/sederajat", "mi", "sekolah dasar"]),
        (Education.JuniorSecondary, ["smp", "sltp", "mts", "smp/sederajat", "sltp/sederajat"]),
        (Education.SeniorSecondary, ["sma", "slta", "smk", "ma", "sma/sederajat", "slta/sederajat", "smk/sederajat"]),
        (Education.Diploma1Or2, ["d1", "d2", "diploma i", "diploma ii", "diploma i/ii"]),
        (Education.Diploma3, ["d3", "diploma iii", "akademi", "akademi/diploma iii/s. muda", "sarjana muda"]),
        (Education.Bachelor, ["s1", "d4", "diploma iv", "strata i", "sarjana", "diploma iv/strata i"]),
        (Education.Master, ["s2", "strata ii", "magister"]),
        (Education.Doctorate, ["s3", "strata iii", "doktor"]));

    private static readonly FrozenDictionary<string, EmploymentStatus> EmploymentSpellings = Table(
        (EmploymentStatus.Employed, ["bekerja", "karyawan", "buruh", "pekerja"]),
        (EmploymentStatus.SelfEmployed, ["wiraswasta", "berusaha", "usaha sendiri", "pedagang"]),
        (EmploymentStatus.Unemployed, ["tidak bekerja", "belum bekerja", "belum/tidak bekerja", "menganggur", "pengangguran"]),
        (EmploymentStatus.Student, ["pelajar", "mahasiswa", "pelajar/mahasiswa", "sekolah"]),
        (EmploymentStatus.Homemaker, ["mengurus rumah tangga", "ibu rumah tangga", "irt"]),
        (EmploymentStatus.Retired, ["pensiun", "pensiunan", "purnawirawan"]));

    private static readonly FrozenDictionary<string, MaritalStatus> MaritalSpellings = Table(
        (MaritalStatus.NeverMarried, ["belum kawin", "belum menikah", "lajang", "bk"]),
        (MaritalStatus.Married, ["kawin", "menikah", "k", "kawin tercatat", "kawin belum tercatat"]),
        (MaritalStatus.Divorced, ["cerai hidup", "ch", "janda", "duda"]),
        (MaritalStatus.Widowed, ["cerai mati", "cm"]));

    private static readonly FrozenDictionary<string, HouseholdRelation> RelationSpellings = Table(
        (HouseholdRelation.Head, ["kepala keluarga", "kk", "kepala", "kepala rumah tangga", "krt"]),
        (HouseholdRelation.Spouse, ["istri", "suami", "isteri", "istri/suami", "suami/istri", "pasangan"]),
        (HouseholdRelation.Child, ["anak", "anak kandung", "anak angkat", "anak tiri"]),
        (HouseholdRelation.ChildInLaw, ["menantu"]),
        (HouseholdRelation.Grandchild, ["cucu"]),
        (HouseholdRelation.Parent, ["orang tua", "orangtua", "ayah", "ibu"]),
        (HouseholdRelation.ParentInLaw, ["mertua"]),
        (HouseholdRelation.OtherRelative, ["famili lain", "famili", "saudara"]),
        (HouseholdRelation.Helper, ["pembantu", "asisten rumah tangga"]),
        (HouseholdRelation.Other, ["lainnya", "lain-lain", "lain lain"]));
}
