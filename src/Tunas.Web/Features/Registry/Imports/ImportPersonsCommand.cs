using System.Globalization;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary><c>-- import persons &lt;file&gt; [--regency 35.72]</c>: a registry file imported from the server's console.</summary>
public sealed class ImportPersonsCommand : IAppCommand
{
    public CommandName Name => CommandName.ImportPersons;

    Task<int> IAppCommand.RunAsync(Command command, IServiceProvider services, CancellationToken ct) => RunAsync(command, services, Console.Out, ct);

    /// <summary>
    /// The same import as the API's, run here and now: progress every 5% (at most one line a batch), then the counts.
    /// 0 when the job completed (rejected rows included, see the error report), 2 when the file was refused or failed.
    /// </summary>
    public static async Task<int> RunAsync(Command command, IServiceProvider sp, TextWriter output, CancellationToken ct = default)
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
            // A paused job goes on in the app, which takes it over once its lease has run out (decision 0018).
            var reason = (done?.PausedBecause ?? done?.Error) is { } error ? L[error].Value : "";
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
