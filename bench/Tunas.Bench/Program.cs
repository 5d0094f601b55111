using System.Diagnostics;
using System.Globalization;
using Tunas.Bench;

// Whole-scenario benchmarks: each figure is printed next to a raw baseline measured in the same run.
//   dotnet run -c Release --project bench/Tunas.Bench -- [startup] [regions] [--postgres "<connection string>"]
// `baseline-server` is the bare ASP.NET Core app the start-up scenario compares against.
if (args.Length > 0 && args[0] == "baseline-server")
{
    var builder = WebApplication.CreateSlimBuilder(args[1..]);
    var app = builder.Build();
    app.MapGet("/health", () => "Healthy");
    app.Run();
    return 0;
}

var scenarios = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)).ToList();
var postgresAt = Array.IndexOf(args, "--postgres");
var postgres = postgresAt >= 0 && postgresAt + 1 < args.Length ? args[postgresAt + 1] : null;
if (scenarios.Count == 0)
{
    scenarios = ["startup", "regions"];
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Tunas bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
foreach (var scenario in scenarios)
{
    switch (scenario)
    {
        case "startup":
            await StartupScenario.RunAsync();
            break;
        case "regions":
            await RegionsScenario.RunAsync(postgres);
            break;
        default:
            Console.Error.WriteLine($"Unknown scenario '{scenario}'. Known: startup, regions.");
            return 2;
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
return 0;
