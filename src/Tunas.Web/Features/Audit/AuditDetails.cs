using System.Text.Json;
using System.Text.RegularExpressions;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Audit;

/// <summary>
/// One line of an audit entry's details: a field that changed (<see cref="Old"/> → <see cref="New"/>) or a value
/// that was recorded. <see cref="Group"/> names the nested object the line came from (e.g. "removed" in a merge).
/// </summary>
public sealed record AuditLine(string? Group, string Field, string? Old, string? New, bool IsChange);

/// <summary>
/// Reads the JSON details of any audit entry into lines a page can show. Every 16-digit number in them (a NIK or
/// a No. KK) comes out masked, whatever field it sits in. Pure: no I/O.
/// </summary>
public static partial class AuditDetails
{
    public static IReadOnlyList<AuditLine> Parse(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(details);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [new AuditLine(null, "details", null, Mask(Text(root)), false)];
            }
            if (TryBeforeAfter(root, out var before, out var after))
            {
                return BeforeAfter(before, after);
            }
            var lines = new List<AuditLine>();
            Walk(root, null, lines);
            return lines;
        }
        catch (JsonException)
        {
            return [new AuditLine(null, "details", null, Mask(details), false)];
        }
    }

    /// <summary>Masks every run of exactly 16 ASCII digits: <c>3572••••••••0001</c>.</summary>
    public static string? Mask(string? text) =>
        text is null ? null : SixteenDigits().Replace(text, m => Nik.Mask(m.Value));

    private static void Walk(JsonElement element, string? group, List<AuditLine> lines)
    {
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Walk(value, property.Name, lines);
                    break;
                case JsonValueKind.Array when IsChange(value):
                    lines.Add(new AuditLine(group, property.Name, Mask(Text(value[0])), Mask(Text(value[1])), true));
                    break;
                case JsonValueKind.Array:
                    lines.Add(new AuditLine(group, property.Name, null, Mask(string.Join(", ", value.EnumerateArray().Select(Text))), false));
                    break;
                default:
                    lines.Add(new AuditLine(group, property.Name, null, Mask(Text(value)), false));
                    break;
            }
        }
    }

    /// <summary>A change is written as [old, new], both text or null (see PersonWriter.Diff).</summary>
    private static bool IsChange(JsonElement array) =>
        array.GetArrayLength() == 2
        && array.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Null);

    private static bool TryBeforeAfter(JsonElement root, out JsonElement before, out JsonElement after)
    {
        before = default;
        after = default;
        var found = 0;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            if (property.NameEquals("Before") || property.NameEquals("before"))
            {
                before = property.Value;
                found++;
            }
            else if (property.NameEquals("After") || property.NameEquals("after"))
            {
                after = property.Value;
                found++;
            }
            else
            {
                return false;
            }
        }
        return found == 2;
    }

    private static List<AuditLine> BeforeAfter(JsonElement before, JsonElement after)
    {
        var old = before.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value), StringComparer.Ordinal);
        var lines = new List<AuditLine>();
        foreach (var property in after.EnumerateObject())
        {
            var now = Text(property.Value);
            var was = old.GetValueOrDefault(property.Name);
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                lines.Add(new AuditLine(null, property.Name, Mask(was), Mask(now), true));
            }
        }
        return lines;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    [GeneratedRegex("(?<![0-9])[0-9]{16}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SixteenDigits();
}
