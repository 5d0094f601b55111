using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;
using static Tunas.IntegrationTests.Features.Registry.Imports.XlsxFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>
/// Issue 10, finding 7: small files that unpack into a huge cell or millions of rows are refused before
/// ExcelDataReader reads them, for every role that may upload (a kelurahan operator included).
/// </summary>
[Collection(ImportsAppGroup.Name)]
public sealed class UploadLimitsTests(ImportsApp app)
{
    private const long HugeCell = 150L * 1024 * 1024;

    public static TheoryData<string> Uploaders => [Roles.Administrator, Roles.VillageOperator];

    [Theory]
    [MemberData(nameof(Uploaders))]
    public async Task ASmallXlsxWithOne150MbSharedStringIsRefusedBeforeItIsRead(string role)
    {
        var file = Build(w => w.Write("""<row r="2"><c r="A2" t="s"><v>0</v></c></row>"""), w =>
        {
            w.Write("<si><t>");
            Repeat(w, 'A', HugeCell);
            w.Write("</t></si>");
        });

        await AssertRefusedAsync(role, file, "mengembang");
        Assert.True(file.Length < 200 * 1024, $"The file is {file.Length:N0} bytes.");
    }

    [Fact]
    public async Task ASmallXlsxWithOne150MbInlineStringIsRefusedBeforeItIsRead()
    {
        var file = Build(w =>
        {
            w.Write("""<row r="2"><c r="A2" t="inlineStr"><is><t>""");
            Repeat(w, 'A', HugeCell);
            w.Write("</t></is></c></row>");
        });

        await AssertRefusedAsync(Roles.VillageOperator, file, "mengembang");
        await AssertRefusedAsync(Roles.VillageOperator, file, "mengembang", "bom-berganti-nama.xls");
    }

    [Fact]
    public async Task ACellLongerThanExcelAllowsIsRefusedEvenWhenItDoesNotCompress()
    {
        var inline = Build(w =>
        {
            w.Write("""<row r="2"><c r="A2" t="inlineStr"><is><t>""");
            Letters(w, XlsxInspector.ExcelCellChars + 1);
            w.Write("</t></is></c></row>");
        });
        var shared = Build(w => w.Write("""<row r="2"><c r="A2" t="s"><v>0</v></c></row>"""), w =>
        {
            // Rich text: the runs of one string add up.
            w.Write("<si><r><t>");
            Letters(w, 20_000);
            w.Write("</t></r><r><t>");
            Letters(w, 20_000);
            w.Write("</t></r></si>");
        });

        await AssertRefusedAsync(Roles.Administrator, inline, "32767 karakter");
        await AssertRefusedAsync(Roles.Administrator, shared, "32767 karakter");
    }

    [Fact]
    public async Task FiveMillionEmptyRowsAreRefusedWhetherWrittenOutNumberedOrDeclared()
    {
        var written = Build(w =>
        {
            for (var i = 0; i < 5_000_000; i++)
            {
                w.Write("<row/>");
            }
        });
        var numbered = Build(w => w.Write(Row(2, NewNik().Nik, "Siti") + """<row r="5000000"/>"""));
        var declared = Build(w => w.Write(Row(2, NewNik().Nik, "Siti")), dimension: "A1:C5000000");

        await AssertRefusedAsync(Roles.VillageOperator, written, "mengembang");
        await AssertRefusedAsync(Roles.VillageOperator, numbered, "lebih dari 1048576 baris");
        await AssertRefusedAsync(Roles.Administrator, declared, "lebih dari 1048576 baris");
    }

    [Fact]
    public async Task TooManyColumnsAreRefused()
    {
        var numbered = Build(w => w.Write(Row(2, NewNik().Nik, "Siti") + """<row r="3"><c r="XFD3"><v>1</v></c></row>"""));

        await AssertRefusedAsync(Roles.Administrator, numbered, "lebih dari 512 kolom");
    }

    [Fact]
    public async Task ALongCellUnderExcelsLimitRefusesItsRowAndTheOthersAreImported()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var good = NewNik();
        var longName = NewNik();
        var file = Build(w =>
        {
            w.Write(Row(2, good.Nik, "Siti Aminah"));
            w.Write($"""<row r="3"><c r="A3" t="inlineStr"><is><t>{longName.Nik}</t></is></c><c r="B3" t="inlineStr"><is><t>""");
            Repeat(w, 'B', 20_000);
            w.Write("""</t></is></c><c r="C3" t="inlineStr"><is><t>Kauman</t></is></c></row>""");
        });

        var job = await ImportAsync(client, file, "panjang.xlsx");

        Assert.Equal(("completed", 1, 1), (job.GetProperty("status").GetString(), Count(job, "inserted"), Count(job, "rejected")));
        var errors = await ErrorsCsvAsync(client, job.GetProperty("id").GetGuid());
        Assert.Equal("3", errors[1][0]);
        Assert.Equal(300, errors[1][2].Length);
    }

    [Fact]
    public async Task ACsvWithMoreRowsThanTheLimitIsRefusedAtUpload()
    {
        using var scope = app.Services.CreateScope();
        var uploads = scope.ServiceProvider.GetRequiredService<ImportUploads>();
        var path = Path.Combine(Path.GetTempPath(), "tunas-rows-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        await using (var writer = new StreamWriter(path))
        {
            await writer.WriteAsync($"NIK,NAMA,KELURAHAN\n{NewNik().Nik},Siti,Kauman\n");
            for (var i = 0; i < SheetLimits.Default.MaxRows; i++)
            {
                await writer.WriteAsync(",,\n");
            }
        }
        try
        {
            var result = await uploads.CreateForFileAsync(path, "35.72", new ImportActor(null, "test", null));

            Assert.Null(result.Job);
            Assert.Equal(ImportMessages.TooManyRowsMessage, result.Refusal?.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task AssertRefusedAsync(string role, byte[] file, string expected, string fileName = "bom.xlsx")
    {
        var client = await app.ApiClientAsync(role);
        var jobsBefore = await JobCountAsync();
        var filesBefore = Files();

        var response = await UploadAsync(client, file, fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var title = problem.GetProperty("title").GetString();
        Assert.Contains(expected, title, StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(jobsBefore, await JobCountAsync());
        Assert.Equal(filesBefore, Files());
    }

    private string[] Files() => Directory.Exists(app.Folder) ? [.. Directory.GetFiles(app.Folder).Order(StringComparer.Ordinal)] : [];

    private async Task<int> JobCountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().ImportJobs.CountAsync();
    }
}
