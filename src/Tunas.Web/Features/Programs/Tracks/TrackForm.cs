using System.Globalization;

namespace Tunas.Web.Features.Programs.Tracks;

/// <summary>One row of the modules editor.</summary>
public sealed class ModuleForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Hours { get; set; }
}

/// <summary>
/// The track form of the Create and Edit pages. The modules editor works without script: "add a module" and
/// "remove" post the form back with one row more or less, and nothing is saved until "Save".
/// </summary>
public sealed class TrackForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool WomenOnly { get; set; }
    public string? SortOrder { get; set; }
    public List<ModuleForm> Modules { get; set; } = [];

    public TrackInput ToInput() => new()
    {
        Name = Name,
        Description = Description,
        WomenOnly = WomenOnly,
        SortOrder = SortOrder,
        Modules = [.. Modules.Select(m => new ModuleInput(m.Name, m.Kind, m.Hours))],
    };

    public static TrackForm From(Track t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new()
        {
            Name = t.Name,
            Description = t.Description,
            WomenOnly = t.WomenOnly,
            SortOrder = t.SortOrder.ToString(CultureInfo.InvariantCulture),
            Modules = [.. t.Modules.OrderBy(m => m.SortOrder).Select(m => new ModuleForm
            {
                Name = m.Name,
                Kind = m.Kind.ToString(),
                Hours = m.Hours.ToString(CultureInfo.InvariantCulture),
            })],
        };
    }

    public static List<ModuleForm> Rows(IEnumerable<ModuleValues> modules) =>
        [.. modules.Select(m => new ModuleForm { Name = m.Name, Kind = m.Kind.ToString(), Hours = m.Hours.ToString(CultureInfo.InvariantCulture) })];

    /// <summary>Carries out "add" or "remove:N"; true when the command only changed the rows (show the form again).</summary>
    public bool Edit(string? command)
    {
        if (command == "add")
        {
            Modules.Add(new ModuleForm { Kind = nameof(ModuleKind.Other) });
            return true;
        }
        if (command?.StartsWith("remove:", StringComparison.Ordinal) == true)
        {
            if (int.TryParse(command["remove:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < Modules.Count)
            {
                Modules.RemoveAt(index);
            }
            return true;
        }
        return false;
    }
}
