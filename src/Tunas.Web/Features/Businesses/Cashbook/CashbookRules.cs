using System.Globalization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Businesses.Cashbook;

/// <summary>One cashbook line as the phone sends it; amounts in whole rupiah, dates yyyy-MM-dd.</summary>
public sealed record EntryBody
{
    public string? ClientId { get; init; }
    public string? Kind { get; init; }
    public string? OccurredOn { get; init; }
    public string? Item { get; init; }
    public int? Quantity { get; init; }
    public long? Amount { get; init; }
    public string? Customer { get; init; }
    public bool? Paid { get; init; }
    public string? Category { get; init; }
    public string? DueOn { get; init; }

    /// <summary>Sync only: the line was deleted on the phone.</summary>
    public bool? Deleted { get; init; }

    /// <summary>Sync only: when the phone last changed the line (ISO 8601); the latest change wins.</summary>
    public DateTime? UpdatedAt { get; init; }
}

/// <summary>A line that passed the checks; a deleted one carries only its client id and time.</summary>
public sealed record EntryValues(
    string ClientId, CashbookKind Kind, DateOnly OccurredOn, string? Item, int? Quantity, long Amount, string? Customer, bool Paid,
    ExpenseCategory? Category, DateOnly? DueOn, bool Deleted, DateTime? UpdatedAt);

/// <summary>The rules of a cashbook line and of a sync batch. Pure: the caller gives today.</summary>
public static class CashbookRules
{
    public const int ClientIdMax = 64;
    public const int TextMax = 200;
    public const int MaxBatch = 500;
    public const long MaxAmount = 1_000_000_000_000;
    public const int MaxQuantity = 1_000_000;

    public const string ClientIdInvalidMessage = "Each entry needs its own id of 1 to 64 letters, digits, '-' or '_'.";
    public const string KindInvalidMessage = "The kind is sale, expense or debtPayment.";
    public const string DateInvalidMessage = "Fill in the date as yyyy-MM-dd.";
    public const string DateFutureMessage = "The date cannot be after today.";
    public const string DateOldMessage = "The date is too far in the past.";
    public const string ItemRequiredMessage = "Fill in what was sold or bought.";
    public const string TextTooLongMessage = "At most {0} characters.";
    public const string QuantityInvalidMessage = "The quantity is a whole number from 1 to 1,000,000.";
    public const string AmountInvalidMessage = "The amount is a whole number of rupiah above 0.";
    public const string CustomerRequiredMessage = "Fill in the customer's name: an owed sale or a payment belongs to someone.";
    public const string CategoryInvalidMessage = "The category is materials, equipment, transport, wages or other.";
    public const string DueInvalidMessage = "The due date is on or after the day of the sale, as yyyy-MM-dd.";
    public const string DueOnlyOwedMessage = "Only an owed sale has a due date.";
    public const string EmptyBatchMessage = "Send at least one entry.";
    public const string TooManyMessage = "At most {0} entries at once.";
    public const string UpdatedAtRequiredMessage = "Each entry needs the time of its last change.";
    public const string TwiceInBatchMessage = "This entry's id appears twice in the batch.";

    public static (EntryValues? Values, IReadOnlyList<FieldIssue> Errors) Check(EntryBody? body, DateOnly today, string prefix = "", bool sync = false)
    {
        var errors = new List<FieldIssue>();
        if (body is null || !ValidClientId(body.ClientId))
        {
            return (null, [Issue(prefix + "clientId", "invalid", ClientIdInvalidMessage)]);
        }
        if (sync && body.UpdatedAt is null)
        {
            errors.Add(Issue(prefix + "updatedAt", "required", UpdatedAtRequiredMessage));
        }
        // To the millisecond, as a phone's clock gives it and as both databases keep it: a replay then compares equal.
        var updated = body.UpdatedAt is { } u ? new DateTime(u.ToUniversalTime().Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc) : (DateTime?)null;
        if (body.Deleted == true)
        {
            return errors.Count > 0 ? (null, errors)
                : (new EntryValues(body.ClientId!, CashbookKind.Sale, today, null, null, 0, null, true, null, null, true, updated), []);
        }
        var kind = Kind(body.Kind);
        if (kind is null)
        {
            errors.Add(Issue(prefix + "kind", "invalid", KindInvalidMessage));
        }
        var on = Date(body.OccurredOn);
        if (on is null)
        {
            errors.Add(Issue(prefix + "occurredOn", "invalid", DateInvalidMessage));
        }
        else if (on > today.AddDays(1))
        {
            errors.Add(Issue(prefix + "occurredOn", "future", DateFutureMessage));
        }
        else if (on < today.AddYears(-10))
        {
            errors.Add(Issue(prefix + "occurredOn", "old", DateOldMessage));
        }
        var item = Clean(body.Item);
        var customer = Clean(body.Customer);
        TooLong(item, prefix + "item", errors);
        TooLong(customer, prefix + "customer", errors);
        if (body.Amount is not (> 0 and <= MaxAmount))
        {
            errors.Add(Issue(prefix + "amount", "invalid", AmountInvalidMessage));
        }
        if (body.Quantity is { } q && q is < 1 or > MaxQuantity)
        {
            errors.Add(Issue(prefix + "quantity", "invalid", QuantityInvalidMessage));
        }
        var paid = kind != CashbookKind.Sale || body.Paid != false;
        if (kind is CashbookKind.Sale or CashbookKind.Expense && item is null)
        {
            errors.Add(Issue(prefix + "item", "required", ItemRequiredMessage));
        }
        if ((kind == CashbookKind.DebtPayment || (kind == CashbookKind.Sale && !paid)) && customer is null)
        {
            errors.Add(Issue(prefix + "customer", "required", CustomerRequiredMessage));
        }
        ExpenseCategory? category = null;
        if (!string.IsNullOrWhiteSpace(body.Category) && kind == CashbookKind.Expense)
        {
            category = Category(body.Category);
            if (category is null)
            {
                errors.Add(Issue(prefix + "category", "invalid", CategoryInvalidMessage));
            }
        }
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(body.DueOn))
        {
            due = Date(body.DueOn);
            if (kind != CashbookKind.Sale || paid)
            {
                errors.Add(Issue(prefix + "dueOn", "not-owed", DueOnlyOwedMessage));
            }
            else if (due is null || (on is { } o && due < o))
            {
                errors.Add(Issue(prefix + "dueOn", "invalid", DueInvalidMessage));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new EntryValues(body.ClientId!, kind!.Value, on!.Value, item, kind == CashbookKind.DebtPayment ? null : body.Quantity, body.Amount!.Value,
            customer, paid, category, due, false, updated), []);
    }

    /// <summary>A sync batch: the whole batch or nothing, so a phone is told every bad line at once and stores none of them.</summary>
    public static (IReadOnlyList<EntryValues> Entries, IReadOnlyList<FieldIssue> Errors) CheckBatch(IReadOnlyList<EntryBody?>? batch, DateOnly today)
    {
        if (batch is null || batch.Count == 0)
        {
            return ([], [Issue("entries", "required", EmptyBatchMessage)]);
        }
        if (batch.Count > MaxBatch)
        {
            return ([], [Issue("entries", "too-many", TooManyMessage, MaxBatch.ToString(CultureInfo.InvariantCulture))]);
        }
        var errors = new List<FieldIssue>();
        var entries = new List<EntryValues>(batch.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var at = "[" + i.ToString(CultureInfo.InvariantCulture) + "].";
            var (values, issues) = Check(batch[i], today, at, sync: true);
            errors.AddRange(issues);
            if (values is not null && !ids.Add(values.ClientId))
            {
                errors.Add(Issue(at + "clientId", "twice", TwiceInBatchMessage));
            }
            else if (values is not null)
            {
                entries.Add(values);
            }
        }
        return errors.Count > 0 ? ([], errors) : (entries, errors);
    }

    public static bool ValidClientId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= ClientIdMax && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static CashbookKind? Kind(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "SALE" => CashbookKind.Sale,
        "EXPENSE" => CashbookKind.Expense,
        "DEBTPAYMENT" => CashbookKind.DebtPayment,
        _ => null,
    };

    public static ExpenseCategory? Category(string? text) =>
        Enum.TryParse<ExpenseCategory>(text?.Trim(), ignoreCase: true, out var c) && Enum.IsDefined(c) && char.IsAsciiLetter(text!.Trim()[0]) ? c : null;

    /// <summary>The API's word for a kind: sale, expense, debtPayment.</summary>
    public static string Word(CashbookKind kind) => kind switch
    {
        CashbookKind.Sale => "sale",
        CashbookKind.Expense => "expense",
        _ => "debtPayment",
    };

    public static string Word(ExpenseCategory category) => category.ToString().ToLowerInvariant();

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>yyyy-MM as the first day of the month.</summary>
    public static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void TooLong(string? value, string field, List<FieldIssue> errors)
    {
        if (value is not null && value.Length > TextMax)
        {
            errors.Add(Issue(field, "too-long", TextTooLongMessage, TextMax.ToString(CultureInfo.InvariantCulture)));
        }
    }

    internal static FieldIssue Issue(string field, string code, string message, params string[] args) => new(field, code, message, args);
}
