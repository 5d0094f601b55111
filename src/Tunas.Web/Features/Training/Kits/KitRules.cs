using System.Globalization;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Training.Kits;

/// <summary>One kit item as sent: a name, a quantity and a value per unit in whole rupiah.</summary>
public sealed record KitItemBody(string? Name, int? Quantity, long? UnitValue);

public sealed record KitItemValues(string Name, int Quantity, long UnitValue)
{
    public long Value => Quantity * UnitValue;
}

/// <summary>The rules of kit items (templates, stock, hand-overs). Pure.</summary>
public static class KitRules
{
    public const int NameMax = 120;
    public const int ReasonMax = 500;
    public const int ItemsMax = 50;
    public const int QuantityMax = 10_000;

    public const string NoItemsMessage = "Add at least one item.";
    public const string TooManyItemsMessage = "At most {0} items.";
    public const string ItemNameMessage = "Fill in the item's name (at most {0} characters).";
    public const string QuantityMessage = "The quantity is a whole number from 1 to {0}.";
    public const string UnitValueMessage = "The value per unit is whole rupiah, 0 or more.";
    public const string DuplicateItemMessage = "'{0}' is listed twice; put the quantity on one line.";

    public static (IReadOnlyList<KitItemValues> Items, IReadOnlyList<FieldIssue> Errors) Check(IReadOnlyList<KitItemBody?>? items, bool allowEmpty = false)
    {
        var errors = new List<FieldIssue>();
        var values = new List<KitItemValues>();
        if (items is null || items.Count == 0)
        {
            if (!allowEmpty)
            {
                errors.Add(Checks.Issue("items", "required", NoItemsMessage));
            }
            return (values, errors);
        }
        if (items.Count > ItemsMax)
        {
            errors.Add(Checks.Issue("items", "too-many", TooManyItemsMessage, Checks.Number(ItemsMax)));
            return (values, errors);
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var field = "items[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var item = items[i];
            var name = Checks.Collapse(item?.Name);
            if (name is null || name.Length > NameMax)
            {
                errors.Add(Checks.Issue(field + ".name", "invalid", ItemNameMessage, Checks.Number(NameMax)));
            }
            else if (!names.Add(name))
            {
                errors.Add(Checks.Issue(field + ".name", "duplicate", DuplicateItemMessage, name));
            }
            if (item?.Quantity is not (>= 1 and <= QuantityMax))
            {
                errors.Add(Checks.Issue(field + ".quantity", "invalid", QuantityMessage, Checks.Number(QuantityMax)));
            }
            if (item?.UnitValue is not (>= 0 and <= Rupiah.Max))
            {
                errors.Add(Checks.Issue(field + ".unitValue", "invalid", UnitValueMessage));
            }
            if (name is not null && item?.Quantity is { } q && item.UnitValue is { } v)
            {
                values.Add(new KitItemValues(name, q, v));
            }
        }
        return (errors.Count == 0 ? values : [], errors);
    }

    /// <summary>Form lines "name; quantity; value" (one item a line) as items; a line that cannot be read keeps its text for the message.</summary>
    public static IReadOnlyList<KitItemBody?> FromLines(string? text)
    {
        var items = new List<KitItemBody?>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            int? quantity = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : null;
            long? value = parts.Length > 2 && Rupiah.TryParse(parts[2], out var v) ? v : null;
            items.Add(new KitItemBody(parts[0], quantity, value));
        }
        return items;
    }

    /// <summary>Items as form lines, the inverse of <see cref="FromLines"/>.</summary>
    public static string ToLines(IEnumerable<KitItemValues> items) =>
        string.Join('\n', items.Select(i => $"{i.Name}; {i.Quantity.ToString(CultureInfo.InvariantCulture)}; {i.UnitValue.ToString(CultureInfo.InvariantCulture)}"));
}
