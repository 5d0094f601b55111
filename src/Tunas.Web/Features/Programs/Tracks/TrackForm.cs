using System.Globalization;

namespace Tunas.Web.Features.Programs.Tracks;

/// <summary>
/// The track pages bind <see cref="TrackInput"/> itself; the API's typed body maps to it (<see cref="TrackBody.ToInput"/>).
/// The modules editor works without script: "add a module" and "remove" post the form back with one row more or
/// less, and nothing is saved until "Save".
/// </summary>
public static class TrackForm
{
    public static TrackInput From(Track t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new()
        {
            Name = t.Name,
            Description = t.Description,
            WomenOnly = t.WomenOnly,
            SortOrder = t.SortOrder.ToString(CultureInfo.InvariantCulture),
            Modules = Rows(t.Modules.OrderBy(m => m.SortOrder).Select(m => new ModuleValues(m.Name, m.Kind, m.Hours))),
        };
    }

    public static List<ModuleInput> Rows(IEnumerable<ModuleValues> modules) =>
        [.. modules.Select(m => new ModuleInput(m.Name, m.Kind.ToString(), m.Hours.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>
    /// The posted track as the rules take it: a form whose rows were all removed posts no rows, which means no
    /// modules (not "the template" or "unchanged", as a missing list does in the API).
    /// </summary>
    public static TrackInput Posted(TrackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input with { Modules = input.Modules ?? [] };
    }

    /// <summary>Carries out "add" or "remove:N" on the rows; null when the command is none of them (a save).</summary>
    public static TrackInput? Edit(TrackInput input, string? command)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rows = new List<ModuleInput>(input.Modules ?? []);
        if (command == "add")
        {
            rows.Add(new ModuleInput(null, nameof(ModuleKind.Other), null));
            return input with { Modules = rows };
        }
        if (command?.StartsWith("remove:", StringComparison.Ordinal) == true)
        {
            if (int.TryParse(command["remove:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < rows.Count)
            {
                rows.RemoveAt(index);
            }
            return input with { Modules = rows };
        }
        return null;
    }
}
