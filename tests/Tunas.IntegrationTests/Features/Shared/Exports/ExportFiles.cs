using System.Data;
using System.Diagnostics;
using System.Text;
using ExcelDataReader;

namespace Tunas.IntegrationTests.Features.Shared.Exports;

/// <summary>
/// Reads the app's downloads with other programs than the one that wrote them: ExcelDataReader for the cells and their
/// types, LibreOffice (soffice) for what an office user sees, pdftotext (poppler) for a PDF's words. The two programs
/// are Debian packages that .ci/run installs; a test without them says so and passes.
/// </summary>
public static class ExportFiles
{
    /// <summary>Every sheet of an .xlsx: its name and its rows, the heading row first, each cell as read (string, double, DateTime).</summary>
    public static IReadOnlyList<(string Name, List<object?[]> Rows)> Sheets(byte[] xlsx)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx));
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }
                rows.Add(row);
            }
            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>The column of a heading in the first row.</summary>
    public static int Column(List<object?[]> rows, string heading) => Array.FindIndex(rows[0], c => c as string == heading);

    public static bool HasSoffice => Find("soffice") is not null;
    public static bool HasPdfToText => Find("pdftotext") is not null;

    /// <summary>The first sheet as LibreOffice saves it to CSV, or null when LibreOffice is not installed.</summary>
    public static async Task<string?> SofficeCsvAsync(byte[] xlsx)
    {
        if (Find("soffice") is not { } soffice)
        {
            return null;
        }
        var dir = Directory.CreateTempSubdirectory("tunas-soffice-");
        try
        {
            var input = Path.Combine(dir.FullName, "export.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            // A profile of its own: two conversions at once with the same profile make the second one fail.
            await RunAsync(soffice, "-env:UserInstallation=file://" + Path.Combine(dir.FullName, "profile"), "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.FullName, input);
            return await File.ReadAllTextAsync(Path.Combine(dir.FullName, "export.csv"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Every sheet as LibreOffice saves it to CSV (the filter's twelfth option, -1, writes one file per sheet), by
    /// sheet name; null when LibreOffice is not installed.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>?> SofficeCsvSheetsAsync(byte[] xlsx)
    {
        if (Find("soffice") is not { } soffice)
        {
            return null;
        }
        var dir = Directory.CreateTempSubdirectory("tunas-soffice-");
        try
        {
            var input = Path.Combine(dir.FullName, "export.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            var output = Directory.CreateDirectory(Path.Combine(dir.FullName, "csv"));
            await RunAsync(soffice, "-env:UserInstallation=file://" + Path.Combine(dir.FullName, "profile"), "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", output.FullName, input);
            var sheets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in output.GetFiles("export-*.csv"))
            {
                sheets[Path.GetFileNameWithoutExtension(file.Name)["export-".Length..]] = await File.ReadAllTextAsync(file.FullName);
            }
            return sheets;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The text of a PDF as pdftotext lays it out, or null when poppler-utils is not installed.</summary>
    public static async Task<string?> PdfTextAsync(byte[] pdf)
    {
        if (Find("pdftotext") is not { } pdftotext)
        {
            return null;
        }
        var dir = Directory.CreateTempSubdirectory("tunas-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            await RunAsync(pdftotext, "-layout", input, Path.Combine(dir.FullName, "report.txt"));
            return await File.ReadAllTextAsync(Path.Combine(dir.FullName, "report.txt"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} failed ({process.ExitCode}): {await stdout} {await stderr}");
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}

/// <summary>A test that opens a file in LibreOffice: skipped, with the reason, where soffice is not installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SofficeFactAttribute : FactAttribute
{
    public SofficeFactAttribute()
    {
        if (!ExportFiles.HasSoffice)
        {
            Skip = "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui (.ci/run does).";
        }
    }
}

/// <summary>A test that reads a PDF's text: skipped, with the reason, where pdftotext is not installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PdfToTextFactAttribute : FactAttribute
{
    public PdfToTextFactAttribute()
    {
        if (!ExportFiles.HasPdfToText)
        {
            Skip = "pdftotext is not installed: apt-get install poppler-utils (.ci/run does).";
        }
    }
}
