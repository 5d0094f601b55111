using System.Globalization;
using System.Security.Cryptography;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Programs;

/// <summary>A program as typed into the form or sent to the API: everything still text.</summary>
public sealed record ProgramInput
{
    public string? Name { get; init; }
    public string? Year { get; init; }
    public string? Budget { get; init; }

    /// <summary>Empty: unchanged (a new program pays none).</summary>
    public string? TransportPerDay { get; init; }

    public string? Description { get; init; }
    public string? TargetSize { get; init; }
    public string? RegistrationOpens { get; init; }
    public string? RegistrationCloses { get; init; }
    public string? SelectionOn { get; init; }
    public string? PublicationOn { get; init; }
    public string? AppealOpens { get; init; }
    public string? AppealCloses { get; init; }
    public string? TrainingStarts { get; init; }
    public string? TrainingEnds { get; init; }

    /// <summary>Empty: unchanged (a new program is a draft).</summary>
    public string? Status { get; init; }

    /// <summary>Empty: unchanged (a new program gets a random one).</summary>
    public string? Seed { get; init; }
}

/// <summary>A checked program, ready to store.</summary>
public sealed record ProgramValues
{
    public required string Name { get; init; }
    public int Year { get; init; }
    public long Budget { get; init; }
    public long? TransportPerDay { get; init; }
    public string? Description { get; init; }
    public int TargetSize { get; init; }
    public DateOnly RegistrationOpens { get; init; }
    public DateOnly RegistrationCloses { get; init; }
    public DateOnly? SelectionOn { get; init; }
    public DateOnly? PublicationOn { get; init; }
    public DateOnly? AppealOpens { get; init; }
    public DateOnly? AppealCloses { get; init; }
    public DateOnly? TrainingStarts { get; init; }
    public DateOnly? TrainingEnds { get; init; }
    public ProgramStatus? Status { get; init; }
    public string? Seed { get; init; }
}

/// <summary>The outcome of a check: the values when there is no error, and every error with its field.</summary>
public sealed record Checked<T>(T? Values, IReadOnlyList<FieldIssue> Errors) where T : class;

/// <summary>The rules of a program's own fields and calendar. Pure: the caller gives today and the stored program.</summary>
public static class ProgramFields
{
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;
    public const int TargetMax = 10_000_000;

    public static Checked<ProgramValues> Check(ProgramInput input, DateOnly today, TrainingProgram? existing = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldIssue>();

        var name = Checks.Collapse(input.Name);
        if (name is null)
        {
            errors.Add(Checks.Issue("name", "required", ProgramMessages.NameRequiredMessage));
        }
        else
        {
            Checks.TooLong(name, NameMax, "name", errors);
        }
        var description = TextInput.CleanLines(input.Description);
        Checks.TooLong(description, DescriptionMax, "description", errors);

        var year = Checks.Whole(input.Year, "year", 2000, 2100, ProgramMessages.YearRequiredMessage, ProgramMessages.YearInvalidMessage, errors);

        long budget = 0;
        if (string.IsNullOrWhiteSpace(input.Budget))
        {
            errors.Add(Checks.Issue("budget", "required", ProgramMessages.BudgetRequiredMessage));
        }
        else if (!Rupiah.TryParse(input.Budget, out budget))
        {
            errors.Add(Checks.Issue("budget", "invalid", ProgramMessages.BudgetInvalidMessage, input.Budget.Trim()));
        }

        long? transport = null;
        if (!string.IsNullOrWhiteSpace(input.TransportPerDay))
        {
            if (Rupiah.TryParse(input.TransportPerDay, out var perDay))
            {
                transport = perDay;
            }
            else
            {
                errors.Add(Checks.Issue("transportPerDay", "invalid", ProgramMessages.BudgetInvalidMessage, input.TransportPerDay.Trim()));
            }
        }

        int? target = null;
        if (string.IsNullOrWhiteSpace(input.TargetSize))
        {
            errors.Add(Checks.Issue("targetSize", "required", ProgramMessages.TargetRequiredMessage));
        }
        else if (!Checks.TryWhole(input.TargetSize, out var t) || t is < 1 or > TargetMax)
        {
            errors.Add(Checks.Issue("targetSize", "invalid", ProgramMessages.TargetInvalidMessage, input.TargetSize.Trim(), Checks.Number(TargetMax)));
        }
        else
        {
            target = t;
        }

        var opens = Checks.Date(input.RegistrationOpens, "registrationOpens", required: true, errors);
        var closes = Checks.Date(input.RegistrationCloses, "registrationCloses", required: true, errors);
        var selection = Checks.Date(input.SelectionOn, "selectionOn", required: false, errors);
        var publication = Checks.Date(input.PublicationOn, "publicationOn", required: false, errors);
        var appealOpens = Checks.Date(input.AppealOpens, "appealOpens", required: false, errors);
        var appealCloses = Checks.Date(input.AppealCloses, "appealCloses", required: false, errors);
        var trainingStarts = Checks.Date(input.TrainingStarts, "trainingStarts", required: false, errors);
        var trainingEnds = Checks.Date(input.TrainingEnds, "trainingEnds", required: false, errors);

        // Each date of the chain is compared with the last earlier one that is filled in.
        DateOnly? previous = null;
        foreach (var (field, date) in (ReadOnlySpan<(string, DateOnly?)>)
            [("registrationOpens", opens), ("registrationCloses", closes), ("selectionOn", selection),
             ("publicationOn", publication), ("appealOpens", appealOpens), ("appealCloses", appealCloses)])
        {
            if (date is not { } d)
            {
                continue;
            }
            if (previous is { } p && d < p)
            {
                errors.Add(Checks.Issue(field, "order", ProgramMessages.CalendarOrderMessage, Checks.Shown(p)));
            }
            previous = d;
        }
        if (trainingStarts is { } ts && closes is { } rc && ts < rc)
        {
            errors.Add(Checks.Issue("trainingStarts", "order", ProgramMessages.TrainingBeforeRegistrationMessage, Checks.Shown(rc)));
        }
        if (trainingEnds is { } te && (trainingStarts ?? closes) is { } start && te < start)
        {
            errors.Add(trainingStarts is null
                ? Checks.Issue("trainingEnds", "order", ProgramMessages.TrainingBeforeRegistrationMessage, Checks.Shown(start))
                : Checks.Issue("trainingEnds", "order", ProgramMessages.TrainingEndBeforeStartMessage, Checks.Shown(start)));
        }

        ProgramStatus? status = null;
        if (!string.IsNullOrWhiteSpace(input.Status))
        {
            if (Checks.TryEnum<ProgramStatus>(input.Status, out var s))
            {
                status = s;
            }
            else
            {
                errors.Add(Checks.Issue("status", "invalid", ProgramMessages.StatusInvalidMessage, input.Status.Trim()));
            }
        }

        string? seed = null;
        if (!string.IsNullOrWhiteSpace(input.Seed))
        {
            seed = input.Seed.Trim();
            if (seed.Length is < 6 or > 64 || !seed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                errors.Add(Checks.Issue("seed", "invalid", ProgramMessages.SeedInvalidMessage));
            }
            else if (existing is not null && !string.Equals(seed, existing.Seed, StringComparison.Ordinal) && SeedLocked(existing, today))
            {
                errors.Add(Checks.Issue("seed", "locked", ProgramMessages.SeedLockedMessage, Checks.Shown(existing.RegistrationOpens)));
            }
        }

        return Checks.Of(new ProgramValues
        {
            Name = name ?? "",
            Year = year ?? 0,
            Budget = budget,
            TransportPerDay = transport,
            Description = description,
            TargetSize = target ?? 0,
            RegistrationOpens = opens ?? default,
            RegistrationCloses = closes ?? default,
            SelectionOn = selection,
            PublicationOn = publication,
            AppealOpens = appealOpens,
            AppealCloses = appealCloses,
            TrainingStarts = trainingStarts,
            TrainingEnds = trainingEnds,
            Status = status,
            Seed = seed,
        }, errors);
    }

    /// <summary>The tie-break seed is fixed once registration has opened: applicants may have seen it.</summary>
    public static bool SeedLocked(TrainingProgram program, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(program);
        return today >= program.RegistrationOpens;
    }

    /// <summary>16 random hexadecimal characters.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Copies checked values onto a program; the status and seed only when given.</summary>
    public static void Apply(TrainingProgram program, ProgramValues values)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(values);
        program.Name = values.Name;
        program.Year = values.Year;
        program.Budget = values.Budget;
        if (values.TransportPerDay is { } perDay)
        {
            program.TransportPerDay = perDay;
        }
        program.Description = values.Description;
        program.TargetSize = values.TargetSize;
        program.RegistrationOpens = values.RegistrationOpens;
        program.RegistrationCloses = values.RegistrationCloses;
        program.SelectionOn = values.SelectionOn;
        program.PublicationOn = values.PublicationOn;
        program.AppealOpens = values.AppealOpens;
        program.AppealCloses = values.AppealCloses;
        program.TrainingStarts = values.TrainingStarts;
        program.TrainingEnds = values.TrainingEnds;
        if (values.Status is { } status)
        {
            program.Status = status;
        }
        if (values.Seed is { } seed)
        {
            program.Seed = seed;
        }
    }

    /// <summary>The program's own fields as the audit shows them: API names, invariant text.</summary>
    public static Dictionary<string, string?> Snapshot(TrainingProgram p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(StringComparer.Ordinal)
        {
            ["name"] = p.Name,
            ["year"] = Checks.Number(p.Year),
            ["budget"] = p.Budget.ToString(CultureInfo.InvariantCulture),
            ["transportPerDay"] = p.TransportPerDay.ToString(CultureInfo.InvariantCulture),
            ["description"] = p.Description,
            ["targetSize"] = Checks.Number(p.TargetSize),
            ["registrationOpens"] = DateText.Iso(p.RegistrationOpens),
            ["registrationCloses"] = DateText.Iso(p.RegistrationCloses),
            ["selectionOn"] = Checks.Iso(p.SelectionOn),
            ["publicationOn"] = Checks.Iso(p.PublicationOn),
            ["appealOpens"] = Checks.Iso(p.AppealOpens),
            ["appealCloses"] = Checks.Iso(p.AppealCloses),
            ["trainingStarts"] = Checks.Iso(p.TrainingStarts),
            ["trainingEnds"] = Checks.Iso(p.TrainingEnds),
            ["status"] = p.Status.ToString(),
            ["seed"] = p.Seed,
        };
    }
}

/// <summary>Small parsing helpers shared by the checks of this feature.</summary>
internal static class Checks
{
    public static Checked<T> Of<T>(T values, List<FieldIssue> errors) where T : class =>
        errors.Count == 0 ? new(values, errors) : new(null, errors);

    public static FieldIssue Issue(string field, string code, string message, params string[] args) => new(field, code, message, args);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string? Iso(DateOnly? date) => date is { } d ? DateText.Iso(d) : null;

    /// <summary>A date as a message shows it: dd/mm/yyyy, the Indonesian way.</summary>
    public static string Shown(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Cleaned (<see cref="TextInput.Clean(string?)"/>): trimmed, single-spaced, nothing invisible; null when empty.</summary>
    public static string? Collapse(string? text) => TextInput.Clean(text);

    public static bool TryWhole(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static void TooLong(string? value, int max, string field, List<FieldIssue> errors)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(Issue(field, "too-long", ProgramMessages.TooLongMessage, Number(max)));
        }
    }

    /// <summary>A whole number in a range; null when empty (an error when <paramref name="requiredMessage"/> is given) or wrong.</summary>
    public static int? Whole(string? text, string field, int min, int max, string? requiredMessage, string invalidMessage, List<FieldIssue> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (requiredMessage is not null)
            {
                errors.Add(Issue(field, "required", requiredMessage));
            }
            return null;
        }
        if (TryWhole(text, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add(Issue(field, "invalid", invalidMessage, text.Trim()));
        return null;
    }

    public static DateOnly? Date(string? text, string field, bool required, List<FieldIssue> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(Issue(field, "required", ProgramMessages.DateRequiredMessage));
            }
            return null;
        }
        if (DateText.TryParse(text, out var date))
        {
            return date;
        }
        errors.Add(Issue(field, "invalid", ProgramMessages.DateInvalidMessage, text.Trim()));
        return null;
    }

    /// <summary>An enum by its name, any case; numbers are refused (they are not names).</summary>
    public static bool TryEnum<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var t = text?.Trim();
        return !string.IsNullOrEmpty(t) && !char.IsAsciiDigit(t[0]) && t[0] != '-'
            && Enum.TryParse(t, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
