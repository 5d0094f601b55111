namespace Tunas.Web.Features.Training;

/// <summary>A module of the track's curriculum, as the session plan reads it.</summary>
public sealed record PlannedModule(string Name, int Hours);

public sealed record PlannedSession(DateOnly Date, string Title, int Hours);

/// <summary>
/// Spreads a track's modules over a cohort's days, one session a day. With more days than modules each module gets
/// days in proportion to its hours (at least one); with fewer, neighbouring modules share a day. Pure.
/// </summary>
public static class SessionPlan
{
    public static IReadOnlyList<PlannedSession> For(DateOnly starts, DateOnly ends, IReadOnlyList<PlannedModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var days = ends.DayNumber - starts.DayNumber + 1;
        if (days <= 0)
        {
            return [];
        }
        if (modules.Count == 0)
        {
            return [.. Enumerable.Range(0, days).Select(i => new PlannedSession(starts.AddDays(i), DayTitle(i + 1), 0))];
        }
        var sessions = new List<PlannedSession>(days);
        if (days < modules.Count)
        {
            for (var d = 0; d < days; d++)
            {
                var group = modules.Skip(d * modules.Count / days).Take(((d + 1) * modules.Count / days) - (d * modules.Count / days)).ToList();
                sessions.Add(new PlannedSession(starts.AddDays(d), string.Join(" · ", group.Select(m => m.Name)), group.Sum(m => m.Hours)));
            }
            return sessions;
        }
        var share = DaysPerModule(days, modules);
        var day = 0;
        for (var m = 0; m < modules.Count; m++)
        {
            var module = modules[m];
            for (var k = 0; k < share[m]; k++)
            {
                // The module's hours spread over its days, the odd hours on its first days.
                var hours = (module.Hours / share[m]) + (k < module.Hours % share[m] ? 1 : 0);
                var title = share[m] == 1 ? module.Name : $"{module.Name} ({k + 1}/{share[m]})";
                sessions.Add(new PlannedSession(starts.AddDays(day++), title, hours));
            }
        }
        return sessions;
    }

    private static int[] DaysPerModule(int days, IReadOnlyList<PlannedModule> modules)
    {
        var share = Enumerable.Repeat(1, modules.Count).ToArray();
        for (var left = days - modules.Count; left > 0; left--)
        {
            // The next day goes to the module with the most hours per day so far; equal ones to the earlier module.
            var best = 0;
            for (var m = 1; m < modules.Count; m++)
            {
                if ((long)Math.Max(modules[m].Hours, 1) * share[best] > (long)Math.Max(modules[best].Hours, 1) * share[m])
                {
                    best = m;
                }
            }
            share[best]++;
        }
        return share;
    }

    private static string DayTitle(int day) => "Hari " + day.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
