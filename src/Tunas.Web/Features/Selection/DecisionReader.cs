using System.Text.Json;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// Reads what a selection run stored for one application (<see cref="SelectionDecision"/>): the score breakdown
/// (<c>ScoreJson</c>, camelCase <see cref="ScoreBreakdown"/>), the reasons (<c>ReasonsJson</c>: an array of
/// <c>{"code","message","args"}</c>) and the rules (<c>RulesJson</c>: the same with <c>"rule"</c> and <c>"status"</c>).
/// Pure, and forgiving: a missing or damaged value reads as nothing rather than breaking the applicant's page.
/// </summary>
public static class DecisionReader
{
    public static ScoreBreakdown? Score(string? json)
    {
        if (!TryParse(json, out var document))
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return new ScoreBreakdown(
                Int(root, "desil"), Int(root, "femaleHeadedHousehold"), Int(root, "disability"), Int(root, "noEarner"),
                Int(root, "householdSize"), Int(root, "youth"), Int(root, "women"));
        }
    }

    public static IReadOnlyList<ReadReason> Reasons(string? json) =>
        Read(json, item => Reason(item));

    public static IReadOnlyList<ReadRule> Rules(string? json) =>
        Read(json, item => new ReadRule(String(item, "rule") ?? "", String(item, "status") ?? "", Reason(item)));

    private static ReadReason Reason(JsonElement item)
    {
        var args = new List<string>();
        if (Property(item, "args") is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var a in array.EnumerateArray())
            {
                args.Add(a.ValueKind switch
                {
                    JsonValueKind.String => a.GetString() ?? "",
                    JsonValueKind.Null => "",
                    _ => a.GetRawText(),
                });
            }
        }
        return new ReadReason(String(item, "code") ?? "", String(item, "message") ?? "", args);
    }

    private static List<T> Read<T>(string? json, Func<JsonElement, T> read)
    {
        var list = new List<T>();
        if (!TryParse(json, out var document))
        {
            return list;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return list;
            }
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    list.Add(read(item));
                }
            }
        }
        return list;
    }

    private static bool TryParse(string? json, out JsonDocument document)
    {
        document = null!;
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }
        try
        {
            document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A property by its camelCase name, or by the same name in any case (a run written with other options).</summary>
    private static JsonElement? Property(JsonElement item, string name)
    {
        if (item.TryGetProperty(name, out var exact))
        {
            return exact;
        }
        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static string? String(JsonElement item, string name) => Property(item, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    private static int Int(JsonElement item, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var value) ? value : 0;
}
