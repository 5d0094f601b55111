using System.Collections;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;
using Sylvan.Data.Csv;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Registry.Imports;

/// <summary>
/// The refused rows of a job as a file the operator opens next to their own: row, column, what the cell held
/// (NIK and No. KK masked), the problem and what to do, in the reader's language. Streamed from the database.
/// Every text cell goes through <see cref="SpreadsheetText.Cell"/>: the column heading and the value are the file's own.
/// </summary>
public static class ErrorReport
{
    /// <summary>The report's rows, localized, in the order of the file; only rows of the reader's agency.</summary>
    public static async IAsyncEnumerable<string?[]> RowsAsync(TunasDb db, int agencyId, Guid jobId, IStringLocalizer L,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var errors = db.ImportRowErrors.AsNoTracking()
            .Where(e => e.AgencyId == agencyId && e.ImportJobId == jobId)
            .OrderBy(e => e.RowNumber).ThenBy(e => e.Id)
            .Select(e => new { e.RowNumber, e.Column, e.Value, e.Problem, e.Arguments, e.Advice })
            .AsAsyncEnumerable()
            .WithCancellation(ct);
        await foreach (var e in errors)
        {
            var problem = string.Format(System.Globalization.CultureInfo.InvariantCulture, L[e.Problem].Value, [.. ImportErrors.Arguments(e.Arguments)]);
            yield return [e.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Column, e.Value, problem, L[e.Advice ?? ImportMessages.DefaultAdvice]];
        }
    }

    public static string[] Headers(IStringLocalizer L) => [L["Row"], L["Column"], L["Value"], L["Problem"], L["What to do"]];

    /// <summary>
    /// CSV in UTF-8 with a BOM and semicolons: what Excel in an Indonesian locale opens into columns by a double click.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, string[] headers, IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await using var reader = new RowsReader(headers, Safe(rows, from: 0, ct), ct);
        await using var csv = CsvDataWriter.Create(text, new CsvDataWriterOptions { Delimiter = ';' });
        await csv.WriteAsync(reader, ct);
        await text.FlushAsync(ct);
    }

    /// <summary>An .xlsx with one sheet; the header row bold and frozen.</summary>
    public static async Task WriteXlsxAsync(Stream output, string sheetName, string[] headers, IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        await spreadsheet.StartWorksheetAsync(sheetName, new SpreadCheetah.Worksheets.WorksheetOptions { FrozenRows = 1 }, ct);
        var bold = spreadsheet.AddStyle(new SpreadCheetah.Styling.Style { Font = { Bold = true } });
        await spreadsheet.AddRowAsync(headers.Select(h => new StyledCell(h, bold)).ToArray(), ct);
        var cells = new DataCell[headers.Length];
        await foreach (var row in Safe(rows, from: 1, ct))
        {
            // The row number stays a number, so that the sheet sorts and filters like the user's own.
            cells[0] = new DataCell(int.Parse(row[0]!, System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 1; i < cells.Length; i++)
            {
                cells[i] = new DataCell(row[i]);
            }
            await spreadsheet.AddRowAsync(cells, ct);
        }
        await spreadsheet.FinishAsync(ct);
    }

    /// <summary>The rows with every text cell from <paramref name="from"/> on made safe for a spreadsheet program.</summary>
    private static async IAsyncEnumerable<string?[]> Safe(IAsyncEnumerable<string?[]> rows, int from,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            var safe = new string?[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                safe[i] = i < from ? row[i] : SpreadsheetText.Cell(row[i]);
            }
            yield return safe;
        }
    }

    /// <summary>Rows of text as a <see cref="DbDataReader"/>, which is what Sylvan's CSV writer takes.</summary>
    private sealed class RowsReader(string[] headers, IAsyncEnumerable<string?[]> rows, CancellationToken ct) : DbDataReader, IDbColumnSchemaGenerator
    {
        private readonly IAsyncEnumerator<string?[]> _rows = rows.GetAsyncEnumerator(ct);
        private string?[] _current = [];

        public override int FieldCount => headers.Length;
        public override int RecordsAffected => -1;
        public override bool HasRows => true;
        public override bool IsClosed => false;
        public override int Depth => 0;
        public override object this[int ordinal] => GetValue(ordinal);
        public override object this[string name] => GetValue(GetOrdinal(name));

        public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
        {
            if (!await _rows.MoveNextAsync())
            {
                return false;
            }
            _current = _rows.Current;
            return true;
        }

        public System.Collections.ObjectModel.ReadOnlyCollection<DbColumn> GetColumnSchema() =>
            headers.Select((h, i) => (DbColumn)new TextColumn(h, i)).ToList().AsReadOnly();

        public override bool Read() => throw new NotSupportedException("Read asynchronously.");
        public override bool NextResult() => false;
        public override string GetName(int ordinal) => headers[ordinal];
        public override int GetOrdinal(string name) => Array.IndexOf(headers, name);
        public override Type GetFieldType(int ordinal) => typeof(string);
        public override string GetDataTypeName(int ordinal) => "string";
        public override bool IsDBNull(int ordinal) => _current[ordinal] is null;
        public override string GetString(int ordinal) => _current[ordinal] ?? "";
        public override object GetValue(int ordinal) => (object?)_current[ordinal] ?? DBNull.Value;

        public override int GetValues(object[] values)
        {
            var n = Math.Min(values.Length, FieldCount);
            for (var i = 0; i < n; i++)
            {
                values[i] = GetValue(i);
            }
            return n;
        }

        public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
        public override byte GetByte(int ordinal) => throw new NotSupportedException();
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
        public override char GetChar(int ordinal) => throw new NotSupportedException();
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
        public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
        public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
        public override double GetDouble(int ordinal) => throw new NotSupportedException();
        public override float GetFloat(int ordinal) => throw new NotSupportedException();
        public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
        public override short GetInt16(int ordinal) => throw new NotSupportedException();
        public override int GetInt32(int ordinal) => throw new NotSupportedException();
        public override long GetInt64(int ordinal) => throw new NotSupportedException();
        public override IEnumerator GetEnumerator() => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await _rows.DisposeAsync();
            await base.DisposeAsync();
        }

        private sealed class TextColumn : DbColumn
        {
            public TextColumn(string name, int ordinal)
            {
                ColumnName = name;
                ColumnOrdinal = ordinal;
                DataType = typeof(string);
                DataTypeName = "string";
                AllowDBNull = true;
            }
        }
    }
}
