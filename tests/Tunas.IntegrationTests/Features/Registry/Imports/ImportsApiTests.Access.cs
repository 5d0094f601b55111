using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpreadCheetah;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>Who may import, and uploads that are refused before anything is stored.</summary>
public sealed partial class ImportsApiTests
{
    [Theory]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    public async Task RolesWithoutTheRegistryCannotImportOrReadImports(string role)
    {
        var client = await app.ApiClientAsync(role);

        var upload = await UploadAsync(client, Csv("NIK,NAMA,KELURAHAN\r\n3572014107900011,Siti,Kauman", Encoding.UTF8), "x.csv");
        var read = await client.GetAsync($"/api/v1/imports/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task AKelurahanOperatorImportsOnlyTheirOwnKelurahanAndSeesOnlyTheirOwnJobs()
    {
        var operatorClient = await app.ApiClientAsync(Roles.VillageOperator);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var own = NewNik();
        var other = NewNik(female: true);
        var csv = string.Join("\r\n", "NIK,NAMA,KELURAHAN", $"{own.Nik},Agus,Kauman", $"{other.Nik},Rina,Sentul");

        var job = await ImportAsync(operatorClient, Csv(csv, Encoding.UTF8), "rt04.csv");
        var officersJob = await ImportAsync(officer, Csv("NIK,NAMA,KELURAHAN\r\n" + NewNik().Nik + ",Nur,Bendo", Encoding.UTF8), "officer.csv");

        Assert.Equal((1, 1), (Count(job, "inserted"), Count(job, "rejected")));
        var report = await ErrorsCsvAsync(operatorClient, job.GetProperty("id").GetGuid());
        Assert.Contains("35.72.01.1003", report[1][3], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync($"/api/v1/imports/{officersJob.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync($"/api/v1/imports/{officersJob.GetProperty("id").GetGuid()}/errors.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/imports/{job.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task AnOperatorCannotMoveAResidentOfAnotherKelurahanIntoTheirOwn()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var operatorClient = await app.ApiClientAsync(Roles.VillageOperator);
        var person = NewNik();
        await ImportAsync(officer, Csv($"NIK,NAMA,KELURAHAN\r\n{person.Nik},Purnomo,Sentul", Encoding.UTF8), "sentul.csv");

        var job = await ImportAsync(operatorClient, Csv($"NIK,NAMA,KELURAHAN\r\n{person.Nik},Purnomo,Kauman", Encoding.UTF8), "pindah.csv");

        Assert.Equal((0, 1), (Count(job, "updated"), Count(job, "rejected")));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal("35.72.01.1003", (await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == person.Nik)).VillageCode);
    }

    public static TheoryData<string, byte[], string> BadUploads => new()
    {
        { "empty", [], "kosong" },
        { "list.txt", Encoding.UTF8.GetBytes("NIK,NAMA\r\n1,2"), ".xlsx, .xls" },
        { "broken.xlsx", Encoding.UTF8.GetBytes("this is not a workbook"), "tidak dapat dibaca" },
        { "no-nik.csv", Encoding.UTF8.GetBytes("NAMA,KELURAHAN\r\nSiti,Kauman"), "NIK" },
        { "header-only.csv", Encoding.UTF8.GetBytes("NIK,NAMA,KELURAHAN\r\n"), "tidak berisi" },
        { "big.csv", new byte[ImportsApp.MaxFileBytes + 1], "MB" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task ABadUploadIsRefusedInIndonesianAndNothingIsStored(string fileName, byte[] content, string expected)
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var jobsBefore = await JobCountAsync();
        var filesBefore = Files();

        var response = await UploadAsync(client, content, fileName == "empty" ? "empty.csv" : fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(jobsBefore, await JobCountAsync());
        Assert.Equal(filesBefore, Files());
    }

    private string[] Files() => Directory.Exists(app.Folder) ? [.. Directory.GetFiles(app.Folder).Order(StringComparer.Ordinal)] : [];

    [Fact]
    public async Task AnUploadWithoutAFileOrWithAnUnknownRegencyIsRefused()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);

        using var noFile = new MultipartFormDataContent { { new StringContent("35.72"), "regencyCode" } };
        var missing = await client.PostAsync("/api/v1/imports/persons", noFile);
        var regency = await UploadAsync(client, Csv("NIK,NAMA,KELURAHAN\r\n3572014107900011,Siti,Kauman", Encoding.UTF8), "x.csv", regencyCode: "99.99");
        var columns = await UploadAsync(client, Csv("NIK,NAMA,KELURAHAN\r\n3572014107900011,Siti,Kauman", Encoding.UTF8), "x.csv", columns: """{"hobby": "X"}""");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Pilih berkas", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True((await regency.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("regencyCode", out _));
        Assert.True((await columns.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("columns", out _));
    }

    [Fact]
    public async Task AFinishedUploadLeavesNoFileBehind()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var job = await ImportAsync(client, Csv($"NIK,NAMA,KELURAHAN\r\n{NewNik().Nik},Rahayu,Bendo", Encoding.UTF8), "sekali.csv");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var stored = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == job.GetProperty("id").GetGuid());
        Assert.Null(stored.StoredPath);
        Assert.False(File.Exists(Path.Combine(app.Folder, stored.Id.ToString("N") + ".csv")));
    }
}
