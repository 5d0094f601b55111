using System.Collections.Frozen;
using System.Globalization;

namespace Tunas.Web.Features.Shared;

/// <summary>
/// Rules shared by the NIK and the No. KK (family card number): both are 16 ASCII digits
/// whose first 6 digits are the kecamatan (district) code, and both are masked the same way.
/// Pure: no I/O, no clock, no culture-dependent parsing.
/// </summary>
internal static class IdNumberRules
{
    /// <summary>Both the NIK and the No. KK have exactly this many digits.</summary>
    public const int Length = 16;

    /// <summary>The bullet used for masking (U+2022).</summary>
    public const char Bullet = '\u2022';

    /// <summary>
    /// Kemendagri province codes (the first 2 digits of a district code): 11-19 (Sumatra),
    /// 21 (Kepulauan Riau), 31-36 (Java), 51-53 (Bali and Nusa Tenggara), 61-65 (Kalimantan),
    /// 71-76 (Sulawesi), 81-82 (Maluku), 91-97 (Papua, including the provinces split off in 2022).
    /// Only used to tell an old district code (warning) from a code that cannot be a region (error);
    /// when a new province is ever created, add its code here.
    /// </summary>
    public static readonly FrozenSet<string> ProvinceCodes = new[]
    {
        "11", "12", "13", "14", "15", "16", "17", "18", "19",
        "21",
        "31", "32", "33", "34", "35", "36",
        "51", "52", "53",
        "61", "62", "63", "64", "65",
        "71", "72", "73", "74", "75", "76",
        "81", "82",
        "91", "92", "93", "94", "95", "96", "97",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// True when every char is '0'-'9'. Deliberately not <c>char.IsDigit</c> or <c>\d</c>,
    /// which also accept Arabic-Indic, fullwidth and other Unicode digits.
    /// </summary>
    public static bool IsAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the value looks like Excel turned the number into scientific notation
    /// (e.g. <c>3.57201E+15</c> or, in an Indonesian locale, <c>3,57201E+15</c>): the digits are lost.
    /// </summary>
    public static bool LooksExcelDamaged(string trimmed) =>
        trimmed.Contains("E+", StringComparison.OrdinalIgnoreCase);

    /// <summary>Value of two ASCII digits at <paramref name="index"/>; the caller has checked they are ASCII digits.</summary>
    public static int TwoDigits(string digits, int index) =>
        ((digits[index] - '0') * 10) + (digits[index + 1] - '0');

    /// <summary><c>357201...</c> → <c>35.72.01</c>.</summary>
    public static string DottedDistrict(string digits) =>
        digits.Length < 6
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{digits.AsSpan(0, 2)}.{digits.AsSpan(2, 2)}.{digits.AsSpan(4, 2)}");

    /// <summary><c>357201...</c> → <c>35.72</c>.</summary>
    public static string DottedRegency(string digits) =>
        digits.Length < 4 ? string.Empty : string.Concat(digits.AsSpan(0, 2), ".", digits.AsSpan(2, 2));

    /// <summary><c>357201...</c> → <c>35</c>.</summary>
    public static string Province(string digits) =>
        digits.Length < 2 ? string.Empty : digits[..2];

    /// <summary>
    /// Masks an identity number for display: <c>3572••••••••0001</c>. Leading and trailing whitespace is ignored.
    /// Anything that is not exactly 16 ASCII digits is masked completely (bullets, same length, at most 16),
    /// so the raw input never leaks. Null gives an empty string.
    /// </summary>
    public static string Mask(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == Length && IsAsciiDigits(trimmed))
        {
            return string.Concat(trimmed.AsSpan(0, 4), new string(Bullet, Length - 8), trimmed.AsSpan(Length - 4, 4));
        }

        return new string(Bullet, Math.Min(trimmed.Length, Length));
    }

    /// <summary>Invariant text of a number, for an issue argument.</summary>
    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Kept here, not beside the other messages of Nik and FamilyCardNumber, so that their public lists stay as they are.
    public const string NikRegionZeroMessage =
        "The region code {0} of this NIK has a 00 part; no regency or district has that code. Check the first six digits against the KTP.";
    public const string FamilyCardRegionZeroMessage =
        "The region code {0} of this family card number (No. KK) has a 00 part; no regency or district has that code. Check the first six digits against the KK.";

    /// <summary>
    /// Region check shared by the NIK and the No. KK. Skipped (returns null) when there is no lookup.
    /// A regency or district part of <c>00</c> is never assigned, so it is an error even for a plausible province.
    /// A known district returns its region. An unknown district in a plausible province is only a warning,
    /// because a NIK / No. KK never changes while districts are split and renumbered; an implausible
    /// province code is an error.
    /// </summary>
    public static NikRegion? CheckRegion(
        string digits,
        Func<string, NikRegion?>? findDistrict,
        string provinceUnknownMessage,
        string districtUnknownMessage,
        string regionZeroMessage,
        List<NikIssue> errors,
        List<NikIssue> warnings)
    {
        if (findDistrict is null)
        {
            return null;
        }

        var district = DottedDistrict(digits);
        if (ProvinceCodes.Contains(Province(digits)) && (digits.AsSpan(2, 2).SequenceEqual("00") || digits.AsSpan(4, 2).SequenceEqual("00")))
        {
            errors.Add(new NikIssue(NikIssueCodes.RegionZero, regionZeroMessage, [district]));
            return null;
        }

        var region = findDistrict(district);
        if (region is not null)
        {
            return region;
        }

        var province = Province(digits);
        if (!ProvinceCodes.Contains(province))
        {
            errors.Add(new NikIssue(NikIssueCodes.ProvinceUnknown, provinceUnknownMessage, [province]));
        }
        else
        {
            warnings.Add(new NikIssue(NikIssueCodes.DistrictUnknown, districtUnknownMessage, [district]));
        }

        return null;
    }
}
