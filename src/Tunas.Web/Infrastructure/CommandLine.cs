using System.Globalization;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry.Imports;

namespace Tunas.Web.Infrastructure;

public enum CommandName
{
    Serve,
    Migrate,
    RegionsImport,
    ImportPersons,
}

/// <summary>A parsed command line; <paramref name="Regency"/> is <c>--regency</c> of <c>import persons</c>.</summary>
public sealed record Command(CommandName Name, bool Demo, string? Argument, string[] HostArgs, string? Regency = null);

/// <summary>
/// The app's own command-line words: <c>migrate</c>, <c>regions import &lt;folder&gt;</c>,
/// <c>import persons &lt;file&gt; [--regency 35.72]</c> and <c>--demo</c>.
/// Everything else (<c>--urls</c>, <c>--Database:Provider=…</c>) is configuration for ASP.NET Core.
/// </summary>
public static class CommandLine
{
    public static Command Parse(string[] args)
    {
        var rest = args.ToList();
        var demo = rest.RemoveAll(a => a == "--demo") > 0;
        if (rest.Count > 0 && rest[0] == "migrate")
        {
            return new Command(CommandName.Migrate, demo, null, [.. rest.Skip(1)]);
        }
        if (rest.Count > 0 && rest[0] == "regions")
        {
            if (rest.Count < 3 || rest[1] != "import")
            {
                throw new ArgumentException("Usage: regions import <folder with provinces.csv, regencies.csv, districts.csv, villages.csv>");
            }
            return new Command(CommandName.RegionsImport, demo, rest[2], [.. rest.Skip(3)]);
        }
        if (rest.Count > 0 && rest[0] == "import")
        {
            if (rest.Count < 3 || rest[1] != "persons" || rest[2].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException(ImportUsage);
            }
            var hostArgs = rest.Skip(3).ToList();
            string? regency = null;
            var at = hostArgs.IndexOf("--regency");
            if (at >= 0)
            {
                if (at + 1 >= hostArgs.Count)
                {
                    throw new ArgumentException(ImportUsage);
                }
                regency = hostArgs[at + 1];
                hostArgs.RemoveRange(at, 2);
            }
            return new Command(CommandName.ImportPersons, demo, rest[2], [.. hostArgs], regency);
        }
        return new Command(CommandName.Serve, demo, null, [.. rest]);
    }

    public const string ImportUsage = "Usage: import persons <file .csv/.xlsx/.xls> [--regency 35.72]";

    public static async Task<int> RunAsync(Command command, IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        switch (command.Name)
        {
            case CommandName.Migrate:
                await sp.GetRequiredService<TunasDb>().MigrateAsync();
                await Console.Out.WriteLineAsync("Database migrated.");
                return 0;
            case CommandName.RegionsImport:
                List<Region> regions;
                try
                {
                    regions = RegionFiles.Read(command.Argument!);
                }
                catch (RegionFileException e)
                {
                    await Console.Error.WriteLineAsync("Region files rejected, nothing changed: " + e.Message);
                    return 2;
                }
                var result = await sp.GetRequiredService<RegionStore>().ImportAsync(regions);
                await Console.Out.WriteLineAsync(FormattableString.Invariant(
                    $"Regions: {result.Added} added, {result.Renamed} changed, {result.Retired} no longer current, {result.Unchanged} unchanged."));
                return 0;
            case CommandName.ImportPersons:
                return await ImportPersonsAsync(command, sp, Console.Out);
            default:
                return 0;
        }
    }

    /// <summary>
    /// The same import as the API's, run here and now: progress every 5% (at most one line a batch), then the counts.
    /// 0 when the job completed (rejected rows included, see the error report), 2 when the file was refused or failed.
    /// </summary>
    public static async Task<int> ImportPersonsAsync(Command command, IServiceProvider sp, TextWriter output, CancellationToken ct = default)
    {
        var L = sp.GetRequiredService<IStringLocalizer<SharedResource>>();
        var created = await sp.GetRequiredService<ImportUploads>().CreateForFileAsync(command.Argument!, command.Regency, ImportActor.CommandLine, ct);
        if (created.Job is not { } job)
        {
            await Console.Error.WriteLineAsync("File refused, nothing imported: " + ImportsApi.Text(created.Refusal!, L));
            return 2;
        }
        await output.WriteLineAsync(FormattableString.Invariant($"Import {job.Id} of {job.FileName}"));
        var lastPercent = -5;
        var progress = new ConsoleProgress(p =>
        {
            var percent = p.TotalRows == 0 ? 100 : (int)(100L * p.ProcessedRows / p.TotalRows);
            if (percent >= lastPercent + 5 || p.ProcessedRows == p.TotalRows)
            {
                lastPercent = percent;
                output.WriteLine(FormattableString.Invariant($"{percent,3}% {p.ProcessedRows:N0}/{p.TotalRows:N0} rows"));
            }
        });
        // The command runs no hosted service, but an import is the largest writer there is: on SQLite the log is
        // checkpointed in the background as in the app, not inside the batches' commits (docs/benchmarks.md).
        var checkpointer = sp.GetServices<IHostedService>().OfType<SqliteCheckpointer>().FirstOrDefault();
        if (checkpointer is not null)
        {
            await checkpointer.StartAsync(ct);
        }
        ImportJob? done;
        try
        {
            done = await sp.GetRequiredService<ImportRunner>().RunAsync(job.Id, progress, ct);
        }
        finally
        {
            if (checkpointer is not null)
            {
                await checkpointer.StopAsync(CancellationToken.None);
            }
        }
        if (done is not { Status: ImportStatus.Completed })
        {
            var reason = done?.Error is { } error ? L[error].Value : "";
            await Console.Error.WriteLineAsync("Import failed: " + reason);
            return 2;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Import completed: {done.Inserted} inserted, {done.Updated} updated, {done.Unchanged} unchanged, {done.Rejected} rejected ({done.TotalRows} rows)."));
        if (done.Rejected > 0)
        {
            await output.WriteLineAsync($"Rejected rows: GET /api/v1/imports/{done.Id}/errors.xlsx (or errors.csv).");
        }
        return 0;
    }

    /// <summary>Reports on the importing thread itself (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class ConsoleProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
