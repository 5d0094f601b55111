using System.Globalization;

namespace Tunas.Bench;

/// <summary>
/// CPU time of a .NET process's tiered-compilation thread, read from <c>/proc</c> (Linux only). A server that has
/// just started keeps recompiling its hot methods (instrumented, then optimised) for many seconds of load, and on two
/// shared cores that thread took a quarter to a third of the server's CPU 5-15 s into the intake's measurement; a
/// warm-up that waits for it to go quiet measures the server as it runs for hours, not as it starts.
/// </summary>
internal static class TieredJit
{
    /// <summary>Seconds of CPU the thread has used so far, or null where <c>/proc</c> does not tell.</summary>
    public static double? CpuSeconds(int pid)
    {
        var tasks = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task";
        if (!Directory.Exists(tasks))
        {
            return null;
        }
        double? total = null;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    continue;
                }
                // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                total = (total ?? 0) + ticks / 100.0;
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }
        return total ?? 0;
    }
}
