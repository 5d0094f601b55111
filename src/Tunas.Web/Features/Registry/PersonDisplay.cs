using System.Globalization;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry;

/// <summary>How the registry's pages show a person's fields: labels and values in the user's language, NIKs masked.</summary>
public static class PersonDisplay
{
    /// <summary>Western Indonesian Time, the zone of the agencies Tunas serves today (see <see cref="Infrastructure.Clock"/>).</summary>
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>A date as Indonesians write it, day first: 01/07/1990.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A UTC timestamp in WIB: 28/11/2026 16:37 WIB.</summary>
    public static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Wib).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " WIB";

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
            "birthDate" or "welfareAsOf" => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Date(d) : raw,
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

/// <summary>The kelurahan of the agency's city and their names, for the registry's filters and pages.</summary>
public sealed class VillageNames(RegionDirectory regions, AgencyService agencies)
{
    public Task<IReadOnlyDictionary<string, RegionSummary>> AllAsync(CancellationToken ct = default) => regions.VillagesAsync(ct);

    public async Task<string?> AgencyRegencyAsync(CancellationToken ct = default) => (await agencies.CurrentAsync(ct)).RegencyCode;

    /// <summary>The current kelurahan/desa of the agency's regency/city, by name.</summary>
    public async Task<IReadOnlyList<RegionSummary>> OfAgencyAsync(CancellationToken ct = default)
    {
        var regency = await AgencyRegencyAsync(ct);
        if (string.IsNullOrEmpty(regency))
        {
            return [];
        }
        var prefix = regency + ".";
        var all = await regions.VillagesAsync(ct);
        return all.Values.Where(v => v.IsCurrent && v.Code.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(v => v.Name, StringComparer.Create(CultureInfo.GetCultureInfo("id-ID"), ignoreCase: true))
            .ThenBy(v => v.Code, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<string> NameAsync(string code, CancellationToken ct = default) =>
        (await regions.VillagesAsync(ct)).TryGetValue(code, out var v) ? v.Name : code;
}
