using System.Globalization;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry;

/// <summary>How the registry's pages show a person's fields: labels and values in the user's language, NIKs masked.</summary>
public static class PersonDisplay
{
    public static string Sex(Sex sex, IStringLocalizer L) => sex == Shared.Sex.Female ? L["Female"] : L["Male"];

    public static string YesNo(bool value, IStringLocalizer L) => value ? L["Yes"] : L["No"];

    /// <summary>The label of a person field by its API name (the names the audit uses).</summary>
    public static string FieldLabel(string field, IStringLocalizer L) => field switch
    {
        "nik" => L["NIK"],
        "familyCardNumber" => L["Family card number (No. KK)"],
        "fullName" => L["Full name"],
        "sex" => L["Sex"],
        "birthPlace" => L["Place of birth"],
        "birthDate" => L["Birth date"],
        "address" => L["Address"],
        "rt" => "RT",
        "rw" => "RW",
        "villageCode" => L["Kelurahan/desa"],
        "phone" => L["Phone/WhatsApp"],
        "education" => L["Education"],
        "occupation" => L["Occupation"],
        "employmentStatus" => L["Employment status"],
        "maritalStatus" => L["Marital status"],
        "householdRelation" => L["Relation to the head of household (SHDK)"],
        "disability" => L["Disability"],
        "welfareDecile" => L["Welfare decile (desil)"],
        "welfareSource" => L["Source of the decile"],
        "welfareAsOf" => L["Decile as of"],
        _ => field,
    };

    /// <summary>
    /// A stored field value (invariant text, as the audit holds it) as a person reads it: labels for codes, dates
    /// day first, kelurahan names; a NIK or No. KK always masked.
    /// </summary>
    public static string Value(string field, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "—";
        }
        return field switch
        {
            "nik" or "familyCardNumber" => raw.Contains('•', StringComparison.Ordinal) ? raw : Nik.Mask(raw),
            "sex" => raw == "F" ? L["Female"] : raw == "M" ? L["Male"] : raw,
            "birthDate" or "welfareAsOf" => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DateText.Date(d) : raw,
            "villageCode" => villages.TryGetValue(raw, out var v) ? $"{v.Name} ({raw})" : raw,
            "education" => Coded<Education>(raw),
            "employmentStatus" => Coded<EmploymentStatus>(raw),
            "maritalStatus" => Coded<MaritalStatus>(raw),
            "householdRelation" => Coded<HouseholdRelation>(raw),
            "disability" => raw == "true" ? L["Yes"] : raw == "false" ? L["No"] : raw,
            _ => raw,
        };
    }

    public static string Label<T>(T? value) where T : struct, Enum => value is { } v ? PersonCodes.Label(v) : "—";

    private static string Coded<T>(string raw) where T : struct, Enum =>
        Enum.TryParse<T>(raw, ignoreCase: false, out var value) && Enum.IsDefined(value) ? PersonCodes.Label(value) : raw;
}
