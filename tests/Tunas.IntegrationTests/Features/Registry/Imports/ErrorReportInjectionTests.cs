using System.Text;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>Issue 10, finding 8: what a file held comes back in the error report as text, never as a formula.</summary>
[Collection(ImportsAppGroup.Name)]
public sealed class ErrorReportInjectionTests(ImportsApp app)
{
    [Fact]
    public async Task ACellThatLooksLikeAFormulaComesBackWithAQuoteInFrontInTheCsvReport()
    {
        var client = await app.ApiClientAsync(Roles.VillageOperator);
        var first = NewNik();
        var second = NewNik();
        var file = Csv($"NIK;NAMA;KELURAHAN\r\n{first.Nik};Siti;\"=HYPERLINK(\"\"http://evil.test\"\",\"\"klik\"\")\"\r\n{second.Nik};Agus;=cmd|' /C calc'!A0", new UTF8Encoding(false));

        var job = await ImportAsync(client, file, "rumus.csv");

        Assert.Equal(2, Count(job, "rejected"));
        var id = job.GetProperty("id").GetGuid();
        var csv = await ErrorsCsvAsync(client, id);
        Assert.Equal(["'=HYPERLINK(\"http://evil.test\",\"klik\")", "'=cmd|' /C calc'!A0"], csv.Skip(1).Select(r => r[2]));
        Assert.All(csv.Skip(1).SelectMany(r => r), cell => Assert.DoesNotMatch("^[=+\\-@\t\r]", cell));
    }
}
