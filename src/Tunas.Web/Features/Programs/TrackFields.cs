using System.Globalization;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Programs;

/// <summary>One module as typed; a row with neither name nor hours is an empty row of the form and is skipped.</summary>
public sealed record ModuleInput(string? Name, string? Kind, string? Hours)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Hours);
}

public sealed record TrackInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public bool WomenOnly { get; init; }

    /// <summary>Empty: after the last track (new) or unchanged (edit).</summary>
    public string? SortOrder { get; init; }

    /// <summary>Null: the default template (new) or unchanged (edit).</summary>
    public IReadOnlyList<ModuleInput>? Modules { get; init; }
}

public sealed record ModuleValues(string Name, ModuleKind Kind, int Hours);

public sealed record TrackValues
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool WomenOnly { get; init; }
    public int? SortOrder { get; init; }
    public IReadOnlyList<ModuleValues>? Modules { get; init; }
}

/// <summary>The rules of a track and its curriculum template. Pure; the caller checks that the name is free.</summary>
public static class TrackFields
{
    public const int NameMax = 120;
    public const int DescriptionMax = 1000;
    public const int ModuleNameMax = 200;
    public const int MaxModules = 30;
    public const int MaxHours = 200;

    /// <param name="input">The track as typed or sent.</param>
    /// <param name="skipEmptyRows">Whether module rows with neither name nor hours are left out (the form's spare rows).</param>
    public static Checked<TrackValues> Check(TrackInput input, bool skipEmptyRows = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldIssue>();
        var name = Checks.Collapse(input.Name);
        if (name is null)
        {
            errors.Add(Checks.Issue("name", "required", ProgramMessages.TrackNameRequiredMessage));
        }
        Checks.TooLong(name, NameMax, "name", errors);
        var description = TextInput.CleanLines(input.Description);
        Checks.TooLong(description, DescriptionMax, "description", errors);
        var order = Checks.Whole(input.SortOrder, "sortOrder", 1, 999, null, ProgramMessages.SortOrderInvalidMessage, errors);

        List<ModuleValues>? modules = null;
        if (input.Modules is { } given)
        {
            modules = [];
            var rows = given.Select((m, i) => (Module: m, Index: i)).Where(r => !(skipEmptyRows && (r.Module is null || r.Module.IsEmpty))).ToList();
            if (rows.Count > MaxModules)
            {
                errors.Add(Checks.Issue("modules", "too-many", ProgramMessages.TooManyModulesMessage, Checks.Number(MaxModules)));
            }
            foreach (var (module, i) in rows)
            {
                var m = module ?? new ModuleInput(null, null, null);
                var prefix = "modules[" + i.ToString(CultureInfo.InvariantCulture) + "].";
                var moduleName = Checks.Collapse(m.Name);
                if (moduleName is null)
                {
                    errors.Add(Checks.Issue(prefix + "name", "required", ProgramMessages.ModuleNameRequiredMessage));
                }
                Checks.TooLong(moduleName, ModuleNameMax, prefix + "name", errors);
                var kind = ModuleKind.Other;
                if (!string.IsNullOrWhiteSpace(m.Kind) && !Checks.TryEnum(m.Kind, out kind))
                {
                    errors.Add(Checks.Issue(prefix + "kind", "invalid", ProgramMessages.ModuleKindInvalidMessage, m.Kind.Trim()));
                }
                var hours = Checks.Whole(m.Hours, prefix + "hours", 1, MaxHours, ProgramMessages.ModuleHoursRequiredMessage, ProgramMessages.ModuleHoursInvalidMessage, errors);
                modules.Add(new ModuleValues(moduleName ?? "", kind, hours ?? 0));
            }
        }

        return Checks.Of(new TrackValues
        {
            Name = name ?? "",
            Description = description,
            WomenOnly = input.WomenOnly,
            SortOrder = order,
            Modules = modules,
        }, errors);
    }

    /// <summary>
    /// The curriculum a new track starts with, as the article describes it: the craft itself, then business
    /// management, bookkeeping, marketing and permits; 50 hours, about 7 to 10 training days.
    /// </summary>
    public static IReadOnlyList<ModuleValues> DefaultTemplate(IStringLocalizer L)
    {
        ArgumentNullException.ThrowIfNull(L);
        return
        [
            new(L["Craft practice"], ModuleKind.Craft, 24),
            new(L["Business management"], ModuleKind.BusinessManagement, 8),
            new(L["Simple bookkeeping"], ModuleKind.Bookkeeping, 8),
            new(L["Marketing and selling online"], ModuleKind.Marketing, 6),
            new(L["Business permits (NIB, PIRT, halal)"], ModuleKind.Permits, 4),
        ];
    }

    public static List<TrackModule> ToModules(IEnumerable<ModuleValues> modules) =>
        [.. modules.Select((m, i) => new TrackModule { Name = m.Name, Kind = m.Kind, Hours = m.Hours, SortOrder = i + 1 })];

    /// <summary>A track as the audit shows it: API names, invariant text.</summary>
    public static Dictionary<string, object?> Snapshot(Track t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(StringComparer.Ordinal)
        {
            ["trackId"] = t.Id,
            ["name"] = t.Name,
            ["description"] = t.Description,
            ["womenOnly"] = t.WomenOnly,
            ["sortOrder"] = t.SortOrder,
            ["modules"] = t.Modules.OrderBy(m => m.SortOrder).Select(m => $"{m.Name} ({m.Kind}, {m.Hours.ToString(CultureInfo.InvariantCulture)})").ToList(),
        };
    }
}
