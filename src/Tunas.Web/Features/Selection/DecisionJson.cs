using System.Text.Json;
using System.Text.Json.Serialization;
using Tunas.Web.Features.Applications;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// The JSON shapes a <see cref="SelectionDecision"/> stores: the score breakdown (camelCase
/// <see cref="ScoreBreakdown"/>), reasons as <c>{"code","message","args"}</c> and rules as
/// <c>{"rule","status","code","message","args"}</c>, where message is the English resource key with {0} placeholders.
/// </summary>
public static class DecisionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Score(ScoreBreakdown score) => JsonSerializer.Serialize(score, Options);

    public static ScoreBreakdown ReadScore(string json) => JsonSerializer.Deserialize<ScoreBreakdown>(json, Options);

    public static string Reasons(IEnumerable<Reason> reasons) =>
        JsonSerializer.Serialize(reasons.Select(r => new StoredReason(r.Code, r.Message, [.. r.Args])), Options);

    public static IReadOnlyList<StoredReason> ReadReasons(string json) =>
        JsonSerializer.Deserialize<List<StoredReason>>(json, Options) ?? [];

    public static string Rules(IEnumerable<RuleResult> rules) =>
        JsonSerializer.Serialize(rules.Select(r => new StoredRule(r.Rule, r.Status, r.Reason.Code, r.Reason.Message, [.. r.Reason.Args])), Options);

    public static IReadOnlyList<StoredRule> ReadRules(string json) =>
        JsonSerializer.Deserialize<List<StoredRule>>(json, Options) ?? [];

    public static string Input(Applicant applicant) => JsonSerializer.Serialize(applicant, Options);
}

/// <summary>A reason as stored: format <see cref="Message"/> (after localizing it) with <see cref="Args"/>.</summary>
public sealed record StoredReason(string Code, string Message, string[] Args)
{
    public Reason ToReason() => new(Code, Message, Args);
}

public sealed record StoredRule(EligibilityRule Rule, RuleStatus Status, string Code, string Message, string[] Args)
{
    public Reason ToReason() => new(Code, Message, Args);
}
