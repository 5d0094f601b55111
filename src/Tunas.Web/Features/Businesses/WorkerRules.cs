using System.Globalization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Businesses;

public sealed record WorkerInput
{
    public string? FullName { get; init; }
    public string? Nik { get; init; }
    public bool NikConsent { get; init; }
    public int? HoursPerWeek { get; init; }
    public string? PayBand { get; init; }
    public string? StartedOn { get; init; }
    public string? EndedOn { get; init; }
}

public sealed record WorkerValues(string FullName, string? Nik, int HoursPerWeek, PayBand PayBand, DateOnly StartedOn, DateOnly? EndedOn);

public sealed record WorkerCheck(WorkerValues? Values, IReadOnlyList<FieldIssue> Errors);

/// <summary>The rules of a worker's fields. A NIK is taken only with the worker's recorded consent.</summary>
public static class WorkerRules
{
    public const int NameMax = 120;
    public const int MaxHours = 84;

    /// <summary>The flag of a worker whose NIK is counted in another business over the same days.</summary>
    public const string DoubleCounted = "doubleCounted";

    public const string NameRequiredMessage = "Fill in the worker's name.";
    public const string NikWithoutConsentMessage = "A worker's NIK is kept only with their consent: tick that the worker agreed, or leave the NIK empty.";
    public const string HoursInvalidMessage = "Hours per week are a whole number from 1 to {0}.";
    public const string PayBandInvalidMessage = "The pay band is one of unpaid, underOneMillion, oneToTwoMillion, twoToThreeMillion or overThreeMillion.";
    public const string StartRequiredMessage = "Fill in the day the worker started.";
    public const string DateInvalidMessage = "{0} is not a date (use dd/mm/yyyy).";
    public const string EndBeforeStartMessage = "The last day cannot be before the first day.";

    public static WorkerCheck Check(WorkerInput input, DateOnly today, Func<string, NikRegion?> findDistrict)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldIssue>();
        var name = TextInput.Clean(input.FullName);
        if (name is null)
        {
            errors.Add(BusinessFields.Issue("fullName", "required", NameRequiredMessage));
        }
        BusinessFields.TooLong(name, NameMax, "fullName", errors);

        string? nik = null;
        if (!string.IsNullOrWhiteSpace(input.Nik))
        {
            if (!input.NikConsent)
            {
                errors.Add(BusinessFields.Issue("nik", "no-consent", NikWithoutConsentMessage));
            }
            else
            {
                var check = Shared.Nik.Check(input.Nik, today, findDistrict);
                if (check.Valid)
                {
                    nik = check.Nik!.Value.Value;
                }
                errors.AddRange(check.Errors.Select(e => new FieldIssue("nik", e.Code, e.Message, e.Args)));
            }
        }

        if (input.HoursPerWeek is not { } hours || hours < 1 || hours > MaxHours)
        {
            errors.Add(BusinessFields.Issue("hoursPerWeek", "invalid", HoursInvalidMessage, MaxHours.ToString(CultureInfo.InvariantCulture)));
        }

        PayBand? band = Enum.TryParse<PayBand>(input.PayBand?.Trim(), ignoreCase: true, out var b) && Enum.IsDefined(b) && !int.TryParse(input.PayBand, out _) ? b : null;
        if (band is null)
        {
            errors.Add(BusinessFields.Issue("payBand", "invalid", PayBandInvalidMessage));
        }

        var started = Date(input.StartedOn, "startedOn", errors);
        if (started is null && string.IsNullOrWhiteSpace(input.StartedOn))
        {
            errors.Add(BusinessFields.Issue("startedOn", "required", StartRequiredMessage));
        }
        var ended = Date(input.EndedOn, "endedOn", errors);
        if (started is { } s && ended is { } e && e < s)
        {
            errors.Add(BusinessFields.Issue("endedOn", "before-start", EndBeforeStartMessage));
        }

        return errors.Count > 0
            ? new(null, errors)
            : new(new WorkerValues(name!, nik, input.HoursPerWeek!.Value, band!.Value, started!.Value, ended), errors);
    }

    /// <summary>Two stints overlap when each starts before the other ends (an open end runs on).</summary>
    public static bool Overlap(DateOnly startA, DateOnly? endA, DateOnly startB, DateOnly? endB) =>
        startA <= (endB ?? DateOnly.MaxValue) && startB <= (endA ?? DateOnly.MaxValue);

    public static string Code(PayBand band) => BusinessFields.JsonNamingPolicyText(band.ToString());

    private static DateOnly? Date(string? text, string field, List<FieldIssue> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateText.TryParse(text, out var date))
        {
            return date;
        }
        errors.Add(BusinessFields.Issue(field, "invalid", DateInvalidMessage, text.Trim()));
        return null;
    }
}
