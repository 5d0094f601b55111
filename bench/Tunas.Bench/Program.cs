using System.Diagnostics;
using System.Globalization;
using Tunas.Bench;

// Whole-scenario benchmarks: each figure is printed next to a raw baseline measured in the same run.
//   dotnet run -c Release --project bench/Tunas.Bench -- [startup] [regions] [search] [import-csv] [import-xlsx]
//       [--postgres "<connection string>"] [--rows 1000000] [--xlsx-rows 100000] [--bad-share 0.01] [--seed 1]
//       [--queries 2000] [--max-seconds 1200] [--keep] [--analyze] [--no-sqlite]
//   dotnet run -c Release --project bench/Tunas.Bench -- selection [--rows 1000000] [--postgres "<conn>"] [--no-sqlite] [--keep]
//   dotnet run -c Release --project bench/Tunas.Bench -- import-app [--rows 1000000] [--intake --connections 16 --requests 200000 --load-seconds 600] [--postgres "<conn>"] [--no-sqlite]
//   dotnet run -c Release --project bench/Tunas.Bench -- intake [--connections 64] [--requests 60000] [--load-seconds 20] [--postgres "<conn>"]
//   dotnet run -c Release --project bench/Tunas.Bench -- generate --rows 100000 [--out folder] [--format csv|xlsx|both]
//   dotnet run -c Release --project bench/Tunas.Bench -- http [--connections 64] [--load-seconds 10]
//   dotnet run -c Release --project bench/Tunas.Bench -- uploads
//   dotnet run -c Release --project bench/Tunas.Bench -- certificates
//   dotnet run -c Release --project bench/Tunas.Bench -- attendance [--postgres "<conn>"]
//   dotnet run -c Release --project bench/Tunas.Bench -- registry-export [--rows 200000] [--postgres "<conn>"] [--no-sqlite]
//   dotnet run -c Release --project bench/Tunas.Bench -- cashbook [--rows 10000000] [--queries 2000] [--postgres "<conn>"] [--no-sqlite]
// `baseline-server` is the bare ASP.NET Core app the start-up and http scenarios compare against.
if (args.Length > 0 && args[0] == "baseline-server")
{
    var builder = WebApplication.CreateSlimBuilder(args[1..]);
    var app = builder.Build();
    app.MapGet("/health", () => "Healthy");
    app.MapGet("/plaintext", () => "Hello, World!");
    app.Run();
    return 0;
}

// `plaintext-server` is the bare Kestrel app whose throughput is the intake scenario's floor.
if (args.Length > 0 && args[0] == "plaintext-server")
{
    IntakeScenario.ServePlaintext(args[1..]);
    return 0;
}

var options = BenchOptions.Parse(args);
var scenarios = BenchOptions.Scenarios(args);
var postgres = options.Postgres;
if (scenarios.Count == 0)
{
    scenarios = ["startup", "regions"];
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Tunas bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, rows {options.Rows:N0}"));
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
        case "selection":
            await SelectionScenario.RunAsync(options);
            break;
        case "generate":
            await GenerateCommand.RunAsync(options);
            break;
        case "search":
            await SearchScenario.RunAsync(options);
            break;
        case "import-csv":
            await ImportScenario.RunAsync(options, "csv");
            break;
        case "http":
            await HttpScenario.RunAsync(options);
            break;
        case "intake":
            await IntakeScenario.RunAsync(options);
            break;
        case "import-app":
            await ImportAppScenario.RunAsync(options, options.Intake);
            break;
        case "import-xlsx":
            await ImportScenario.RunAsync(options, "xlsx");
            break;
        case "attendance":
            await AttendanceScenario.RunAsync(options);
            break;
        case "uploads":
            await UploadScenario.RunAsync(options);
            break;
        case "registry-export":
            await ExportScenario.RunAsync(options);
            break;
        case "cashbook":
            await CashbookScenario.RunAsync(options);
            break;
        case "dashboard":
            await DashboardScenario.RunAsync(options);
            break;
        case "certificates":
            CertificatesScenario.Run(100);
            break;
        case "catalogue":
            await CatalogueScenario.RunAsync(options);
            break;
        default:
            Console.Error.WriteLine($"Unknown scenario '{scenario}'. Known: startup, regions, selection, search, import-csv, import-xlsx, import-app, uploads, intake, http, generate, registry-export, attendance, cashbook, certificates, catalogue, dashboard.");
            return 2;
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
return 0;
