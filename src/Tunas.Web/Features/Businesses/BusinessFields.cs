using System.Globalization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Businesses;

/// <summary>A business as a form or the API sends it: text, checked by <see cref="BusinessFields.Check"/>; dates as yyyy-MM-dd
/// (dd/mm/yyyy also works); the category by its name in the agency's list.</summary>
public sealed record BusinessInput
{
    public IReadOnlyList<long>? OwnerPersonIds { get; init; }
    public string? Name { get; init; }
    public string? Category { get; init; }
    public string? Description { get; init; }
    public string? VillageCode { get; init; }
    public string? Address { get; init; }
    public string? StartedOn { get; init; }
    public string? Status { get; init; }
    public string? ClosedReason { get; init; }
    public string? WhatsApp { get; init; }
    public bool CatalogueConsent { get; init; }
    public string? FacilitatorId { get; init; }
}

public sealed record BusinessValues(
    IReadOnlyList<long> OwnerPersonIds, string Name, int CategoryId, string? Description, string VillageCode, string? Address,
    DateOnly? StartedOn, BusinessStatus Status, string? ClosedReason, string? WhatsApp, bool CatalogueConsent, string? FacilitatorId);

/// <summary>
/// What the checks need to know: the agency's participants (placed in a cohort), its active categories by name, its
/// facilitators, and the regions (<see cref="RegistryContext"/>).
/// </summary>
public sealed record BusinessContext(
    Func<long, bool> IsParticipant, IReadOnlyDictionary<string, int> Categories, Func<string, bool> IsFacilitator, RegistryContext Registry);

public sealed record BusinessCheck(BusinessValues? Values, IReadOnlyList<FieldIssue> Errors);

/// <summary>The rules of a business's own fields. Pure: the caller gives what they are checked against.</summary>
public static class BusinessFields
{
    public const int NameMax = 120;
    public const int DescriptionMax = 1000;
    public const int AddressMax = 300;
    public const int ReasonMax = 500;
    public const int MaxOwners = 10;

    public const string OwnersRequiredMessage = "Choose at least one owner.";
    public const string TooManyOwnersMessage = "A business has at most {0} owners.";
    public const string OwnerNotParticipantMessage = "Person {0} is not a participant placed in a cohort of the agency.";
    public const string NameRequiredMessage = "Fill in the business's name.";
    public const string CategoryRequiredMessage = "Choose the product category.";
    public const string CategoryUnknownMessage = "'{0}' is not one of the agency's product categories.";
    public const string StatusInvalidMessage = "The status is one of planned, active, paused or closed.";
    public const string ClosedReasonRequiredMessage = "A closed business needs the reason it closed.";
    public const string StartInvalidMessage = "{0} is not a date (use dd/mm/yyyy).";
    public const string StartInFutureMessage = "The start date cannot be after today, unless the business is still planned.";
    public const string FacilitatorInvalidMessage = "The facilitator must be a Facilitator user of the agency.";
    public const string TooLongMessage = "At most {0} characters.";

    public static BusinessCheck Check(BusinessInput input, BusinessContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<FieldIssue>();

        var owners = (input.OwnerPersonIds ?? []).Distinct().ToList();
        if (owners.Count == 0)
        {
            errors.Add(Issue("ownerPersonIds", "required", OwnersRequiredMessage));
        }
        else if (owners.Count > MaxOwners)
        {
            errors.Add(Issue("ownerPersonIds", "too-many", TooManyOwnersMessage, Text(MaxOwners)));
        }
        else if (owners.FirstOrDefault(o => !context.IsParticipant(o)) is var stranger && stranger != 0)
        {
            errors.Add(Issue("ownerPersonIds", "not-participant", OwnerNotParticipantMessage, Text(stranger)));
        }

        var name = TextInput.Clean(input.Name);
        if (name is null)
        {
            errors.Add(Issue("name", "required", NameRequiredMessage));
        }
        TooLong(name, NameMax, "name", errors);

        int? category = null;
        var categoryName = TextInput.Clean(input.Category);
        if (categoryName is null)
        {
            errors.Add(Issue("category", "required", CategoryRequiredMessage));
        }
        else if (context.Categories.TryGetValue(categoryName, out var id))
        {
            category = id;
        }
        else
        {
            errors.Add(Issue("category", "unknown", CategoryUnknownMessage, categoryName));
        }

        var description = TextInput.CleanLines(input.Description);
        TooLong(description, DescriptionMax, "description", errors);
        var address = TextInput.Clean(input.Address);
        TooLong(address, AddressMax, "address", errors);

        var village = input.VillageCode?.Trim();
        if (string.IsNullOrEmpty(village))
        {
            errors.Add(Issue("villageCode", "required", PersonMessages.VillageRequiredMessage));
        }
        else if (!context.Registry.IsCurrentVillage(village))
        {
            errors.Add(Issue("villageCode", "unknown", PersonMessages.VillageUnknownMessage, village));
        }
        else if (context.Registry.RegencyCode is { Length: > 0 } regency && !village.StartsWith(regency + ".", StringComparison.Ordinal))
        {
            errors.Add(Issue("villageCode", "outside", PersonMessages.VillageOutsideMessage, village));
        }

        BusinessStatus? status = string.IsNullOrWhiteSpace(input.Status) ? BusinessStatus.Active
            : Enum.TryParse<BusinessStatus>(input.Status.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(input.Status, out _) ? s
            : null;
        if (status is null)
        {
            errors.Add(Issue("status", "invalid", StatusInvalidMessage));
        }
        var reason = TextInput.CleanLines(input.ClosedReason);
        if (status == BusinessStatus.Closed && reason is null)
        {
            errors.Add(Issue("closedReason", "required", ClosedReasonRequiredMessage));
        }
        TooLong(reason, ReasonMax, "closedReason", errors);

        DateOnly? started = null;
        if (!string.IsNullOrWhiteSpace(input.StartedOn))
        {
            if (DateText.TryParse(input.StartedOn, out var d))
            {
                started = d;
                if (d > context.Registry.Today && status != BusinessStatus.Planned)
                {
                    errors.Add(Issue("startedOn", "future", StartInFutureMessage));
                }
            }
            else
            {
                errors.Add(Issue("startedOn", "invalid", StartInvalidMessage, input.StartedOn.Trim()));
            }
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.WhatsApp) && !PhoneNumber.TryNormalize(input.WhatsApp, out phone))
        {
            errors.Add(Issue("whatsApp", "invalid", PersonMessages.PhoneInvalidMessage, input.WhatsApp.Trim()));
        }

        var facilitator = string.IsNullOrWhiteSpace(input.FacilitatorId) ? null : input.FacilitatorId.Trim();
        if (facilitator is not null && !context.IsFacilitator(facilitator))
        {
            errors.Add(Issue("facilitatorId", "invalid", FacilitatorInvalidMessage));
        }

        return errors.Count > 0
            ? new(null, errors)
            : new(new BusinessValues(owners, name!, category!.Value, description, village!, address, started, status!.Value,
                status == BusinessStatus.Closed ? reason : null, string.IsNullOrEmpty(phone) ? null : phone, input.CatalogueConsent, facilitator), errors);
    }

    internal static FieldIssue Issue(string field, string code, string message, params string[] args) => new(field, code, message, args);

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static void TooLong(string? value, int max, string field, List<FieldIssue> errors)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(Issue(field, "too-long", TooLongMessage, Text(max)));
        }
    }

    /// <summary>The status as the API writes it: planned, active, paused, closed.</summary>
    public static string Code(BusinessStatus status) => JsonNamingPolicyText(status.ToString());

    internal static string JsonNamingPolicyText(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
