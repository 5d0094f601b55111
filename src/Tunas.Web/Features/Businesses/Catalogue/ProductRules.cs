using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>A product as a form or the API sends it; prices as numbers of rupiah.</summary>
public sealed record ProductInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public decimal? PriceMin { get; init; }
    public decimal? PriceMax { get; init; }
    public string? Unit { get; init; }
}

public sealed record ProductValues(string Name, string? Description, long PriceMin, long PriceMax, string Unit);

public sealed record CurationValues(CurationStatus Status, string? Note);

/// <summary>The rules of a product and of its curation. Pure.</summary>
public static class ProductRules
{
    public const int NameMax = 120;
    public const int DescriptionMax = 1000;
    public const int UnitMax = 40;
    public const int NoteMax = 1000;
    public const long PriceCeiling = 1_000_000_000;
    public const int MaxPhotos = 4;

    public const string NameRequiredMessage = "Fill in the product's name.";
    public const string PriceRequiredMessage = "Fill in the lowest and the highest price.";
    public const string PriceWholeMessage = "A price is whole rupiah, from 1 to 1,000,000,000.";
    public const string PriceOrderMessage = "The lowest price cannot be above the highest price.";
    public const string UnitRequiredMessage = "Fill in the unit the price is for (e.g. box, piece, kg).";
    public const string CurationStatusMessage = "The curation status is approved or needsWork.";
    public const string NoteRequiredMessage = "Write the owner a note on what to improve.";
    public const string TooManyPhotosMessage = "A product has at most {0} photos.";

    public static (ProductValues? Values, IReadOnlyList<FieldIssue> Errors) Check(ProductInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldIssue>();
        var name = TextInput.Clean(input.Name);
        if (name is null)
        {
            errors.Add(BusinessFields.Issue("name", "required", NameRequiredMessage));
        }
        BusinessFields.TooLong(name, NameMax, "name", errors);
        var description = TextInput.CleanLines(input.Description);
        BusinessFields.TooLong(description, DescriptionMax, "description", errors);
        var unit = TextInput.Clean(input.Unit);
        if (unit is null)
        {
            errors.Add(BusinessFields.Issue("unit", "required", UnitRequiredMessage));
        }
        BusinessFields.TooLong(unit, UnitMax, "unit", errors);

        var min = Price(input.PriceMin, "priceMin", errors);
        var max = Price(input.PriceMax, "priceMax", errors);
        if (min is { } lo && max is { } hi && lo > hi)
        {
            errors.Add(BusinessFields.Issue("priceMax", "order", PriceOrderMessage));
        }
        return errors.Count > 0 ? (null, errors) : (new ProductValues(name!, description, min!.Value, max!.Value, unit!), errors);
    }

    /// <summary>A needs-work verdict must say what to improve; an approval may carry a note too.</summary>
    public static (CurationValues? Values, IReadOnlyList<FieldIssue> Errors) Curation(string? status, string? note)
    {
        var errors = new List<FieldIssue>();
        var verdict = status?.Trim().ToUpperInvariant() switch
        {
            "APPROVED" => CurationStatus.Approved,
            "NEEDSWORK" or "NEEDS-WORK" => CurationStatus.NeedsWork,
            _ => (CurationStatus?)null,
        };
        if (verdict is null)
        {
            errors.Add(BusinessFields.Issue("status", "invalid", CurationStatusMessage));
        }
        var text = TextInput.CleanLines(note);
        if (verdict == CurationStatus.NeedsWork && text is null)
        {
            errors.Add(BusinessFields.Issue("note", "required", NoteRequiredMessage));
        }
        BusinessFields.TooLong(text, NoteMax, "note", errors);
        return errors.Count > 0 ? (null, errors) : (new CurationValues(verdict!.Value, text), errors);
    }

    /// <summary>The status as the API writes it: pending, approved, needsWork.</summary>
    public static string Code(CurationStatus status) => BusinessFields.JsonNamingPolicyText(status.ToString());

    private static long? Price(decimal? value, string field, List<FieldIssue> errors)
    {
        if (value is not { } v)
        {
            if (!errors.Any(e => e.Message == PriceRequiredMessage))
            {
                errors.Add(BusinessFields.Issue(field, "required", PriceRequiredMessage));
            }
            return null;
        }
        if (v != decimal.Truncate(v) || v < 1 || v > PriceCeiling)
        {
            errors.Add(BusinessFields.Issue(field, "invalid", PriceWholeMessage));
            return null;
        }
        return (long)v;
    }
}

/// <summary>
/// The product form: a new product, or <see cref="Product"/> to change; posted to the officers' product page unless
/// <see cref="Action"/> says otherwise (the owner's own page), with <see cref="Typed"/> shown again after a refusal.
/// </summary>
public sealed record ProductFormView(long BusinessId, ProductRead? Product, string? Action = null, ProductInput? Typed = null);
