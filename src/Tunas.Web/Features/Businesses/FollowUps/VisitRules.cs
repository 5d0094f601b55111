using System.Globalization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Businesses.FollowUps;

/// <summary>
/// A visit as the form or the API sends it. Amounts are text so that a phone's "1.500.000" or "Rp 750.000" is read
/// as typed; the API's numbers arrive here as invariant text.
/// </summary>
public sealed record VisitInput
{
    public string? Channel { get; set; }
    public string? VisitedOn { get; set; }
    public bool? BusinessActive { get; set; }
    public string? MonthlyRevenue { get; set; }
    public string? MonthlyProfit { get; set; }
    public string? Workers { get; set; }
    public string? HouseholdMonthlyIncome { get; set; }
    public List<string> Needs { get; set; } = [];
    public string? Problems { get; set; }
    public bool NotReached { get; set; }
}

public sealed record VisitValues(
    FollowUpChannel Channel, DateOnly VisitedOn, bool NotReached, bool? BusinessActive, long? MonthlyRevenue, long? MonthlyProfit,
    int? Workers, long? HouseholdMonthlyIncome, FollowUpNeeds Needs, string? Problems);

public sealed record VisitCheck(VisitValues? Values, IReadOnlyList<FieldIssue> Errors);

/// <summary>
/// The rules of one answered survey (decision 0026). Pure: the row's group and end of training and today are given.
/// Rupiah are whole and never negative, except the profit, which is a loss below zero and never above the revenue.
/// </summary>
public static class VisitRules
{
    /// <summary>A month's rupiah above this is a typing slip (an extra zero), not a kelurahan business.</summary>
    public const long MaxRupiah = 1_000_000_000;

    public const int MaxWorkers = 1000;

    public const string ChannelInvalidMessage = "The channel is a visit or a phone call.";
    public const string VisitedOnRequiredMessage = "Fill in the date of the visit or call.";
    public const string VisitedOnInvalidMessage = "{0} is not a date (use dd/mm/yyyy).";
    public const string VisitedOnFutureMessage = "The visit date cannot be after today.";
    public const string VisitedOnBeforeEndMessage = "The visit date cannot be before the training ended ({0}).";
    public const string ActiveRequiredMessage = "Say whether the business is running.";
    public const string AmountRequiredMessage = "Fill in the amount in rupiah (0 if none).";
    public const string AmountInvalidMessage = "'{0}' is not an amount in whole rupiah.";
    public const string AmountNegativeMessage = "An amount in rupiah cannot be negative.";
    public const string AmountTooLargeMessage = "The amount is too large: check the number of zeros.";
    public const string ProfitAboveRevenueMessage = "The profit cannot be larger than the revenue.";
    public const string WorkersRequiredMessage = "Fill in the number of workers (0 if none).";
    public const string WorkersInvalidMessage = "The number of workers is a whole number from 0 to {0}.";
    public const string NeedUnknownMessage = "'{0}' is not a need of the list (capital, marketing, permits, training).";
    public const string TooLongMessage = "At most {0} characters.";

    public static VisitCheck Check(VisitInput input, FollowUpGroup group, DateOnly trainingEnded, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldIssue>();

        FollowUpChannel? channel = string.IsNullOrWhiteSpace(input.Channel)
            ? group == FollowUpGroup.Comparison ? FollowUpChannel.Phone : FollowUpChannel.Visit
            : Enum.TryParse<FollowUpChannel>(input.Channel.Trim(), ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(input.Channel, out _) ? c : null;
        if (channel is null)
        {
            errors.Add(Issue("channel", "invalid", ChannelInvalidMessage));
        }

        DateOnly? visited = null;
        if (string.IsNullOrWhiteSpace(input.VisitedOn))
        {
            errors.Add(Issue("visitedOn", "required", VisitedOnRequiredMessage));
        }
        else if (!DateText.TryParse(input.VisitedOn, out var d))
        {
            errors.Add(Issue("visitedOn", "invalid", VisitedOnInvalidMessage, input.VisitedOn.Trim()));
        }
        else if (d > today)
        {
            errors.Add(Issue("visitedOn", "future", VisitedOnFutureMessage));
        }
        else if (d < trainingEnded)
        {
            errors.Add(Issue("visitedOn", "before-end", VisitedOnBeforeEndMessage, trainingEnded.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
        }
        else
        {
            visited = d;
        }

        var problems = TextInput.CleanLines(input.Problems);
        if (problems is not null && problems.Length > FollowUpConfiguration.ProblemsMax)
        {
            errors.Add(Issue("problems", "too-long", TooLongMessage, FollowUpConfiguration.ProblemsMax.ToString(CultureInfo.InvariantCulture)));
        }

        // Not reached: only who tried, how and when; no answer is stored, so that the response rate stays honest.
        if (input.NotReached)
        {
            return errors.Count > 0 ? new(null, errors)
                : new(new VisitValues(channel!.Value, visited!.Value, true, null, null, null, null, null, FollowUpNeeds.None, problems), errors);
        }

        if (input.BusinessActive is null)
        {
            errors.Add(Issue("businessActive", "required", ActiveRequiredMessage));
        }
        var active = input.BusinessActive == true;
        // Revenue, profit and workers belong to a running business; for one that is not, they are not asked.
        var revenue = active ? Amount(input.MonthlyRevenue, "monthlyRevenue", required: true, allowNegative: false, errors) : null;
        var profit = active ? Amount(input.MonthlyProfit, "monthlyProfit", required: true, allowNegative: true, errors) : null;
        if (revenue is { } r && profit is { } p && p > r)
        {
            errors.Add(Issue("monthlyProfit", "above-revenue", ProfitAboveRevenueMessage));
        }
        int? workers = null;
        if (active)
        {
            if (string.IsNullOrWhiteSpace(input.Workers))
            {
                errors.Add(Issue("workers", "required", WorkersRequiredMessage));
            }
            else if (!int.TryParse(input.Workers.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var w) || w < 0 || w > MaxWorkers)
            {
                errors.Add(Issue("workers", "invalid", WorkersInvalidMessage, MaxWorkers.ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                workers = w;
            }
        }
        // A household may decline to say its income: empty stays unknown, never zero.
        var income = Amount(input.HouseholdMonthlyIncome, "householdMonthlyIncome", required: false, allowNegative: false, errors);

        var needs = FollowUpNeeds.None;
        foreach (var need in input.Needs.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (Enum.TryParse<FollowUpNeeds>(need.Trim(), ignoreCase: true, out var n) && n != FollowUpNeeds.None && Enum.IsDefined(n) && !int.TryParse(need, out _))
            {
                needs |= n;
            }
            else
            {
                errors.Add(Issue("needs", "unknown", NeedUnknownMessage, need.Trim()));
            }
        }

        return errors.Count > 0
            ? new(null, errors)
            : new(new VisitValues(channel!.Value, visited!.Value, false, active, revenue, profit, workers, income, needs, problems), errors);
    }

    /// <summary>The need flags as the API writes them: capital, marketing, permits, training.</summary>
    public static IReadOnlyList<string> Codes(FollowUpNeeds needs) =>
        [.. Enum.GetValues<FollowUpNeeds>().Where(n => n != FollowUpNeeds.None && needs.HasFlag(n)).Select(n => BusinessFields.JsonNamingPolicyText(n.ToString()))];

    /// <summary>Whole rupiah as typed: "1.500.000", "Rp 750.000", "1500000" or "-200.000".</summary>
    internal static bool TryRupiah(string text, out long value)
    {
        var t = text.Trim();
        if (t.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..].Trim();
        }
        var negative = t.StartsWith('-');
        var digits = negative ? t[1..].Trim() : t;
        // Dots and spaces group thousands (id-ID), commas too (en); a group of other than three digits is a decimal
        // part or a slip ("1.5"), not whole rupiah.
        var groups = digits.Split(['.', ',', ' ']);
        digits = string.Concat(groups);
        if (digits.Length is 0 or > 15 || !digits.All(char.IsAsciiDigit) || groups[0].Length == 0 || groups.Skip(1).Any(g => g.Length != 3))
        {
            value = 0;
            return false;
        }
        value = long.Parse(digits, CultureInfo.InvariantCulture) * (negative ? -1 : 1);
        return true;
    }

    private static long? Amount(string? text, string field, bool required, bool allowNegative, List<FieldIssue> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(Issue(field, "required", AmountRequiredMessage));
            }
            return null;
        }
        if (!TryRupiah(text, out var value))
        {
            errors.Add(Issue(field, "invalid", AmountInvalidMessage, text.Trim()));
            return null;
        }
        if (value < 0 && !allowNegative)
        {
            errors.Add(Issue(field, "negative", AmountNegativeMessage));
            return null;
        }
        if (Math.Abs(value) > MaxRupiah)
        {
            errors.Add(Issue(field, "too-large", AmountTooLargeMessage));
            return null;
        }
        return value;
    }

    private static FieldIssue Issue(string field, string code, string message, params string[] args) => new(field, code, message, args);
}
