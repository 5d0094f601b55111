using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tunas.Bench;

/// <summary>
/// Issue 10, finding 7: what hostile uploads cost the server, in its own process on SQLite, against the raw baseline
/// of the same run: three legitimate .xlsx uploads at once (2,000 residents each). Figures: the growth of the server's
/// working set (sampled every 10 ms) over its size before each round, and the answers. Goal: a 144 KB file with one
/// 150 MB cell grows the app by less than 300 MB (three at once: still under 300 MB), and is refused.
/// </summary>
internal static class UploadScenario
{
    private const string AdminEmail = "bench@tunas.test";
    private const string AdminPassword = "Bench-Tunas-2026!";

    public static async Task RunAsync(BenchOptions options)
    {
        var legit = Workbook(w => Residents(w, 2_000));
        var cell = Workbook(w => w.Write("""<row r="2"><c r="A2" t="s"><v>0</v></c></row>"""), w =>
        {
            w.Write("<si><t>");
            Repeat(w, 'A', 150L * 1024 * 1024);
            w.Write("</t></si>");
        });
        var emptyRows = Workbook(w =>
        {
            for (var i = 2; i <= 5_000_001; i++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"""<row r="{i}"/>"""));
            }
        });

        await using var database = await BenchDatabase.CreateAsync(null, "uploads", options.Keep);
        var url = HttpLoad.LocalUrl();
        using var server = HttpLoad.Start(Path.Combine(AppContext.BaseDirectory, "Tunas.Web.dll"),
        [
            "--urls", url,
            "--Database:Provider=" + database.Provider,
            "--ConnectionStrings:Tunas=" + database.ConnectionString,
            "--Admin:Email=" + AdminEmail,
            "--Admin:Password=" + AdminPassword,
            "--Agency:Name=Dinas Sosial Kota Blitar (bench)",
            "--Agency:RegencyCode=35.72",
            "--RateLimiting:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            using var http = HttpLoad.Client(url, 4);
            http.Timeout = TimeSpan.FromMinutes(5);
            await HttpLoad.WaitForAsync(http, server, "/health");
            using var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword });
            token.EnsureSuccessStatusCode();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

            // Warm-up: the first upload loads the regions, the localizer, ExcelDataReader.
            await RoundAsync(http, server, legit, 1);
            var baseline = await RoundAsync(http, server, legit, 3);
            Line("upload 3 × legit xlsx (2,000 rows) at once", legit.Length, baseline, baseline);
            foreach (var (name, file) in new[] { ("150 MB cell", cell), ("5,000,000 empty rows", emptyRows) })
            {
                var one = await RoundAsync(http, server, file, 1);
                Line($"upload 1 × xlsx, {name}", file.Length, one, baseline);
                var three = await RoundAsync(http, server, file, 3);
                Line($"upload 3 × xlsx, {name}, at once", file.Length, three, baseline);
            }
            server.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Tunas server peak working set: {server.PeakWorkingSet64 / 1048576.0:F0} MB"));
        }
        finally
        {
            await HttpLoad.StopAsync(server);
        }
    }

    private sealed record Round(double GrowthMb, double Seconds, string Answers);

    private static void Line(string name, long bytes, Round round, Round baseline) =>
        Report.Line(name, round.GrowthMb, Math.Max(1, baseline.GrowthMb), "MB", string.Create(CultureInfo.InvariantCulture,
            $"file {bytes / 1024.0:F0} KB, answers {round.Answers} in {round.Seconds:F1} s"));

    /// <summary>Uploads <paramref name="count"/> copies at once; the largest working set seen over the one before, and the answers.</summary>
    private static async Task<Round> RoundAsync(HttpClient http, Process server, byte[] file, int count)
    {
        await Task.Delay(500);
        GC.Collect();
        server.Refresh();
        var before = server.WorkingSet64;
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                server.Refresh();
                peak = Math.Max(peak, server.WorkingSet64);
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => UploadAsync(http, file)));
        var seconds = clock.Elapsed.TotalSeconds;
        // An accepted file is imported in the background: its job counts too.
        foreach (var id in answers.Where(a => a.Id is not null).Select(a => a.Id!))
        {
            for (var i = 0; i < 600 && (await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}")).GetProperty("status").GetString() is "queued" or "running"; i++)
            {
                await Task.Delay(100);
            }
        }
        await stop.CancelAsync();
        await sampler;
        var summary = string.Join(", ", answers.GroupBy(a => a.Status).Select(g => string.Create(CultureInfo.InvariantCulture, $"{(int)g.Key}×{g.Count()}")));
        return new Round((peak - before) / 1048576.0, seconds, summary);
    }

    private static async Task<(HttpStatusCode Status, string? Id)> UploadAsync(HttpClient http, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", "warga.xlsx");
        using var response = await http.PostAsync("/api/v1/imports/persons", form);
        var id = response.StatusCode == HttpStatusCode.Accepted
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()
            : null;
        return (response.StatusCode, id);
    }

    private static void Residents(TextWriter w, int count)
    {
        var random = new Random(11);
        string[] villages = ["Kauman", "Bendo", "Sentul", "Kepanjenkidul"];
        for (var i = 0; i < count; i++)
        {
            var row = i + 2;
            var nik = string.Create(CultureInfo.InvariantCulture, $"357201{1 + (i % 28):00}{1 + (i % 12):00}{70 + (i % 30):00}{1000 + i:0000}");
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"""<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>{nik}</t></is></c><c r="B{row}" t="inlineStr"><is><t>Warga {random.Next(100_000)}</t></is></c><c r="C{row}" t="inlineStr"><is><t>{villages[i % villages.Length]}</t></is></c></row>"""));
        }
    }

    private static void Repeat(TextWriter w, char c, long count)
    {
        var piece = new string(c, 64 * 1024);
        for (var left = count; left > 0; left -= piece.Length)
        {
            w.Write(left >= piece.Length ? piece : piece[..(int)left]);
        }
    }

    /// <summary>The smallest workbook ExcelDataReader opens: a header row (NIK, NAMA, KELURAHAN), the rows given, and shared strings.</summary>
    private static byte[] Workbook(Action<TextWriter> rows, Action<TextWriter>? sharedStrings = null)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Relations = "http://schemas.openxmlformats.org/package/2006/relationships";
        const string Office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write($"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""));
            Part(zip, "_rels/.rels", w => w.Write($"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{Relations}"><Relationship Id="rId1" Type="{Office}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part(zip, "xl/workbook.xml", w => w.Write($"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Office}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write($"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{Relations}"><Relationship Id="rId1" Type="{Office}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{Office}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c><c r="C1" t="inlineStr"><is><t>KELURAHAN</t></is></c></row>""");
                rows(w);
                w.Write("</sheetData></worksheet>");
            });
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}">""");
                sharedStrings?.Invoke(w);
                w.Write("</sst>");
            });
        }
        return output.ToArray();
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
