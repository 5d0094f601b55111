using System.Globalization;

namespace Tunas.Web.Features.Shared;

/// <summary>Sex as encoded in a NIK (women have 40 added to the day of birth).</summary>
public enum Sex
{
    Male,
    Female,
}

/// <summary>
/// One problem found in a NIK or No. KK.
/// <paramref name="Code"/> is a stable kebab-case code (see <see cref="NikIssueCodes"/>);
/// <paramref name="Message"/> is the English composite format string, which is also the localization key;
/// <paramref name="Args"/> are its invariant-formatted arguments ({0}, {1}, ...).
/// </summary>
public sealed record NikIssue(string Code, string Message, IReadOnlyList<string> Args)
{
    /// <summary>Fills <paramref name="template"/> (the English message or its translation) with <see cref="Args"/>.</summary>
    public string Format(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        object?[] args = [.. Args];
        return string.Format(CultureInfo.InvariantCulture, template, args);
    }

    /// <summary>The English text with its arguments filled in.</summary>
    public override string ToString() => Format(Message);
}

/// <summary>Stable codes of <see cref="NikIssue"/>, shared by the NIK and the No. KK.</summary>
public static class NikIssueCodes
{
    public const string Required = "required";
    public const string ExcelDamaged = "excel-damaged";
    public const string DigitsOnly = "digits-only";
    public const string Length = "length";
    public const string ProvinceUnknown = "province-unknown";
    public const string MonthInvalid = "month-invalid";
    public const string DayInvalid = "day-invalid";
    public const string DateInvalid = "date-invalid";
    public const string SerialZero = "serial-zero";

    /// <summary>A regency or district part of 00: never assigned to a region.</summary>
    public const string RegionZero = "region-zero";

    /// <summary>Warning, not an error: the district may be an old code from before a region split.</summary>
    public const string DistrictUnknown = "district-unknown";
}

/// <summary>A kecamatan (district) with its regency and province, as returned by the region lookup.</summary>
/// <param name="DistrictCode">Dotted code, e.g. <c>35.72.01</c>.</param>
/// <param name="DistrictName">Kecamatan name.</param>
/// <param name="RegencyName">Kabupaten/kota name.</param>
/// <param name="ProvinceName">Province name.</param>
public sealed record NikRegion(string DistrictCode, string DistrictName, string RegencyName, string ProvinceName);

/// <summary>
/// Result of <see cref="Nik.Check"/>. <paramref name="Nik"/> is set exactly when <paramref name="Valid"/> is true
/// (warnings do not make a NIK invalid). <paramref name="Region"/> is set when the lookup knew the district.
/// </summary>
public sealed record NikCheck(
    bool Valid,
    IReadOnlyList<NikIssue> Errors,
    IReadOnlyList<NikIssue> Warnings,
    Nik? Nik,
    NikRegion? Region);

/// <summary>
/// A validated NIK (Nomor Induk Kependudukan): 16 ASCII digits <c>PPRRKK DDMMYY SSSS</c>.
/// <see cref="ToString"/> returns the masked form so a NIK cannot slip into a log by accident;
/// use <see cref="Value"/> for the 16 digits.
/// </summary>
public readonly record struct Nik
{
    public const string RequiredMessage = "Fill in the NIK.";
    public const string ExcelDamagedMessage =
        "This NIK was damaged by Excel (it was stored as a number). Format the column as text and type the NIK again.";
    public const string DigitsOnlyMessage =
        "A NIK may contain only the digits 0-9, without spaces, dots or other characters.";
    public const string LengthMessage = "A NIK must have exactly 16 digits; this one has {0}.";
    public const string ProvinceUnknownMessage =
        "This NIK starts with {0}, which is not a province code. Check the first two digits.";
    public const string MonthInvalidMessage = "The birth month in this NIK ({0}) must be between 01 and 12.";
    public const string DayInvalidMessage =
        "The birth day in this NIK ({0}) must be 01-31 for a man or 41-71 for a woman.";
    public const string DateInvalidMessage = "The birth date in this NIK ({0}) does not exist in the calendar.";
    public const string SerialZeroMessage = "The last 4 digits of a NIK cannot be 0000.";
    public const string DistrictUnknownMessage =
        "The district code {0} of this NIK is not in the current region list; it may be an old code from before a region split. Check the KTP.";

    private const int WomanDayOffset = 40;

    private readonly string? _value;

    private Nik(string value, Sex sex, DateOnly birthDate)
    {
        _value = value;
        Sex = sex;
        BirthDate = birthDate;
    }

    /// <summary>The 16 digits. Sensitive: do not log.</summary>
    public string Value => _value ?? string.Empty;

    public Sex Sex { get; }

    public DateOnly BirthDate { get; }

    /// <summary>Dotted kecamatan code where the NIK was first issued, e.g. <c>35.72.01</c>.</summary>
    public string DistrictCode => IdNumberRules.DottedDistrict(Value);

    /// <summary>Dotted regency (kabupaten/kota) code, e.g. <c>35.72</c>.</summary>
    public string RegencyCode => IdNumberRules.DottedRegency(Value);

    /// <summary>Province code, e.g. <c>35</c>.</summary>
    public string ProvinceCode => IdNumberRules.Province(Value);

    /// <summary>The last 4 digits.</summary>
    public string Serial => Value.Length == IdNumberRules.Length ? Value[12..] : string.Empty;

    /// <summary>Display form, e.g. <c>3572••••••••0001</c>.</summary>
    public string Masked => IdNumberRules.Mask(Value);

    /// <summary>The masked form, never the raw digits.</summary>
    public override string ToString() => Masked;

    /// <summary>Masks any input for display; see <see cref="IdNumberRules.Mask"/>. Never returns the raw input.</summary>
    public static string Mask(string? value) => IdNumberRules.Mask(value);

    /// <summary>Parses without the region check (for values already checked when stored).</summary>
    public static bool TryParse(string? input, DateOnly today, out Nik nik)
    {
        var check = Check(input, today);
        nik = check.Nik ?? default;
        return check.Valid;
    }

    /// <summary>
    /// Checks a NIK as typed. Leading and trailing whitespace is ignored; any other character that is not
    /// '0'-'9' is an error. Length, format and Excel-damage problems stop the check; otherwise day, month,
    /// date, serial and region problems are all reported together.
    /// </summary>
    /// <param name="input">The NIK as typed or imported; may be null or blank.</param>
    /// <param name="today">Today's date in Indonesia; the century of the birth year is chosen relative to it:
    /// 20YY when that date exists and is not after <paramref name="today"/>, otherwise 19YY (if the date does not exist
    /// in 19YY either, e.g. 29-02-1900, it is <c>date-invalid</c>).</param>
    /// <param name="findDistrict">Finds a district by dotted code (<c>35.72.01</c>); null skips the region check entirely.</param>
    public static NikCheck Check(string? input, DateOnly today, Func<string, NikRegion?>? findDistrict = null)
    {
        var errors = new List<NikIssue>();
        var warnings = new List<NikIssue>();

        var digits = input?.Trim() ?? string.Empty;
        if (digits.Length == 0)
        {
            return Fail(NikIssueCodes.Required, RequiredMessage);
        }

        if (IdNumberRules.LooksExcelDamaged(digits))
        {
            return Fail(NikIssueCodes.ExcelDamaged, ExcelDamagedMessage);
        }

        if (!IdNumberRules.IsAsciiDigits(digits))
        {
            return Fail(NikIssueCodes.DigitsOnly, DigitsOnlyMessage);
        }

        if (digits.Length != IdNumberRules.Length)
        {
            return Fail(NikIssueCodes.Length, LengthMessage, IdNumberRules.Invariant(digits.Length));
        }

        var rawDay = IdNumberRules.TwoDigits(digits, 6);
        var month = IdNumberRules.TwoDigits(digits, 8);
        var yearInCentury = IdNumberRules.TwoDigits(digits, 10);

        Sex? sex = rawDay switch
        {
            >= 1 and <= 31 => Sex.Male,
            >= 1 + WomanDayOffset and <= 31 + WomanDayOffset => Sex.Female,
            _ => null,
        };
        if (sex is null)
        {
            errors.Add(new NikIssue(NikIssueCodes.DayInvalid, DayInvalidMessage, [digits[6..8]]));
        }

        var monthValid = month is >= 1 and <= 12;
        if (!monthValid)
        {
            errors.Add(new NikIssue(NikIssueCodes.MonthInvalid, MonthInvalidMessage, [digits[8..10]]));
        }

        DateOnly birthDate = default;
        if (sex is { } s && monthValid)
        {
            var day = s == Sex.Female ? rawDay - WomanDayOffset : rawDay;
            var date = ResolveBirthDate(day, month, yearInCentury, today);
            if (date is { } d)
            {
                birthDate = d;
            }
            else
            {
                var shown = string.Create(CultureInfo.InvariantCulture, $"{day:00}-{month:00}-{yearInCentury:00}");
                errors.Add(new NikIssue(NikIssueCodes.DateInvalid, DateInvalidMessage, [shown]));
            }
        }

        if (digits.EndsWith("0000", StringComparison.Ordinal))
        {
            errors.Add(new NikIssue(NikIssueCodes.SerialZero, SerialZeroMessage, []));
        }

        var region = IdNumberRules.CheckRegion(
            digits, findDistrict, ProvinceUnknownMessage, DistrictUnknownMessage, IdNumberRules.NikRegionZeroMessage, errors, warnings);

        var valid = errors.Count == 0;
        Nik? nik = valid ? new Nik(digits, sex!.Value, birthDate) : null;
        return new NikCheck(valid, errors, warnings, nik, region);
    }

    /// <summary>20YY if that date exists and is not after today, else 19YY; null if the chosen date does not exist.</summary>
    private static DateOnly? ResolveBirthDate(int day, int month, int yearInCentury, DateOnly today)
    {
        var year2000s = 2000 + yearInCentury;
        if (day <= DateTime.DaysInMonth(year2000s, month))
        {
            var candidate = new DateOnly(year2000s, month, day);
            if (candidate <= today)
            {
                return candidate;
            }
        }

        var year1900s = 1900 + yearInCentury;
        return day <= DateTime.DaysInMonth(year1900s, month) ? new DateOnly(year1900s, month, day) : null;
    }

    private static NikCheck Fail(string code, string message, params string[] args) =>
        new(false, [new NikIssue(code, message, args)], [], null, null);
}
