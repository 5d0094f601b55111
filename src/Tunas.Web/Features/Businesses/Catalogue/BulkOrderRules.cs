using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>A bulk order as a form or the API sends it; the category by its name in the agency's list.</summary>
public sealed record BulkOrderInput
{
    public string? Office { get; init; }
    public string? Category { get; init; }
    public int? Quantity { get; init; }
    public string? NeededOn { get; init; }
    public string? Description { get; init; }
    public decimal? Budget { get; init; }
}

public sealed record BulkOrderValues(string Office, int CategoryId, int Quantity, DateOnly NeededOn, string Description, long Budget);

/// <summary>The rules of a bulk order. Pure.</summary>
public static class BulkOrderRules
{
    public const int OfficeMax = 200;
    public const int DescriptionMax = 1000;
    public const int QuantityMax = 1_000_000;

    /// <summary>How long a business has to answer an offer before it moves to the next one.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(48);

    public const string OfficeRequiredMessage = "Fill in the city office that orders.";
    public const string QuantityMessage = "The quantity is a whole number from 1 to 1,000,000.";
    public const string NeededOnMessage = "The date needed must be a date from today on (dd/mm/yyyy).";
    public const string DescriptionRequiredMessage = "Describe what is ordered.";
    public const string BudgetMessage = "The budget is whole rupiah, from 1 to 1,000,000,000.";
    public const string AnswerClosedMessage = "This offer has already been answered or has lapsed.";

    public static (BulkOrderValues? Values, IReadOnlyList<FieldIssue> Errors) Check(BulkOrderInput input, IReadOnlyDictionary<string, int> categories, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(categories);
        var errors = new List<FieldIssue>();
        var office = TextInput.Clean(input.Office);
        if (office is null)
        {
            errors.Add(BusinessFields.Issue("office", "required", OfficeRequiredMessage));
        }
        BusinessFields.TooLong(office, OfficeMax, "office", errors);
        int? category = null;
        var categoryName = TextInput.Clean(input.Category);
        if (categoryName is null)
        {
            errors.Add(BusinessFields.Issue("category", "required", BusinessFields.CategoryRequiredMessage));
        }
        else if (categories.TryGetValue(categoryName, out var id))
        {
            category = id;
        }
        else
        {
            errors.Add(BusinessFields.Issue("category", "unknown", BusinessFields.CategoryUnknownMessage, categoryName));
        }
        if (input.Quantity is not (>= 1 and <= QuantityMax))
        {
            errors.Add(BusinessFields.Issue("quantity", "invalid", QuantityMessage));
        }
        DateOnly? needed = DateText.TryParse(input.NeededOn, out var d) && d >= today ? d : null;
        if (needed is null)
        {
            errors.Add(BusinessFields.Issue("neededOn", "invalid", NeededOnMessage));
        }
        var description = TextInput.CleanLines(input.Description);
        if (description is null)
        {
            errors.Add(BusinessFields.Issue("description", "required", DescriptionRequiredMessage));
        }
        BusinessFields.TooLong(description, DescriptionMax, "description", errors);
        if (input.Budget is not { } budget || budget != decimal.Truncate(budget) || budget < 1 || budget > ProductRules.PriceCeiling)
        {
            errors.Add(BusinessFields.Issue("budget", "invalid", BudgetMessage));
        }
        return errors.Count > 0
            ? (null, errors)
            : (new BulkOrderValues(office!, category!.Value, input.Quantity!.Value, needed!.Value, description!, (long)input.Budget!.Value), errors);
    }
}
