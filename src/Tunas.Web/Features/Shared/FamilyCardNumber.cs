namespace Tunas.Web.Features.Shared;

/// <summary>
/// Result of <see cref="FamilyCardNumber.Check"/>. <paramref name="FamilyCardNumber"/> is set exactly when
/// <paramref name="Valid"/> is true (warnings do not make it invalid). <paramref name="Region"/> is set when the
/// lookup knew the district.
/// </summary>
public sealed record FamilyCardNumberCheck(
    bool Valid,
    IReadOnlyList<NikIssue> Errors,
    IReadOnlyList<NikIssue> Warnings,
    FamilyCardNumber? FamilyCardNumber,
    NikRegion? Region);

/// <summary>
/// A validated No. KK (Nomor Kartu Keluarga, family card number): 16 ASCII digits <c>PPRRKK DDMMYY SSSS</c>,
/// where DDMMYY is the issue date. The issue date is deliberately not validated (real cards do not always have
/// a plausible one); only digits, length, region and a non-zero serial are checked.
/// <see cref="ToString"/> returns the masked form; use <see cref="Value"/> for the 16 digits.
/// </summary>
public readonly record struct FamilyCardNumber
{
    public const string RequiredMessage = "Fill in the family card number (No. KK).";
    public const string ExcelDamagedMessage =
        "This family card number (No. KK) was damaged by Excel (it was stored as a number). Format the column as text and type the number again.";
    public const string DigitsOnlyMessage =
        "A family card number (No. KK) may contain only the digits 0-9, without spaces, dots or other characters.";
    public const string LengthMessage = "A family card number (No. KK) must have exactly 16 digits; this one has {0}.";
    public const string ProvinceUnknownMessage =
        "This family card number (No. KK) starts with {0}, which is not a province code. Check the first two digits.";
    public const string SerialZeroMessage = "The last 4 digits of a family card number (No. KK) cannot be 0000.";
    public const string DistrictUnknownMessage =
        "The district code {0} of this family card number (No. KK) is not in the current region list; it may be an old code from before a region split. Check the KK.";

    private readonly string? _value;

    private FamilyCardNumber(string value) => _value = value;

    /// <summary>The 16 digits. Sensitive: do not log.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Dotted kecamatan code where the card was issued, e.g. <c>35.72.01</c>.</summary>
    public string DistrictCode => IdNumberRules.DottedDistrict(Value);

    /// <summary>Dotted regency (kabupaten/kota) code, e.g. <c>35.72</c>.</summary>
    public string RegencyCode => IdNumberRules.DottedRegency(Value);

    /// <summary>Province code, e.g. <c>35</c>.</summary>
    public string ProvinceCode => IdNumberRules.Province(Value);

    /// <summary>Display form, e.g. <c>3572••••••••0001</c>.</summary>
    public string Masked => IdNumberRules.Mask(Value);

    /// <summary>The masked form, never the raw digits.</summary>
    public override string ToString() => Masked;

    /// <summary>Masks any input for display. Never returns the raw input.</summary>
    public static string Mask(string? value) => IdNumberRules.Mask(value);

    /// <summary>Parses without the region check.</summary>
    public static bool TryParse(string? input, out FamilyCardNumber familyCardNumber)
    {
        var check = Check(input);
        familyCardNumber = check.FamilyCardNumber ?? default;
        return check.Valid;
    }

    /// <summary>
    /// Checks a No. KK as typed. Leading and trailing whitespace is ignored; any other character that is not
    /// '0'-'9' is an error.
    /// </summary>
    /// <param name="input">The No. KK as typed or imported; may be null or blank.</param>
    /// <param name="findDistrict">Finds a district by dotted code (<c>35.72.01</c>); null skips the region check entirely.</param>
    public static FamilyCardNumberCheck Check(string? input, Func<string, NikRegion?>? findDistrict = null)
    {
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

        var errors = new List<NikIssue>();
        var warnings = new List<NikIssue>();

        if (digits.EndsWith("0000", StringComparison.Ordinal))
        {
            errors.Add(new NikIssue(NikIssueCodes.SerialZero, SerialZeroMessage, []));
        }

        var region = IdNumberRules.CheckRegion(
            digits, findDistrict, ProvinceUnknownMessage, DistrictUnknownMessage, IdNumberRules.FamilyCardRegionZeroMessage, errors, warnings);

        var valid = errors.Count == 0;
        FamilyCardNumber? number = valid ? new FamilyCardNumber(digits) : null;
        return new FamilyCardNumberCheck(valid, errors, warnings, number, region);
    }

    private static FamilyCardNumberCheck Fail(string code, string message, params string[] args) =>
        new(false, [new NikIssue(code, message, args)], [], null, null);
}
