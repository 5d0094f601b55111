using System.Globalization;
using System.Threading.Channels;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// The reading side of an import (<see cref="ImportRunner"/>): the file's rows, checked, into batches of good rows and
/// row errors, and the count of data rows for the progress bar. It touches no database: the runner writes.
/// </summary>
internal static class ImportBatchReader
{
    /// <summary>Reads and checks the rows after <paramref name="skip"/> committed ones into batches; the file's problems end the channel.</summary>
    public static async Task ReadBatchesAsync(SheetReader sheet, List<SheetRow> first, ColumnLayout layout, RowChecker checker, int skip, int total,
        int batchSize, Guid jobId, ChannelWriter<ImportBatch> output, CancellationToken ct)
    {
        try
        {
            var nikColumn = layout.Columns[ImportField.Nik];
            // NIK → the row it was first seen in: 16 digits fit a long, so a million NIKs take 16 MB, not hundreds.
            var seen = new FirstRows(total);
            var index = 0;
            var batch = new ImportBatch();
            foreach (var row in first.Concat(Rest(sheet)))
            {
                if (row.Number <= layout.HeaderRowNumber || row.IsEmpty)
                {
                    continue;
                }
                var key = RowChecker.NikKey(row[nikColumn]);
                if (index++ < skip)
                {
                    // Committed before an interruption: only remembered.
                    if (key is { } k)
                    {
                        seen.TryAdd(k, row.Number, out _);
                    }
                    continue;
                }
                Add(batch, row, checker.Check(row), key, seen, layout, jobId);
                if (batch.RowCount >= batchSize)
                {
                    await output.WriteAsync(batch, ct);
                    // The next batch is begun only once the writer has taken this one: two batches in memory (one being
                    // written, one being read), not three. Reading a batch takes less time than writing one.
                    if (!await output.WaitToWriteAsync(ct))
                    {
                        return;
                    }
                    batch = new ImportBatch();
                }
            }
            if (batch.RowCount > 0)
            {
                await output.WriteAsync(batch, ct);
            }
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    private static void Add(ImportBatch batch, SheetRow row, RowCheck check, long? key, FirstRows seen, ColumnLayout layout, Guid jobId)
    {
        batch.RowCount++;
        var issues = check.Issues.ToList();
        if (key is { } k && !seen.TryAdd(k, row.Number, out var first))
        {
            issues.Insert(0, new ImportIssue(ImportField.Nik, ImportMessages.DuplicateInFileMessage,
                [first.ToString(CultureInfo.InvariantCulture)], ImportMessages.DuplicateInFileAdvice));
        }
        if (issues.Count == 0 && check.Values is { } values)
        {
            batch.Rows.Add(new ImportRow(row.Number, values, check.Present,
                Cell(row, layout, ImportField.HouseholdRelation), Cell(row, layout, ImportField.VillageCode)));
            return;
        }
        batch.Rejected++;
        foreach (var issue in issues)
        {
            var value = Cell(row, layout, issue.Field);
            if (issue.Field is ImportField.Nik or ImportField.FamilyCardNumber)
            {
                value = value is null ? null : Nik.Mask(value);
            }
            batch.Errors.Add(ImportErrors.Create(jobId, row.Number, layout.HeaderOf(issue.Field), value, issue.Message, issue.Args, issue.Advice));
        }
    }

    private static string? Cell(SheetRow row, ColumnLayout layout, ImportField field) =>
        layout.Columns.TryGetValue(field, out var i) && row[i].Kind != CellKind.Empty ? row[i].Text : null;

    private static IEnumerable<SheetRow> Rest(SheetReader sheet)
    {
        while (sheet.Read() is { } row)
        {
            yield return row;
        }
    }

    /// <summary>Data rows below the header (empty rows left out), for the progress bar: one quick pass of its own.</summary>
    public static int CountRows(string path, string fileName, int headerRow, SheetLimits limits)
    {
        using var sheet = SheetReader.Open(path, fileName, limits);
        var count = 0;
        while (sheet.Read() is { } row)
        {
            if (row.Number > headerRow && !row.IsEmpty)
            {
                count++;
            }
        }
        return count;
    }
}
