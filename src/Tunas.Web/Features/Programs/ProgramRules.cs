
namespace Tunas.Web.Features.Programs;

/// <summary>The eligibility rules and selection settings as typed or sent: text; empty switches a rule off.</summary>
public sealed record RulesInput
{
    public string? MinAge { get; init; }
    public string? MaxAge { get; init; }
    public string? AgeReferenceDate { get; init; }
    public string? MaxDesil { get; init; }
    public string? DomicileRegencyCode { get; init; }
    public string? MaxPerHousehold { get; init; }
    public string? ExcludeTrainedWithinYears { get; init; }

    // Selection settings: empty keeps the stored value, except the waitlist (empty: no limit).
    public string? YouthWeight { get; init; }
    public string? WomenWeight { get; init; }
    public string? SpillOver { get; init; }
    public string? WaitlistLength { get; init; }
    public string? NameDisplay { get; init; }

    // Completion rule: empty keeps the stored value.
    public string? CompletionAttendancePercent { get; init; }
    public string? CompletionRequiresPractical { get; init; }
}

/// <summary>Checked rules; a null rule is off, a null setting (but the waitlist) is unchanged.</summary>
public sealed record RulesValues
{
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public DateOnly? AgeReferenceDate { get; init; }
    public int? MaxDesil { get; init; }
    public string? DomicileRegencyCode { get; init; }
    public int? MaxPerHousehold { get; init; }
    public int? ExcludeTrainedWithinYears { get; init; }
    public int? YouthWeight { get; init; }
    public int? WomenWeight { get; init; }
    public SpillOverRule? SpillOver { get; init; }
    public int? WaitlistLength { get; init; }
    public NameDisplay? NameDisplay { get; init; }
    public int? CompletionAttendancePercent { get; init; }
    public bool? CompletionRequiresPractical { get; init; }
}

/// <summary>
/// A program's eligibility rules and selection settings: their checks, and their mapping to the inputs of the
/// selection engine (the selection's <c>ProgramSettings</c>).
/// </summary>
public static class ProgramRules
{
    public const int MaxWeight = 20;
    public const int MaxHousehold = 20;
    public const int MaxYears = 20;
    public const int MaxWaitlist = 100_000;

    /// <param name="input">The rules as typed.</param>
    /// <param name="isRegencyOrProvince">Whether a dotted code is a regency/city or a province.</param>
    public static Checked<RulesValues> Check(RulesInput input, Func<string, bool> isRegencyOrProvince)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(isRegencyOrProvince);
        var errors = new List<Registry.FieldIssue>();
        var minAge = Checks.Whole(input.MinAge, "minAge", 0, 120, null, ProgramMessages.AgeInvalidMessage, errors);
        var maxAge = Checks.Whole(input.MaxAge, "maxAge", 0, 120, null, ProgramMessages.AgeInvalidMessage, errors);
        if (minAge is { } lo && maxAge is { } hi && lo > hi)
        {
            errors.Add(Checks.Issue("maxAge", "range", ProgramMessages.AgeRangeMessage, Checks.Number(lo), Checks.Number(hi)));
        }
        var reference = Checks.Date(input.AgeReferenceDate, "ageReferenceDate", required: false, errors);
        var maxDesil = Checks.Whole(input.MaxDesil, "maxDesil", 1, 10, null, ProgramMessages.DesilInvalidMessage, errors);
        string? domicile = null;
        if (!string.IsNullOrWhiteSpace(input.DomicileRegencyCode))
        {
            domicile = input.DomicileRegencyCode.Trim();
            if (!isRegencyOrProvince(domicile))
            {
                errors.Add(Checks.Issue("domicileRegencyCode", "unknown", ProgramMessages.DomicileInvalidMessage, domicile));
            }
        }
        var household = Checks.Whole(input.MaxPerHousehold, "maxPerHousehold", 1, MaxHousehold, null, ProgramMessages.HouseholdInvalidMessage, errors);
        var years = Checks.Whole(input.ExcludeTrainedWithinYears, "excludeTrainedWithinYears", 1, MaxYears, null, ProgramMessages.YearsInvalidMessage, errors);
        var youth = Checks.Whole(input.YouthWeight, "youthWeight", 0, MaxWeight, null, ProgramMessages.WeightInvalidMessage, errors);
        var women = Checks.Whole(input.WomenWeight, "womenWeight", 0, MaxWeight, null, ProgramMessages.WeightInvalidMessage, errors);
        var waitlist = Checks.Whole(input.WaitlistLength, "waitlistLength", 0, MaxWaitlist, null, ProgramMessages.WaitlistInvalidMessage, errors);

        SpillOverRule? spill = null;
        if (!string.IsNullOrWhiteSpace(input.SpillOver))
        {
            if (Checks.TryEnum<SpillOverRule>(input.SpillOver, out var s))
            {
                spill = s;
            }
            else
            {
                errors.Add(Checks.Issue("spillOver", "invalid", ProgramMessages.SpillOverInvalidMessage, input.SpillOver.Trim()));
            }
        }
        NameDisplay? names = null;
        if (!string.IsNullOrWhiteSpace(input.NameDisplay))
        {
            if (Checks.TryEnum<NameDisplay>(input.NameDisplay, out var n))
            {
                names = n;
            }
            else
            {
                errors.Add(Checks.Issue("nameDisplay", "invalid", ProgramMessages.NameDisplayInvalidMessage, input.NameDisplay.Trim()));
            }
        }
        var attendance = Checks.Whole(input.CompletionAttendancePercent, "completionAttendancePercent", 0, 100, null, ProgramMessages.CompletionPercentInvalidMessage, errors);
        bool? practical = null;
        if (!string.IsNullOrWhiteSpace(input.CompletionRequiresPractical))
        {
            if (bool.TryParse(input.CompletionRequiresPractical.Trim(), out var p))
            {
                practical = p;
            }
            else
            {
                errors.Add(Checks.Issue("completionRequiresPractical", "invalid", ProgramMessages.CompletionPracticalInvalidMessage, input.CompletionRequiresPractical.Trim()));
            }
        }

        return Checks.Of(new RulesValues
        {
            MinAge = minAge,
            MaxAge = maxAge,
            AgeReferenceDate = reference,
            MaxDesil = maxDesil,
            DomicileRegencyCode = domicile,
            MaxPerHousehold = household,
            ExcludeTrainedWithinYears = years,
            YouthWeight = youth,
            WomenWeight = women,
            SpillOver = spill,
            WaitlistLength = waitlist,
            NameDisplay = names,
            CompletionAttendancePercent = attendance,
            CompletionRequiresPractical = practical,
        }, errors);
    }

    /// <summary>Sets every rule (null: off) and the settings that were given.</summary>
    public static void Apply(TrainingProgram program, RulesValues values)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(values);
        program.MinAge = values.MinAge;
        program.MaxAge = values.MaxAge;
        program.AgeReferenceDate = values.AgeReferenceDate;
        program.MaxDesil = values.MaxDesil;
        program.DomicileRegencyCode = values.DomicileRegencyCode;
        program.MaxPerHousehold = values.MaxPerHousehold;
        program.ExcludeTrainedWithinYears = values.ExcludeTrainedWithinYears;
        program.WaitlistLength = values.WaitlistLength;
        program.YouthWeight = values.YouthWeight ?? program.YouthWeight;
        program.WomenWeight = values.WomenWeight ?? program.WomenWeight;
        program.SpillOver = values.SpillOver ?? program.SpillOver;
        program.NameDisplay = values.NameDisplay ?? program.NameDisplay;
        program.CompletionAttendancePercent = values.CompletionAttendancePercent ?? program.CompletionAttendancePercent;
        program.CompletionRequiresPractical = values.CompletionRequiresPractical ?? program.CompletionRequiresPractical;
    }

    /// <summary>The rules as the audit shows them: API names, invariant text.</summary>
    public static Dictionary<string, string?> Snapshot(TrainingProgram p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(StringComparer.Ordinal)
        {
            ["minAge"] = Text(p.MinAge),
            ["maxAge"] = Text(p.MaxAge),
            ["ageReferenceDate"] = Checks.Iso(p.AgeReferenceDate),
            ["maxDesil"] = Text(p.MaxDesil),
            ["domicileRegencyCode"] = p.DomicileRegencyCode,
            ["maxPerHousehold"] = Text(p.MaxPerHousehold),
            ["excludeTrainedWithinYears"] = Text(p.ExcludeTrainedWithinYears),
            ["youthWeight"] = Checks.Number(p.YouthWeight),
            ["womenWeight"] = Checks.Number(p.WomenWeight),
            ["spillOver"] = p.SpillOver.ToString(),
            ["waitlistLength"] = Text(p.WaitlistLength),
            ["nameDisplay"] = p.NameDisplay.ToString(),
            ["completionAttendancePercent"] = Checks.Number(p.CompletionAttendancePercent),
            ["completionRequiresPractical"] = p.CompletionRequiresPractical ? "true" : "false",
        };
    }

    private static string? Text(int? value) => value is { } v ? Checks.Number(v) : null;
}
