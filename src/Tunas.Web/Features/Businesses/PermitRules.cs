using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Businesses;

public sealed record PermitInput
{
    public string? Status { get; init; }
    public string? Number { get; init; }
    public string? IssuedOn { get; init; }
    public string? BlockedBy { get; init; }
}

public sealed record PermitValues(PermitStatus Status, string? Number, DateOnly? IssuedOn, string? BlockedBy);

public sealed record PermitCheck(PermitValues? Values, IReadOnlyList<FieldIssue> Errors);

/// <summary>
/// The permit path: NIB (13 digits, from OSS), the food-safety counselling certificate, SPP-IRT (PIRT, 15 digits) for
/// home-made food, and the halal self-declaration. The law orders two of them: PIRT after the counselling, halal after NIB.
/// </summary>
public static class PermitRules
{
    public const int NumberMax = 40;
    public const int BlockedByMax = 300;
    public const int NibDigits = 13;
    public const int PirtDigits = 15;

    public static readonly IReadOnlyList<PermitKind> Path = [PermitKind.Nib, PermitKind.FoodSafety, PermitKind.Pirt, PermitKind.Halal];

    public const string StatusInvalidMessage = "The status is one of notStarted, inProgress, granted or rejected.";
    public const string NibFormMessage = "A NIB from OSS has exactly 13 digits; '{0}' does not.";
    public const string PirtFormMessage = "A PIRT number has exactly 15 digits; '{0}' does not.";
    public const string NumberRequiredMessage = "A granted permit needs its number.";
    public const string DateInvalidMessage = "{0} is not a date (use dd/mm/yyyy).";
    public const string IssuedInFutureMessage = "The issue date cannot be after today.";
    public const string PirtBeforeCounsellingMessage = "SPP-IRT (PIRT) is granted only after the food-safety counselling certificate: record that certificate as granted first.";
    public const string HalalBeforeNibMessage = "The halal self-declaration is granted only after the NIB: record the NIB as granted first.";
    public const string DependentGrantedMessage = "{0} is already granted and needs this step: it stays granted.";
    public const string TooLongMessage = "At most {0} characters.";

    /// <summary>The kind named in a route, ignoring case (nib, foodSafety, pirt, halal); null for anything else.</summary>
    public static PermitKind? Kind(string? text) =>
        Path.Cast<PermitKind?>().FirstOrDefault(k => string.Equals(Code(k!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Code(PermitKind kind) => BusinessFields.JsonNamingPolicyText(kind.ToString());

    public static string Code(PermitStatus status) => BusinessFields.JsonNamingPolicyText(status.ToString());

    /// <summary>The step a kind waits for before it may be granted, if the law orders one.</summary>
    public static PermitKind? Prerequisite(PermitKind kind) => kind switch
    {
        PermitKind.Pirt => PermitKind.FoodSafety,
        PermitKind.Halal => PermitKind.Nib,
        _ => null,
    };

    /// <summary>The English name, a localization key.</summary>
    public static string Label(PermitKind kind) => kind switch
    {
        PermitKind.Nib => NibLabel,
        PermitKind.FoodSafety => FoodSafetyLabel,
        PermitKind.Pirt => PirtLabel,
        _ => HalalLabel,
    };

    public const string NibLabel = "NIB (business identification number)";
    public const string FoodSafetyLabel = "Food-safety counselling certificate";
    public const string PirtLabel = "SPP-IRT (PIRT)";
    public const string HalalLabel = "Halal self-declaration";

    public static string StatusLabel(PermitStatus status) => status switch
    {
        PermitStatus.NotStarted => "Not started",
        PermitStatus.InProgress => "In progress",
        PermitStatus.Granted => "Granted",
        _ => "Rejected",
    };

    /// <summary>Checks one step against the business's other steps (their statuses by kind).</summary>
    public static PermitCheck Check(PermitKind kind, PermitInput input, IReadOnlyDictionary<PermitKind, PermitStatus> others, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(others);
        var errors = new List<FieldIssue>();
        PermitStatus? status = Enum.TryParse<PermitStatus>(input.Status?.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(input.Status, out _) ? s : null;
        if (status is null)
        {
            errors.Add(BusinessFields.Issue("status", "invalid", StatusInvalidMessage));
        }

        var number = input.Number?.Trim() is { Length: > 0 } n ? string.Concat(n.Where(c => c is not (' ' or '-' or '.'))) : null;
        if (number is not null)
        {
            var (digits, message) = kind switch
            {
                PermitKind.Nib => (NibDigits, NibFormMessage),
                PermitKind.Pirt => (PirtDigits, PirtFormMessage),
                _ => (0, ""),
            };
            if (digits > 0 && (number.Length != digits || !IdNumberRules.IsAsciiDigits(number)))
            {
                errors.Add(BusinessFields.Issue("number", "form", message, input.Number!.Trim()));
            }
            else if (number.Length > NumberMax)
            {
                errors.Add(BusinessFields.Issue("number", "too-long", TooLongMessage, BusinessFields.Text(NumberMax)));
            }
        }
        else if (status == PermitStatus.Granted && kind is PermitKind.Nib or PermitKind.Pirt)
        {
            errors.Add(BusinessFields.Issue("number", "required", NumberRequiredMessage));
        }

        DateOnly? issued = null;
        if (!string.IsNullOrWhiteSpace(input.IssuedOn))
        {
            if (!DateText.TryParse(input.IssuedOn, out var d))
            {
                errors.Add(BusinessFields.Issue("issuedOn", "invalid", DateInvalidMessage, input.IssuedOn.Trim()));
            }
            else if (d > today)
            {
                errors.Add(BusinessFields.Issue("issuedOn", "future", IssuedInFutureMessage));
            }
            else
            {
                issued = d;
            }
        }

        if (status == PermitStatus.Granted && Prerequisite(kind) is { } before && others.GetValueOrDefault(before) != PermitStatus.Granted)
        {
            errors.Add(BusinessFields.Issue("status", "out-of-order", kind == PermitKind.Pirt ? PirtBeforeCounsellingMessage : HalalBeforeNibMessage));
        }
        if (status is { } st && st != PermitStatus.Granted
            && Path.FirstOrDefault(k => Prerequisite(k) == kind && others.GetValueOrDefault(k) == PermitStatus.Granted) is var dependent
            && Prerequisite(dependent) == kind)
        {
            errors.Add(BusinessFields.Issue("status", "dependent-granted", DependentGrantedMessage, Code(dependent)));
        }

        var blocked = TextInput.Clean(input.BlockedBy);
        BusinessFields.TooLong(blocked, BlockedByMax, "blockedBy", errors);

        return errors.Count > 0 ? new(null, errors) : new(new PermitValues(status!.Value, number, issued, blocked), errors);
    }
}
