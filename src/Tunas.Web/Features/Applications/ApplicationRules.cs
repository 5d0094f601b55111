using System.Globalization;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// An application as the public form, the public API or an operator sent it: everything still as typed. The Apply
/// and Create pages bind it; the API's body maps to it (<see cref="ApplicationRequest.ToInput"/>).
/// </summary>
public sealed record ApplicationInput
{
    public int? ProgramId { get; init; }
    public string? Nik { get; init; }
    public string? FamilyCardNumber { get; init; }
    public string? FullName { get; init; }
    public string? BirthDate { get; init; }
    public string? VillageCode { get; init; }
    public string? Phone { get; init; }
    public int? FirstTrackId { get; init; }
    public int? SecondTrackId { get; init; }
    public string? Motivation { get; init; }
    public bool Consent { get; init; }
}

/// <summary>What the intake needs to know of a program, kept in memory for a few seconds (<see cref="ProgramCatalog"/>).</summary>
public sealed record IntakeProgram(
    int Id,
    int AgencyId,
    string Name,
    ProgramStatus Status,
    DateOnly RegistrationOpens,
    DateOnly RegistrationCloses,
    DateOnly? PublicationOn,
    string? DomicileRegencyCode,
    IReadOnlyList<IntakeTrack> Tracks)
{
    public IntakeTrack? Track(int? id) => id is { } i ? Tracks.FirstOrDefault(t => t.Id == i) : null;
}

public sealed record IntakeTrack(int Id, string Name, bool WomenOnly);

/// <summary>What the rules need to know about the world: today in Indonesia and the regions (and their names, for the receipt).</summary>
public sealed record IntakeContext(DateOnly Today, Func<string, NikRegion?> FindDistrict, Func<string, bool> IsCurrentVillage, Func<string, string?>? RegionName = null);

/// <summary>A checked application, ready for the writer.</summary>
public sealed record ApplicationValues(
    string Nik,
    string FamilyCardNumber,
    string FullName,
    Sex Sex,
    DateOnly BirthDate,
    string VillageCode,
    string Phone,
    int FirstTrackId,
    int? SecondTrackId,
    string? Motivation);

/// <summary>
/// One basic check shown on the receipt. <see cref="Passed"/> false is a warning, never a refusal: eligibility is
/// decided by the selection. <see cref="Message"/> is the English text and localization key, <see cref="Args"/> fill it.
/// </summary>
public sealed record IntakeCheck(string Code, bool Passed, string Message, IReadOnlyList<string> Args)
{
    public string Format(string template) => string.Format(CultureInfo.InvariantCulture, template, [.. Args]);
}

public sealed record ApplicationCheck(ApplicationValues? Values, IReadOnlyList<FieldIssue> Errors, IReadOnlyList<IntakeCheck> Checks);

/// <summary>Stable codes of <see cref="IntakeCheck"/>.</summary>
public static class IntakeCheckCodes
{
    public const string Nik = "nik";
    public const string FamilyCard = "family-card";
    public const string BirthDate = "birth-date";
    public const string Domicile = "domicile";
    public const string Registry = "registry";
    public const string Desil = "desil";
    public const string Track = "track";
}

/// <summary>
/// The rules of an application, shared by the public form, the public API and the operator's form. Pure: no I/O.
/// Whether the person is in the registry and their desil are added by the writer, which looks them up.
/// </summary>
public static class ApplicationRules
{
    public const int MotivationMax = 1000;

    /// <summary>Null when registration is open today; otherwise why not (field "programId").</summary>
    public static FieldIssue? RegistrationWindow(IntakeProgram program, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (program.Status == ProgramStatus.Active && today < program.RegistrationOpens)
        {
            return new FieldIssue("programId", "not-open", ApplicationMessages.RegistrationNotOpenMessage,
                [program.Name, DateText.Date(program.RegistrationOpens)]);
        }
        if (program.Status != ProgramStatus.Active || today > program.RegistrationCloses)
        {
            return new FieldIssue("programId", "closed", ApplicationMessages.RegistrationClosedMessage,
                [program.Name, DateText.Date(program.RegistrationCloses)]);
        }
        return null;
    }

    public static ApplicationCheck Check(ApplicationInput input, IntakeProgram program, IntakeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<FieldIssue>();
        var checks = new List<IntakeCheck>(6);

        var nikCheck = Shared.Nik.Check(input.Nik, context.Today, context.FindDistrict);
        foreach (var e in nikCheck.Errors)
        {
            errors.Add(new FieldIssue("nik", e.Code, e.Message, e.Args));
        }
        var nik = nikCheck.Nik;
        if (nik is not null)
        {
            checks.Add(nikCheck.Warnings.Count == 0
                ? new IntakeCheck(IntakeCheckCodes.Nik, true, ApplicationMessages.NikValidMessage, [])
                : new IntakeCheck(IntakeCheckCodes.Nik, false, nikCheck.Warnings[0].Message, nikCheck.Warnings[0].Args));
        }

        var kk = FamilyCardNumber.Check(input.FamilyCardNumber, context.FindDistrict);
        foreach (var e in kk.Errors)
        {
            errors.Add(new FieldIssue("familyCardNumber", e.Code, e.Message, e.Args));
        }
        if (kk.Valid && kk.Warnings.Count > 0)
        {
            checks.Add(new IntakeCheck(IntakeCheckCodes.FamilyCard, false, kk.Warnings[0].Message, kk.Warnings[0].Args));
        }

        var name = PersonRules.Collapse(input.FullName);
        if (name is null)
        {
            errors.Add(new FieldIssue("fullName", "required", PersonMessages.NameRequiredMessage, []));
        }
        else if (name.Length > PersonRules.NameMax)
        {
            errors.Add(new FieldIssue("fullName", "too-long", PersonMessages.NameTooLongMessage, [Invariant(PersonRules.NameMax)]));
        }
        else if (!name.Any(char.IsLetter))
        {
            errors.Add(new FieldIssue("fullName", "no-letters", PersonMessages.NameWithoutLettersMessage, []));
        }

        if (string.IsNullOrWhiteSpace(input.BirthDate))
        {
            errors.Add(new FieldIssue("birthDate", "required", ApplicationMessages.BirthDateRequiredMessage, []));
        }
        else if (!DateText.TryParse(input.BirthDate, out var birth))
        {
            errors.Add(new FieldIssue("birthDate", "invalid", PersonMessages.BirthDateInvalidMessage, [input.BirthDate.Trim()]));
        }
        else if (nik is { } n && birth != n.BirthDate)
        {
            errors.Add(new FieldIssue("birthDate", "nik-mismatch", PersonMessages.BirthDateMismatchMessage,
                [Dashed(birth), Dashed(n.BirthDate)], PersonMessages.BirthDateMismatchAdvice));
        }
        else if (nik is not null)
        {
            checks.Add(new IntakeCheck(IntakeCheckCodes.BirthDate, true, ApplicationMessages.BirthDateAgreesMessage, []));
        }

        var village = input.VillageCode?.Trim();
        if (string.IsNullOrEmpty(village))
        {
            errors.Add(new FieldIssue("villageCode", "required", PersonMessages.VillageRequiredMessage, []));
        }
        else if (village.Length > 13 || !context.IsCurrentVillage(village))
        {
            errors.Add(new FieldIssue("villageCode", "unknown", PersonMessages.VillageUnknownMessage, [Cut(village, 20)]));
        }
        else if (program.DomicileRegencyCode is { Length: > 0 } area)
        {
            var areaName = context.RegionName?.Invoke(area) ?? area;
            checks.Add(village.StartsWith(area + ".", StringComparison.Ordinal)
                ? new IntakeCheck(IntakeCheckCodes.Domicile, true, IntakeMessages.DomicileInsideMessage, [areaName])
                : new IntakeCheck(IntakeCheckCodes.Domicile, false, IntakeMessages.DomicileOutsideMessage,
                    [context.RegionName?.Invoke(village) is { } villageName ? $"{villageName} ({village})" : village, areaName]));
        }

        string? phone = null;
        if (string.IsNullOrWhiteSpace(input.Phone))
        {
            errors.Add(new FieldIssue("phone", "required", ApplicationMessages.PhoneRequiredMessage, []));
        }
        else if (!PhoneNumber.TryNormalize(input.Phone, out var normalized))
        {
            errors.Add(new FieldIssue("phone", "invalid", PersonMessages.PhoneInvalidMessage, [Cut(input.Phone.Trim(), 30)]));
        }
        else
        {
            phone = normalized;
        }

        var first = program.Track(input.FirstTrackId);
        if (input.FirstTrackId is null)
        {
            errors.Add(new FieldIssue("firstTrackId", "required", ApplicationMessages.FirstTrackRequiredMessage, []));
        }
        else if (first is null)
        {
            errors.Add(new FieldIssue("firstTrackId", "unknown", ApplicationMessages.TrackUnknownMessage, []));
        }
        var second = program.Track(input.SecondTrackId);
        if (input.SecondTrackId is not null)
        {
            if (second is null)
            {
                errors.Add(new FieldIssue("secondTrackId", "unknown", ApplicationMessages.TrackUnknownMessage, []));
            }
            else if (input.SecondTrackId == input.FirstTrackId)
            {
                errors.Add(new FieldIssue("secondTrackId", "same", ApplicationMessages.SecondTrackSameMessage, []));
            }
        }
        if (nik is { Sex: Sex.Male } && first is not null && (first.WomenOnly || second?.WomenOnly == true))
        {
            checks.Add(new IntakeCheck(IntakeCheckCodes.Track, false, IntakeMessages.TrackWomenOnlyMessage, []));
        }

        var motivation = TextInput.CleanLines(input.Motivation);
        if (motivation is not null && motivation.Length > MotivationMax)
        {
            errors.Add(new FieldIssue("motivation", "too-long", ApplicationMessages.MotivationTooLongMessage, [Invariant(MotivationMax)]));
        }

        if (!input.Consent)
        {
            errors.Add(new FieldIssue("consent", "required", ApplicationMessages.ConsentRequiredMessage, []));
        }

        if (errors.Count > 0 || nik is not { } valid || kk.FamilyCardNumber is not { } card || name is null || village is null || phone is null || first is null)
        {
            return new ApplicationCheck(null, errors, checks);
        }
        return new ApplicationCheck(
            new ApplicationValues(valid.Value, card.Value, name, valid.Sex, valid.BirthDate, village, phone, first.Id, second?.Id, motivation),
            errors, checks);
    }

    /// <summary>The checks only the registry can answer: is the person in it (verified?), is their desil known.</summary>
    public static void AddRegistryChecks(List<IntakeCheck> checks, bool isNew, bool verified, int? welfareDecile)
    {
        ArgumentNullException.ThrowIfNull(checks);
        checks.Add(isNew
            ? new IntakeCheck(IntakeCheckCodes.Registry, false, ApplicationMessages.RegistryNewMessage, [])
            : verified
                ? new IntakeCheck(IntakeCheckCodes.Registry, true, ApplicationMessages.RegistryFoundMessage, [])
                : new IntakeCheck(IntakeCheckCodes.Registry, false, ApplicationMessages.RegistryUnverifiedMessage, []));
        checks.Add(welfareDecile is null
            ? new IntakeCheck(IntakeCheckCodes.Desil, false, IntakeMessages.DesilUnknownMessage, [])
            : new IntakeCheck(IntakeCheckCodes.Desil, true, ApplicationMessages.DesilKnownMessage, []));
    }

    private static string Dashed(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}

/// <summary>The English texts of applications; each is also its localization key (SharedResource.id.resx).</summary>
public static class ApplicationMessages
{
    /// <summary>
    /// The purpose the applicant consents to (UU 27/2022); the text shown in the user's language is what is stored
    /// with the application.
    /// </summary>
    public const string ConsentPurposeMessage =
        "Tunas uses your NIK, family card number, name, birth date, kelurahan and WhatsApp number to check your application " +
        "against the agency's resident and social welfare registry (DTKS/DTSEN), to select the participants of this training " +
        "program, and to contact you about it. Your data is not given to anyone else; you may ask the agency to see or correct it.";

    public const string ProgramRequiredMessage = "Choose a training program.";
    public const string ProgramNotFoundMessage = "This training program does not exist or is not open to the public.";
    public const string RegistrationNotOpenMessage = "Registration for {0} opens on {1}.";
    public const string RegistrationClosedMessage = "Registration for {0} closed on {1}.";
    public const string BirthDateRequiredMessage = "Fill in the birth date.";
    public const string PhoneRequiredMessage = "Fill in the WhatsApp number.";
    public const string FirstTrackRequiredMessage = "Choose the track you want most.";
    public const string TrackUnknownMessage = "This track is not part of the program.";
    public const string SecondTrackSameMessage = "The second choice must be a different track from the first.";
    public const string MotivationTooLongMessage = "The motivation may have at most {0} characters.";
    public const string ConsentRequiredMessage = "Your consent is required: tick the box to agree to the use of your data for the purpose stated.";

    public const string NikValidMessage = "The NIK is valid.";
    public const string BirthDateAgreesMessage = "The birth date agrees with the NIK.";
    public const string RegistryFoundMessage = "Found in the agency's resident registry.";
    public const string RegistryUnverifiedMessage = "In the resident registry, not yet verified by an officer.";
    public const string RegistryNewMessage = "Not yet in the resident registry: added as self-registered, to be verified by an officer.";
    public const string DesilKnownMessage = "The welfare decile (desil) of the household is known.";

    public const string OwnVillageOnlyMessage = "A kelurahan operator registers residents of their own kelurahan only.";
    public const string QueueFullMessage = "Many people are applying right now. Please try again in a minute.";
    public const string SaveFailedMessage = "The application could not be saved. Please try again.";
    public const string TryAgainLaterMessage = "The application was not saved. Please send it again in a few minutes.";
    public const string StatusNotFoundMessage = "No application matches this registration number and birth date.";
    public const string RateLimitedMessage = "Too many requests from your address. Please try again in {0} seconds.";
    public const string NumberRateLimitedMessage = "Too many attempts for this registration number. Please try again in {0} seconds.";
}
