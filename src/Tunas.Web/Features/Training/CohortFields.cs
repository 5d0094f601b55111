using System.Globalization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Training;

/// <summary>A cohort as a form or the API sends it: text, checked by <see cref="CohortFields.Check"/>.</summary>
public sealed record CohortInput
{
    public string? Name { get; init; }
    public string? TrackId { get; init; }
    public string? ProviderId { get; init; }
    public string? Place { get; init; }
    public string? StartsOn { get; init; }
    public string? EndsOn { get; init; }
    public string? Capacity { get; init; }
    public string? WhatToBring { get; init; }
    public IReadOnlyList<string>? TrainerIds { get; init; }
}

public sealed record CohortValues(
    string Name, int TrackId, int ProviderId, string Place, DateOnly StartsOn, DateOnly EndsOn, int Capacity, string? WhatToBring,
    IReadOnlyList<string> TrainerIds);

/// <summary>What the checks need to know: the program's tracks, the agency's providers, and each provider's staff.</summary>
public sealed record CohortContext(IReadOnlySet<int> Tracks, IReadOnlySet<int> Providers, Func<int, string, bool> IsStaffOf);

public sealed record CohortCheck(CohortValues? Values, IReadOnlyList<FieldIssue> Errors);

/// <summary>The rules of a cohort's own fields. Pure: the caller gives the program's tracks and the providers.</summary>
public static class CohortFields
{
    public const int NameMax = 120;
    public const int PlaceMax = 300;
    public const int BringMax = 500;
    public const int ReasonMax = 500;
    public const int TitleMax = 200;
    public const int MaxCapacity = 1000;
    public const int MaxDays = 366;

    public const string NameRequiredMessage = "Fill in the cohort's name.";
    public const string TrackRequiredMessage = "Choose the track.";
    public const string TrackUnknownMessage = "The track {0} is not a track of this program.";
    public const string ProviderRequiredMessage = "Choose the training provider.";
    public const string ProviderUnknownMessage = "The provider {0} is not one of the agency's training providers.";
    public const string PlaceRequiredMessage = "Fill in where the training takes place.";
    public const string StartRequiredMessage = "Fill in the first day.";
    public const string EndRequiredMessage = "Fill in the last day.";
    public const string DateInvalidMessage = "{0} is not a date (use dd/mm/yyyy).";
    public const string EndBeforeStartMessage = "The last day cannot be before the first day.";
    public const string TooManyDaysMessage = "A cohort lasts at most {0} days.";
    public const string CapacityRequiredMessage = "Fill in how many participants the cohort takes.";
    public const string CapacityInvalidMessage = "The capacity is a whole number from 1 to {0}.";
    public const string TrainerInvalidMessage = "A trainer must be a staff user of the cohort's provider.";
    public const string TooLongMessage = "At most {0} characters.";

    public static CohortCheck Check(CohortInput input, CohortContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<FieldIssue>();
        var name = TextInput.Clean(input.Name);
        if (name is null)
        {
            errors.Add(Issue("name", "required", NameRequiredMessage));
        }
        TooLong(name, NameMax, "name", errors);

        var track = Id(input.TrackId, "trackId", TrackRequiredMessage, TrackUnknownMessage, context.Tracks, errors);
        var provider = Id(input.ProviderId, "providerId", ProviderRequiredMessage, ProviderUnknownMessage, context.Providers, errors);

        var place = TextInput.Clean(input.Place);
        if (place is null)
        {
            errors.Add(Issue("place", "required", PlaceRequiredMessage));
        }
        TooLong(place, PlaceMax, "place", errors);

        var starts = Date(input.StartsOn, "startsOn", StartRequiredMessage, errors);
        var ends = Date(input.EndsOn, "endsOn", EndRequiredMessage, errors);
        if (starts is { } s && ends is { } e)
        {
            if (e < s)
            {
                errors.Add(Issue("endsOn", "before-start", EndBeforeStartMessage));
            }
            else if (e.DayNumber - s.DayNumber + 1 > MaxDays)
            {
                errors.Add(Issue("endsOn", "too-long", TooManyDaysMessage, MaxDays.ToString(CultureInfo.InvariantCulture)));
            }
        }

        int? capacity = null;
        if (string.IsNullOrWhiteSpace(input.Capacity))
        {
            errors.Add(Issue("capacity", "required", CapacityRequiredMessage));
        }
        else if (int.TryParse(input.Capacity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 1 and <= MaxCapacity)
        {
            capacity = c;
        }
        else
        {
            errors.Add(Issue("capacity", "invalid", CapacityInvalidMessage, MaxCapacity.ToString(CultureInfo.InvariantCulture)));
        }

        var bring = TextInput.Clean(input.WhatToBring);
        TooLong(bring, BringMax, "whatToBring", errors);

        var trainers = (input.TrainerIds ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (provider is { } p && trainers.Any(t => !context.IsStaffOf(p, t)))
        {
            errors.Add(Issue("trainerIds", "invalid", TrainerInvalidMessage));
        }

        return errors.Count > 0
            ? new(null, errors)
            : new(new CohortValues(name!, track!.Value, provider!.Value, place!, starts!.Value, ends!.Value, capacity!.Value, bring, trainers), errors);
    }

    internal static FieldIssue Issue(string field, string code, string message, params string[] args) => new(field, code, message, args);

    private static void TooLong(string? value, int max, string field, List<FieldIssue> errors)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(Issue(field, "too-long", TooLongMessage, max.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static int? Id(string? text, string field, string required, string unknown, IReadOnlySet<int> known, List<FieldIssue> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Issue(field, "required", required));
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && known.Contains(id))
        {
            return id;
        }
        errors.Add(Issue(field, "unknown", unknown, text.Trim()));
        return null;
    }

    private static DateOnly? Date(string? text, string field, string required, List<FieldIssue> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Issue(field, "required", required));
            return null;
        }
        if (DateText.TryParse(text, out var date))
        {
            return date;
        }
        errors.Add(Issue(field, "invalid", DateInvalidMessage, text.Trim()));
        return null;
    }
}
