using System.Globalization;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry;

/// <summary>A person as typed into a form, sent to the API or read from a file row: everything still text.</summary>
public sealed record PersonInput
{
    public string? Nik { get; init; }
    public string? FamilyCardNumber { get; init; }
    public string? FullName { get; init; }
    public string? Sex { get; init; }
    public string? BirthPlace { get; init; }
    public string? BirthDate { get; init; }
    public string? Address { get; init; }
    public string? Rt { get; init; }
    public string? Rw { get; init; }
    public string? VillageCode { get; init; }
    public string? Phone { get; init; }
    public string? Education { get; init; }
    public string? Occupation { get; init; }
    public string? EmploymentStatus { get; init; }
    public string? MaritalStatus { get; init; }
    public string? HouseholdRelation { get; init; }
    public string? Disability { get; init; }
    public string? WelfareDecile { get; init; }
    public string? WelfareSource { get; init; }
    public string? WelfareAsOf { get; init; }
}

/// <summary>A checked person, ready to store.</summary>
public sealed record PersonValues
{
    public required string Nik { get; init; }
    public string? FamilyCardNumber { get; init; }
    public required string FullName { get; init; }
    public Sex Sex { get; init; }
    public string? BirthPlace { get; init; }
    public DateOnly BirthDate { get; init; }
    public string? Address { get; init; }
    public string? Rt { get; init; }
    public string? Rw { get; init; }
    public required string VillageCode { get; init; }
    public string? Phone { get; init; }
    public Education? Education { get; init; }
    public string? Occupation { get; init; }
    public EmploymentStatus? EmploymentStatus { get; init; }
    public MaritalStatus? MaritalStatus { get; init; }
    public HouseholdRelation? HouseholdRelation { get; init; }
    public bool Disability { get; init; }
    public int? WelfareDecile { get; init; }
    public string? WelfareSource { get; init; }
    public DateOnly? WelfareAsOf { get; init; }
}

/// <summary>
/// One problem with one field. <see cref="Message"/> and <see cref="Advice"/> are English sentences and the
/// localization keys; <see cref="Args"/> fill their {0}, {1}. Field names are the API's (camelCase).
/// </summary>
public sealed record FieldIssue(string Field, string Code, string Message, IReadOnlyList<string> Args, string? Advice = null)
{
    public string Format(string template) => string.Format(CultureInfo.InvariantCulture, template, [.. Args]);
}

public sealed record PersonCheck(PersonValues? Values, IReadOnlyList<FieldIssue> Errors, IReadOnlyList<FieldIssue> Warnings)
{
    public bool Valid => Values is not null;
}

/// <summary>What the rules need to know about the world: today, the regions, the agency's city.</summary>
public sealed record RegistryContext(DateOnly Today, Func<string, NikRegion?> FindDistrict, Func<string, bool> IsCurrentVillage, string? RegencyCode);

/// <summary>The rules of a resident record, shared by the forms, the API and the importer. Pure: no I/O.</summary>
public static class PersonRules
{
    public const int NameMax = 200;

    public static PersonCheck Check(PersonInput input, RegistryContext context)
    {
        var errors = new List<FieldIssue>();
        var warnings = new List<FieldIssue>();

        var nikCheck = Nik.Check(input.Nik, context.Today, context.FindDistrict);
        errors.AddRange(nikCheck.Errors.Select(e => new FieldIssue("nik", e.Code, e.Message, e.Args, ExcelAdvice(e.Code))));
        warnings.AddRange(nikCheck.Warnings.Select(w => new FieldIssue("nik", w.Code, w.Message, w.Args)));

        string? familyCard = null;
        if (!string.IsNullOrWhiteSpace(input.FamilyCardNumber))
        {
            var kk = FamilyCardNumber.Check(input.FamilyCardNumber, context.FindDistrict);
            errors.AddRange(kk.Errors.Select(e => new FieldIssue("familyCardNumber", e.Code, e.Message, e.Args, ExcelAdvice(e.Code))));
            warnings.AddRange(kk.Warnings.Select(w => new FieldIssue("familyCardNumber", w.Code, w.Message, w.Args)));
            familyCard = kk.FamilyCardNumber?.Value;
        }

        var name = Collapse(input.FullName);
        if (name is null)
        {
            errors.Add(Issue("fullName", "required", PersonMessages.NameRequiredMessage));
        }
        else if (name.Length > NameMax)
        {
            errors.Add(Issue("fullName", "too-long", PersonMessages.NameTooLongMessage, NameMax.ToString(CultureInfo.InvariantCulture)));
        }
        else if (!name.Any(char.IsLetter))
        {
            errors.Add(Issue("fullName", "no-letters", PersonMessages.NameWithoutLettersMessage));
        }

        var nik = nikCheck.Nik;
        var sex = nik?.Sex ?? Sex.Male;
        if (!string.IsNullOrWhiteSpace(input.Sex))
        {
            if (!TryParseSex(input.Sex, out var typed))
            {
                errors.Add(Issue("sex", "invalid", PersonMessages.SexInvalidMessage, input.Sex.Trim()));
            }
            else if (nik is { } n && typed != n.Sex)
            {
                errors.Add(Advised("sex", "nik-mismatch", PersonMessages.SexMismatchMessage,
                    PersonMessages.SexMismatchAdvice, n.Sex == Sex.Female ? "P" : "L"));
            }
            else
            {
                sex = typed;
            }
        }

        var birthDate = nik?.BirthDate ?? default;
        if (!string.IsNullOrWhiteSpace(input.BirthDate))
        {
            if (!DateText.TryParse(input.BirthDate, out var typed))
            {
                errors.Add(Issue("birthDate", "invalid", PersonMessages.BirthDateInvalidMessage, input.BirthDate.Trim()));
            }
            else if (nik is { } n && typed != n.BirthDate)
            {
                errors.Add(Advised("birthDate", "nik-mismatch", PersonMessages.BirthDateMismatchMessage,
                    PersonMessages.BirthDateMismatchAdvice,
                    typed.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), n.BirthDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)));
            }
            else
            {
                birthDate = typed;
            }
        }
        if (birthDate > context.Today)
        {
            errors.Add(Issue("birthDate", "future", PersonMessages.BirthDateFutureMessage));
        }

        var village = input.VillageCode?.Trim();
        if (string.IsNullOrEmpty(village))
        {
            errors.Add(Issue("villageCode", "required", PersonMessages.VillageRequiredMessage));
        }
        else if (!context.IsCurrentVillage(village))
        {
            errors.Add(Issue("villageCode", "unknown", PersonMessages.VillageUnknownMessage, village));
        }
        else if (context.RegencyCode is { Length: > 0 } regency && !village.StartsWith(regency + ".", StringComparison.Ordinal))
        {
            errors.Add(Issue("villageCode", "outside", PersonMessages.VillageOutsideMessage, village));
        }

        var rt = Neighbourhood(input.Rt, "rt", errors);
        var rw = Neighbourhood(input.Rw, "rw", errors);

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone) && !PhoneNumber.TryNormalize(input.Phone, out phone))
        {
            errors.Add(Issue("phone", "invalid", PersonMessages.PhoneInvalidMessage, input.Phone.Trim()));
            phone = null;
        }

        var education = Coded<Education>(input.Education, "education", errors);
        var employment = Coded<EmploymentStatus>(input.EmploymentStatus, "employmentStatus", errors);
        var marital = Coded<MaritalStatus>(input.MaritalStatus, "maritalStatus", errors);
        var relation = Coded<HouseholdRelation>(input.HouseholdRelation, "householdRelation", errors);

        var disability = false;
        if (!string.IsNullOrWhiteSpace(input.Disability) && !TryParseYesNo(input.Disability, out disability))
        {
            errors.Add(Issue("disability", "invalid", PersonMessages.DisabilityInvalidMessage, input.Disability.Trim()));
        }

        int? decile = null;
        if (!string.IsNullOrWhiteSpace(input.WelfareDecile))
        {
            if (int.TryParse(input.WelfareDecile.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 10)
            {
                decile = d;
            }
            else
            {
                errors.Add(Issue("welfareDecile", "invalid", PersonMessages.DecileInvalidMessage, input.WelfareDecile.Trim()));
            }
        }
        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(input.WelfareAsOf))
        {
            if (DateText.TryParse(input.WelfareAsOf, out var a) && a <= context.Today)
            {
                asOf = a;
            }
            else
            {
                errors.Add(Issue("welfareAsOf", "invalid", PersonMessages.WelfareAsOfInvalidMessage, input.WelfareAsOf.Trim()));
            }
        }

        var birthPlace = Collapse(input.BirthPlace);
        var address = Collapse(input.Address);
        var occupation = Collapse(input.Occupation);
        var source = Collapse(input.WelfareSource);
        TooLong(birthPlace, 100, "birthPlace", errors);
        TooLong(address, 300, "address", errors);
        TooLong(occupation, 100, "occupation", errors);
        TooLong(source, 60, "welfareSource", errors);

        if (errors.Count > 0 || nik is null || name is null || string.IsNullOrEmpty(village))
        {
            return new PersonCheck(null, errors, warnings);
        }
        return new PersonCheck(new PersonValues
        {
            Nik = nik.Value.Value,
            FamilyCardNumber = familyCard,
            FullName = name,
            Sex = sex,
            BirthPlace = birthPlace,
            BirthDate = birthDate,
            Address = address,
            Rt = rt,
            Rw = rw,
            VillageCode = village,
            Phone = phone,
            Education = education,
            Occupation = occupation,
            EmploymentStatus = employment,
            MaritalStatus = marital,
            HouseholdRelation = relation,
            Disability = disability,
            WelfareDecile = decile,
            WelfareSource = source,
            WelfareAsOf = asOf,
        }, errors, warnings);
    }

    public static bool TryParseSex(string? text, out Sex sex)
    {
        sex = Sex.Male;
        switch (SearchText.Key(text))
        {
            case "l" or "m" or "lakilaki" or "laki" or "pria" or "male" or "1":
                return true;
            case "p" or "f" or "perempuan" or "wanita" or "female" or "2":
                sex = Sex.Female;
                return true;
            default:
                return false;
        }
    }

    public static bool TryParseYesNo(string? text, out bool value)
    {
        value = false;
        switch (SearchText.Key(text))
        {
            case "ya" or "y" or "yes" or "true" or "1" or "ada":
                value = true;
                return true;
            case "tidak" or "t" or "no" or "n" or "false" or "0" or "tidakada" or "":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Cleaned (<see cref="TextInput.Clean(string?)"/>): trimmed, single-spaced, nothing invisible; null when empty.</summary>
    public static string? Collapse(string? text) => TextInput.Clean(text);

    private static string? ExcelAdvice(string code) =>
        code == NikIssueCodes.ExcelDamaged ? PersonMessages.ExcelDamagedAdvice : null;

    private static string? Neighbourhood(string? text, string field, List<FieldIssue> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();
        if (t.Length > 3 || !t.All(char.IsAsciiDigit) || t.All(c => c == '0'))
        {
            errors.Add(Issue(field, "invalid", PersonMessages.NeighbourhoodInvalidMessage, t));
            return null;
        }
        return t.PadLeft(3, '0');
    }

    private static T? Coded<T>(string? text, string field, List<FieldIssue> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (PersonCodes.TryParse<T>(text, out var value))
        {
            return value;
        }
        errors.Add(Issue(field, "invalid", PersonMessages.CodeUnknownMessage, text.Trim(), string.Join(", ", Enum.GetValues<T>().Select(PersonCodes.Label))));
        return null;
    }

    private static void TooLong(string? value, int max, string field, List<FieldIssue> errors)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(Issue(field, "too-long", PersonMessages.TooLongMessage, max.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static FieldIssue Issue(string field, string code, string message, params string[] args) =>
        new(field, code, message, args);

    private static FieldIssue Advised(string field, string code, string message, string advice, params string[] args) =>
        new(field, code, message, args, advice);
}

/// <summary>The English texts of the person rules; each is also its localization key (SharedResource.id.resx).</summary>
public static class PersonMessages
{
    public const string NameRequiredMessage = "Fill in the full name.";
    public const string NameTooLongMessage = "The name may have at most {0} characters.";
    public const string NameWithoutLettersMessage = "The name must contain letters.";
    public const string SexInvalidMessage = "Sex is L/M (male) or P/F (female); '{0}' is neither.";
    public const string BirthDateInvalidMessage = "'{0}' is not a date. Write it as dd/mm/yyyy, e.g. 17/08/1990.";
    public const string BirthDateFutureMessage = "The birth date is in the future.";
    public const string VillageRequiredMessage = "Choose the kelurahan/desa where the person lives.";
    public const string VillageUnknownMessage = "'{0}' is not a kelurahan/desa code.";
    public const string VillageOutsideMessage = "Kelurahan/desa {0} is outside the agency's regency/city.";
    public const string PhoneInvalidMessage = "'{0}' is not a phone number. Write it like 0812-3456-7890.";
    public const string DisabilityInvalidMessage = "Disability is Ya or Tidak; '{0}' is neither.";
    public const string DecileInvalidMessage = "The welfare decile (desil) is a whole number from 1 to 10; '{0}' is not.";
    public const string WelfareAsOfInvalidMessage = "'{0}' is not a date of the past.";
    public const string NeighbourhoodInvalidMessage = "RT and RW are numbers of up to 3 digits, like 004; '{0}' is not.";
    public const string CodeUnknownMessage = "'{0}' is not one of: {1}.";
    public const string TooLongMessage = "At most {0} characters.";
    public const string SexMismatchMessage = "The sex does not match the NIK, which says {0}.";
    public const string SexMismatchAdvice = "Check the KTP: either the sex or the NIK was typed wrongly.";
    public const string BirthDateMismatchMessage = "The birth date {0} does not match the NIK, which says {1}.";
    public const string BirthDateMismatchAdvice = "Check the KTP: either the birth date or the NIK was typed wrongly.";
    public const string SecondHeadMessage = "This family card already has a head of household ({0}).";
    public const string RegisteredElsewhereMessage = "This resident is registered in another kelurahan ({0}).";
    public const string WelfareLockedMessage = "The welfare decile and its source are set only by a data import or by an officer of the Dinas, not by a kelurahan operator.";

    public const string HeldForCheckMessage = "The data was saved and awaits a check by an officer of the Dinas before it appears in the registry.";
    public const string SecondHeadAdvice = "Check the SHDK of both persons; a family card has one head.";
    public const string ExcelDamagedAdvice = "Format the column as Text in the spreadsheet, type the numbers again, and import the file again.";
}
