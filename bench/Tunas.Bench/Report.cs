using System.Globalization;

namespace Tunas.Bench;

internal static class Report
{
    /// <summary>One line: the figure, its raw baseline, the ratio (figure / baseline) and memory.</summary>
    public static void Line(string name, double value, double baseline, string unit, string? memory = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} {value,10:F2} {unit,-4} baseline {baseline,10:F2} {unit,-4} ratio {value / baseline,6:F2}{(memory is null ? "" : "  " + memory)}"));
}
