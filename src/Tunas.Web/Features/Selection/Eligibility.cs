using System.Globalization;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Selection;

/// <summary>The rules every evaluation reports on, always all of them and in this order.</summary>
public enum EligibilityRule
{
    Age,
    Domicile,
    Desil,
    RecentTraining,

    /// <summary>The first track choice is open to the applicant (women-only tracks).</summary>
    FirstTrack,

    /// <summary>The second track choice is open to the applicant (women-only tracks).</summary>
    SecondTrack,

    /// <summary>At most N selected per family card; decided while seats are given.</summary>
    Household,
}

public enum RuleStatus
{
    Passed,
    Failed,

    /// <summary>The rule is switched off, does not concern the applicant (no second choice), or was not decided.</summary>
    NotApplied,
}

/// <summary>
/// Why: a stable kebab-case <paramref name="Code"/> (see <see cref="SelectionReasonCodes"/>), the English composite
/// format string <paramref name="Message"/> (also the localization key) and its invariant-formatted
/// <paramref name="Args"/> ({0}, {1}, ...; dates as yyyy-MM-dd).
/// </summary>
public sealed record Reason(string Code, string Message, IReadOnlyList<string> Args)
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

/// <summary>The verdict of one rule for one applicant.</summary>
public sealed record RuleResult(EligibilityRule Rule, RuleStatus Status, Reason Reason);

/// <summary>
/// All rules for one applicant. <paramref name="IsEligible"/>: every person rule passed (or is off) and at least
/// one of the chosen tracks is open to the applicant.
/// </summary>
public sealed record EligibilityResult(bool IsEligible, bool FirstTrackOpen, bool SecondTrackOpen, IReadOnlyList<RuleResult> Rules);

/// <summary>
/// The eligibility rules of one program on one reference date (decision 0006). Pure and thread-safe: build it once
/// per run and evaluate every applicant with it.
/// </summary>
public sealed class Eligibility
{
    private const int TrackStates = 4;
    private const int HouseholdStates = 3;

    private readonly string? domicilePrefix;
    private readonly DateOnly trainedAfter;
    private readonly RuleResult age;
    private readonly RuleResult domicile;
    private readonly RuleResult desil;
    private readonly RuleResult training;
    private readonly RuleResult[] firstTrack;
    private readonly RuleResult[] secondTrack;
    private readonly RuleResult[] household;

    // The rule lists of eligible applicants differ only by track and household states, so they are shared.
    private readonly IReadOnlyList<RuleResult>[] eligibleLists;

    public Eligibility(EligibilitySettings settings, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        Settings = settings;
        ReferenceDate = referenceDate;
        AgeReferenceDate = settings.AgeReferenceDate ?? referenceDate;
        if (settings.DomicileRegencyCode is { } code)
        {
            domicilePrefix = code + ".";
        }
        if (settings.ExcludeTrainedWithinYears is { } years)
        {
            trainedAfter = referenceDate.AddYears(-years);
        }

        var off = new Reason(SelectionReasonCodes.RuleOff, SelectionMessages.RuleOffMessage, []);
        age = settings.MinAge is null && settings.MaxAge is null
            ? new(EligibilityRule.Age, RuleStatus.NotApplied, off)
            : Passed(EligibilityRule.Age, SelectionReasonCodes.AgeAllowed, SelectionMessages.AgeAllowedMessage, Date(AgeReferenceDate));
        domicile = settings.DomicileRegencyCode is null
            ? new(EligibilityRule.Domicile, RuleStatus.NotApplied, off)
            : Passed(EligibilityRule.Domicile, SelectionReasonCodes.DomicileInside, SelectionMessages.DomicileInsideMessage, settings.DomicileRegencyCode);
        desil = settings.MaxDesil is null
            ? new(EligibilityRule.Desil, RuleStatus.NotApplied, off)
            : Passed(EligibilityRule.Desil, SelectionReasonCodes.DesilAllowed, SelectionMessages.DesilAllowedMessage, Number(settings.MaxDesil.Value));
        training = settings.ExcludeTrainedWithinYears is null
            ? new(EligibilityRule.RecentTraining, RuleStatus.NotApplied, off)
            : Passed(EligibilityRule.RecentTraining, SelectionReasonCodes.NotTrainedRecently, SelectionMessages.NotTrainedRecentlyMessage,
                Number(settings.ExcludeTrainedWithinYears.Value), Date(referenceDate));

        firstTrack = TrackResults(EligibilityRule.FirstTrack, off);
        secondTrack = TrackResults(EligibilityRule.SecondTrack, off);
        household = settings.MaxPerHousehold is { } max
            ?
            [
                Passed(EligibilityRule.Household, SelectionReasonCodes.HouseholdWithinLimit, SelectionMessages.HouseholdWithinLimitMessage, Number(max)),
                new(EligibilityRule.Household, RuleStatus.Failed,
                    new(SelectionReasonCodes.HouseholdLimit, SelectionMessages.HouseholdLimitReachedMessage, [Number(max)])),
                new(EligibilityRule.Household, RuleStatus.NotApplied,
                    new(SelectionReasonCodes.HouseholdAtSelection, SelectionMessages.HouseholdAtSelectionMessage, [Number(max)])),
            ]
            : [new(EligibilityRule.Household, RuleStatus.NotApplied, off)];
        NotChecked = new(EligibilityRule.Household, RuleStatus.NotApplied,
            settings.MaxPerHousehold is null ? off : new(SelectionReasonCodes.NotChecked, SelectionMessages.NotCheckedMessage, []));

        eligibleLists = new IReadOnlyList<RuleResult>[TrackStates * TrackStates * HouseholdStates];
        for (var f = 0; f < TrackStates; f++)
        {
            for (var s = 0; s < TrackStates; s++)
            {
                for (var h = 0; h < HouseholdStates; h++)
                {
                    eligibleLists[((f * TrackStates) + s) * HouseholdStates + h] = Array.AsReadOnly(
                        [age, domicile, desil, training, firstTrack[f], secondTrack[s], household[Math.Min(h, household.Length - 1)]]);
                }
            }
        }
    }

    public EligibilitySettings Settings { get; }

    /// <summary>The run's reference date: recent training is counted back from it.</summary>
    public DateOnly ReferenceDate { get; }

    /// <summary>The date ages are counted on (the settings' own date, else the reference date).</summary>
    public DateOnly AgeReferenceDate { get; }

    /// <summary>The household rule of an applicant who is not eligible anyway.</summary>
    internal RuleResult NotChecked { get; }

    /// <summary>Evaluates every rule for one applicant; the household rule is left to the selection run.</summary>
    public static EligibilityResult Evaluate(Applicant applicant, EligibilitySettings settings, DateOnly referenceDate) =>
        new Eligibility(settings, referenceDate).Evaluate(applicant);

    /// <summary>Evaluates every rule for one applicant; the household rule is left to the selection run.</summary>
    public EligibilityResult Evaluate(Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var verdict = Check(applicant);
        var rules = Rules(applicant, verdict, HouseholdCheck.AtSelection);
        return new(verdict.IsEligible, verdict.FirstOpen, verdict.SecondOpen, rules);
    }

    /// <summary>Completed years of age on <paramref name="date"/>; the birthday itself counts (29 February: 1 March).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var years = date.Year - birthDate.Year;
        if (date.Month < birthDate.Month || (date.Month == birthDate.Month && date.Day < birthDate.Day))
        {
            years--;
        }
        return years;
    }

    /// <summary>False only for a man and a women-only track.</summary>
    public bool MayTake(Applicant applicant, long trackId)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return applicant.Sex == Sex.Female || !Settings.WomenOnlyTrackIds.Contains(trackId);
    }

    /// <summary>The person rules and the track choices, without allocating.</summary>
    internal Verdict Check(Applicant applicant)
    {
        var failures = PersonFailures.None;
        var s = Settings;
        if (s.MinAge is not null || s.MaxAge is not null)
        {
            var years = AgeOn(applicant.BirthDate, AgeReferenceDate);
            if (years < s.MinAge || years > s.MaxAge)
            {
                failures |= PersonFailures.Age;
            }
        }
        if (domicilePrefix is not null && !LivesInside(applicant.VillageCode))
        {
            failures |= PersonFailures.Domicile;
        }
        if (s.MaxDesil is { } maxDesil && (applicant.WelfareDecile is not { } d || d > maxDesil))
        {
            failures |= PersonFailures.Desil;
        }
        if (s.ExcludeTrainedWithinYears is not null && applicant.LastTrainedOn > trainedAfter)
        {
            failures |= PersonFailures.Training;
        }
        var hasSecond = applicant.SecondTrackId is { } second && second != applicant.FirstTrackId;
        return new(failures, MayTake(applicant, applicant.FirstTrackId), hasSecond && MayTake(applicant, applicant.SecondTrackId!.Value), hasSecond);
    }

    /// <summary>The full list of rules; shared lists for eligible applicants, a new list with details otherwise.</summary>
    internal IReadOnlyList<RuleResult> Rules(Applicant applicant, Verdict verdict, HouseholdCheck check)
    {
        var first = TrackState(verdict.FirstOpen, chosen: true);
        var second = TrackState(verdict.SecondOpen, verdict.HasSecond);
        if (verdict.IsEligible && check != HouseholdCheck.AtSelection)
        {
            return eligibleLists[((first * TrackStates) + second) * HouseholdStates + (int)check];
        }
        return
        [
            (verdict.Failures & PersonFailures.Age) != 0 ? AgeFailure(applicant) : age,
            (verdict.Failures & PersonFailures.Domicile) != 0 ? DomicileFailure(applicant) : domicile,
            (verdict.Failures & PersonFailures.Desil) != 0 ? DesilFailure(applicant) : desil,
            (verdict.Failures & PersonFailures.Training) != 0 ? TrainingFailure(applicant) : training,
            firstTrack[first],
            secondTrack[second],
            !verdict.IsEligible ? NotChecked : household[Math.Min((int)check, household.Length - 1)],
        ];
    }

    private bool LivesInside(string? villageCode) =>
        !string.IsNullOrEmpty(villageCode)
        && (villageCode.StartsWith(domicilePrefix!, StringComparison.Ordinal)
            || string.Equals(villageCode, Settings.DomicileRegencyCode, StringComparison.Ordinal));

    // Track states: 0 passed, 1 failed (women only), 2 rule off, 3 no such choice.
    private int TrackState(bool open, bool chosen) =>
        !chosen ? 3 : Settings.WomenOnlyTrackIds.Count == 0 ? 2 : open ? 0 : 1;

    private static RuleResult[] TrackResults(EligibilityRule rule, Reason off) =>
    [
        Passed(rule, SelectionReasonCodes.TrackOpen, SelectionMessages.TrackOpenMessage),
        new(rule, RuleStatus.Failed, new(SelectionReasonCodes.TrackWomenOnly, SelectionMessages.TrackWomenOnlyMessage, [])),
        new(rule, RuleStatus.NotApplied, off),
        new(rule, RuleStatus.NotApplied, new(SelectionReasonCodes.NoSecondChoice, SelectionMessages.NoSecondChoiceMessage, [])),
    ];

    private RuleResult AgeFailure(Applicant applicant)
    {
        var years = AgeOn(applicant.BirthDate, AgeReferenceDate);
        return years < Settings.MinAge
            ? Failed(EligibilityRule.Age, SelectionReasonCodes.AgeTooYoung, SelectionMessages.AgeTooYoungMessage,
                Number(years), Date(AgeReferenceDate), Number(Settings.MinAge.Value))
            : Failed(EligibilityRule.Age, SelectionReasonCodes.AgeTooOld, SelectionMessages.AgeTooOldMessage,
                Number(years), Date(AgeReferenceDate), Number(Settings.MaxAge!.Value));
    }

    private RuleResult DomicileFailure(Applicant applicant) =>
        string.IsNullOrEmpty(applicant.VillageCode)
            ? Failed(EligibilityRule.Domicile, SelectionReasonCodes.DomicileUnknown, SelectionMessages.DomicileUnknownMessage)
            : Failed(EligibilityRule.Domicile, SelectionReasonCodes.DomicileOutside, SelectionMessages.DomicileOutsideMessage,
                applicant.VillageCode, Settings.DomicileRegencyCode!);

    private RuleResult DesilFailure(Applicant applicant) =>
        applicant.WelfareDecile is { } d
            ? Failed(EligibilityRule.Desil, SelectionReasonCodes.DesilTooHigh, SelectionMessages.DesilTooHighMessage,
                Number(d), Number(Settings.MaxDesil!.Value))
            : Failed(EligibilityRule.Desil, SelectionReasonCodes.DesilUnknown, SelectionMessages.DesilUnknownMessage);

    private RuleResult TrainingFailure(Applicant applicant) =>
        Failed(EligibilityRule.RecentTraining, SelectionReasonCodes.TrainedRecently, SelectionMessages.TrainedRecentlyMessage,
            Date(applicant.LastTrainedOn!.Value), Number(Settings.ExcludeTrainedWithinYears!.Value), Date(ReferenceDate));

    private static RuleResult Passed(EligibilityRule rule, string code, string message, params string[] args) =>
        new(rule, RuleStatus.Passed, new(code, message, args));

    private static RuleResult Failed(EligibilityRule rule, string code, string message, params string[] args) =>
        new(rule, RuleStatus.Failed, new(code, message, args));

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Validate(EligibilitySettings settings)
    {
        if (settings.MinAge < 0 || settings.MaxAge < 0 || settings.MinAge > settings.MaxAge)
        {
            throw new ArgumentException($"The age range {settings.MinAge}-{settings.MaxAge} is not valid.", nameof(settings));
        }
        if (settings.MaxDesil is < 1 or > 10)
        {
            throw new ArgumentException($"The maximum desil is 1 to 10, not {settings.MaxDesil}.", nameof(settings));
        }
        if (settings.MaxPerHousehold < 1)
        {
            throw new ArgumentException($"The household limit is at least 1, not {settings.MaxPerHousehold}.", nameof(settings));
        }
        if (settings.ExcludeTrainedWithinYears < 1)
        {
            throw new ArgumentException($"The recent-training period is at least 1 year, not {settings.ExcludeTrainedWithinYears}.", nameof(settings));
        }
        if (settings.DomicileRegencyCode is { } code
            && (code.Length == 0 || code[0] == '.' || code[^1] == '.' || !code.All(c => c is '.' or (>= '0' and <= '9'))))
        {
            throw new ArgumentException($"'{code}' is not a dotted region code.", nameof(settings));
        }
        ArgumentNullException.ThrowIfNull(settings.WomenOnlyTrackIds);
    }
}

/// <summary>How the household rule stands for one applicant; the values index the shared rule lists.</summary>
internal enum HouseholdCheck
{
    WithinLimit = 0,
    LimitReached = 1,
    AtSelection = 2,
}

[Flags]
internal enum PersonFailures : byte
{
    None = 0,
    Age = 1,
    Domicile = 2,
    Desil = 4,
    Training = 8,
}

/// <summary>The outcome of the person rules and the track choices, kept per applicant during a run.</summary>
internal readonly record struct Verdict(PersonFailures Failures, bool FirstOpen, bool SecondOpen, bool HasSecond)
{
    public bool IsEligible => Failures == PersonFailures.None && (FirstOpen || SecondOpen);
}
