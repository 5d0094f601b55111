using System.Globalization;
using System.Text.Json;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Training.Assessments;

/// <summary>An assessment as typed on the page or sent to the API: text, so that a wrong value gets a sentence, not a crash.</summary>
public sealed record AssessmentInput
{
    public string? PreTest { get; init; }
    public string? PostTest { get; init; }
    public string? Practical { get; init; }
    public string? RubricNotes { get; init; }
    public string? Product { get; init; }
    public string? Price { get; init; }
    public string? UnitCost { get; init; }
    public string? Customers { get; init; }
    public string? CapitalNeeded { get; init; }

    /// <summary>The API's body {preTest, postTest, practical, rubricNotes, businessPlan:{product, price, unitCost, customers, capitalNeeded}}.</summary>
    public static AssessmentInput? FromJson(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var plan = body.TryGetProperty("businessPlan", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        return new AssessmentInput
        {
            PreTest = Text(body, "preTest"),
            PostTest = Text(body, "postTest"),
            Practical = Text(body, "practical"),
            RubricNotes = Text(body, "rubricNotes"),
            Product = Text(plan, "product"),
            Price = Text(plan, "price"),
            UnitCost = Text(plan, "unitCost"),
            Customers = Text(plan, "customers"),
            CapitalNeeded = Text(plan, "capitalNeeded"),
        };
    }

    private static string? Text(JsonElement o, string name)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v))
        {
            return null;
        }
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null => null,
            // Neither text nor a number: kept as written, so the check names the field.
            _ => v.GetRawText(),
        };
    }
}

public sealed record AssessmentValues(
    int? PreTest, int? PostTest, PracticalResult? Practical, string? RubricNotes,
    string? Product, long? Price, long? UnitCost, string? Customers, long? CapitalNeeded);

/// <summary>The checks of an assessment. Pure.</summary>
public static class AssessmentRules
{
    public const int NotesMax = 1000;
    public const int TextMax = 200;

    public const string ScoreInvalidMessage = "A score is a whole number from 0 to 100; '{0}' is not.";
    public const string PracticalInvalidMessage = "The practical is competent or notYetCompetent; '{0}' is not.";
    public const string TooLongMessage = "At most {0} characters.";
    public const string MoneyInvalidMessage = "An amount is whole rupiah, without cents; '{0}' is not.";
    public const string BodyInvalidMessage = "Send the assessment as a JSON object.";

    public static (AssessmentValues? Values, IReadOnlyList<FieldIssue> Errors) Check(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldIssue>();
        var pre = Score(input.PreTest, "preTest", errors);
        var post = Score(input.PostTest, "postTest", errors);
        PracticalResult? practical = null;
        if (TextInput.Clean(input.Practical) is { } p)
        {
            if (TryPractical(p, out var result))
            {
                practical = result;
            }
            else
            {
                errors.Add(Issue("practical", "invalid", PracticalInvalidMessage, p));
            }
        }
        var notes = Text(input.RubricNotes, "rubricNotes", NotesMax, errors, multiLine: true);
        var product = Text(input.Product, "businessPlan.product", TextMax, errors);
        var customers = Text(input.Customers, "businessPlan.customers", TextMax, errors);
        var price = Money(input.Price, "businessPlan.price", errors);
        var cost = Money(input.UnitCost, "businessPlan.unitCost", errors);
        var capital = Money(input.CapitalNeeded, "businessPlan.capitalNeeded", errors);
        return errors.Count > 0 ? (null, errors) : (new AssessmentValues(pre, post, practical, notes, product, price, cost, customers, capital), errors);
    }

    public static bool TryPractical(string? text, out PracticalResult result)
    {
        result = default;
        var t = text?.Trim();
        return !string.IsNullOrEmpty(t) && char.IsAsciiLetter(t[0]) && Enum.TryParse(t, ignoreCase: true, out result) && Enum.IsDefined(result);
    }

    /// <summary>The API's word: competent or notYetCompetent.</summary>
    public static string? Word(PracticalResult? result) => result switch
    {
        PracticalResult.Competent => "competent",
        PracticalResult.NotYetCompetent => "notYetCompetent",
        _ => null,
    };

    private static int? Score(string? text, string field, List<FieldIssue> errors)
    {
        if (TextInput.Clean(text) is not { } t)
        {
            return null;
        }
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score <= 100)
        {
            return score;
        }
        errors.Add(Issue(field, "invalid", ScoreInvalidMessage, t));
        return null;
    }

    private static long? Money(string? text, string field, List<FieldIssue> errors)
    {
        if (TextInput.Clean(text) is not { } t)
        {
            return null;
        }
        if (Rupiah.TryParse(t, out var amount))
        {
            return amount;
        }
        errors.Add(Issue(field, "invalid", MoneyInvalidMessage, t));
        return null;
    }

    private static string? Text(string? text, string field, int max, List<FieldIssue> errors, bool multiLine = false)
    {
        var t = multiLine ? TextInput.CleanLines(text) : TextInput.Clean(text);
        if (t is { Length: var n } && n > max)
        {
            errors.Add(Issue(field, "too-long", TooLongMessage, max.ToString(CultureInfo.InvariantCulture)));
            return null;
        }
        return t;
    }

    public static FieldIssue Issue(string field, string code, string message, params string[] args) => new(field, code, message, args);
}
