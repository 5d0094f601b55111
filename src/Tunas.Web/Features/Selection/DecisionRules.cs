using System.Text.Json;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// The rules of a stored decision. A rule that passed or did not apply reads the same for thousands of applicants
/// (it names only the program's settings), so a run stores each such rule once (<see cref="SelectionRun.RulesJson"/>)
/// and a decision stores its failed rules in full and one character per rule (<see cref="SelectionDecision.RuleStates"/>).
/// </summary>
public static class DecisionRules
{
    /// <summary>The state of a rule whose reason is the next one of the decision's failed rules.</summary>
    public const char Failed = '!';

    private const string Places = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Every rule of a decision as JSON in the shape of <see cref="DecisionJson.Rules"/>, however it was stored.</summary>
    public static string Expand(string? runRulesJson, string? ruleStates, string rulesJson) =>
        ruleStates is null ? rulesJson : JsonSerializer.Serialize(Read(runRulesJson, ruleStates, rulesJson), DecisionJson.Options);

    /// <summary>Every rule of a decision, in <see cref="EligibilityRule"/> order, however it was stored.</summary>
    public static IReadOnlyList<StoredRule> Read(string? runRulesJson, string? ruleStates, string rulesJson)
    {
        var own = DecisionJson.ReadRules(rulesJson);
        if (ruleStates is null)
        {
            return own;
        }
        var shared = string.IsNullOrEmpty(runRulesJson) ? [] : DecisionJson.ReadRules(runRulesJson);
        var rules = new List<StoredRule>(ruleStates.Length);
        var failed = 0;
        foreach (var state in ruleStates)
        {
            if (state == Failed)
            {
                if (failed < own.Count)
                {
                    rules.Add(own[failed++]);
                }
                continue;
            }
            var place = Places.IndexOf(state, StringComparison.Ordinal);
            if (place >= 0 && place < shared.Count)
            {
                rules.Add(shared[place]);
            }
        }
        return rules;
    }

    /// <summary>
    /// Collects the shared rules of one run while its decisions are written. Rules are found by reference first (the
    /// engine hands out the same instances), then by their JSON, so a copy still finds its place.
    /// </summary>
    internal sealed class Palette
    {
        private readonly Dictionary<object, int> byReference = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, int> byJson = new(StringComparer.Ordinal);
        private readonly List<StoredRule> rules = [];

        /// <summary>
        /// The states of <paramref name="decisionRules"/> and the JSON of its failed rules; null states when the
        /// palette is full, and then every rule goes into the JSON, as runs before the palette stored them.
        /// </summary>
        public (string? States, string Json) Store(IReadOnlyList<RuleResult> decisionRules)
        {
            Span<char> states = stackalloc char[decisionRules.Count];
            List<RuleResult>? failed = null;
            for (var i = 0; i < decisionRules.Count; i++)
            {
                var rule = decisionRules[i];
                if (rule.Status == RuleStatus.Failed)
                {
                    (failed ??= []).Add(rule);
                    states[i] = Failed;
                    continue;
                }
                var place = PlaceOf(rule);
                if (place < 0)
                {
                    return (null, DecisionJson.Rules(decisionRules));
                }
                states[i] = Places[place];
            }
            return (new string(states), failed is null ? "[]" : DecisionJson.Rules(failed));
        }

        /// <summary>The shared rules in the order the states point to, as JSON.</summary>
        public string Json() => JsonSerializer.Serialize(rules, DecisionJson.Options);

        private int PlaceOf(RuleResult rule)
        {
            if (byReference.TryGetValue(rule, out var place))
            {
                return place;
            }
            var json = DecisionJson.Rules([rule]);
            if (!byJson.TryGetValue(json, out place))
            {
                if (rules.Count == Places.Length)
                {
                    return -1;
                }
                place = rules.Count;
                rules.Add(new StoredRule(rule.Rule, rule.Status, rule.Reason.Code, rule.Reason.Message, [.. rule.Reason.Args]));
                byJson[json] = place;
            }
            byReference[rule] = place;
            return place;
        }
    }
}
