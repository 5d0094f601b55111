using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

[Collection(ImportsAppGroup.Name)]
public sealed partial class ImportPagesTests(ImportsApp app)
{
    [Fact]
    public async Task AnOfficerUploadsChecksTheGuessedColumnsAndFollowsTheImportToItsResult()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var a = NewNik(female: true);
        var b = NewNik();
        var csv = Csv($"NIK;NAMA LENGKAP;DESA;CATATAN\r\n{a.Nik};Wulan Sari;Kauman;x\r\n{b.Nik};;Kauman;y\r\n", new UTF8Encoding(true));

        var upload = await PostFileAsync(client, csv, "dari kelurahan.csv");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var mapUrl = upload.Headers.Location!.OriginalString;
        Assert.StartsWith("/Registry/Imports/Map/", mapUrl, StringComparison.Ordinal);
        var map = WebUtility.HtmlDecode(await client.GetStringAsync(mapUrl));
        Assert.Contains(Nik.Mask(a.Nik), map, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Nik, map, StringComparison.Ordinal);
        Assert.Matches("<option value=\"nik\" selected=\"selected\">", Select(map, 0));
        Assert.Matches("<option value=\"villageCode\" selected=\"selected\">", Select(map, 2));
        Assert.Matches("<option value=\"\" selected=\"selected\">|<option value=\"\">(?![\\s\\S]*selected)", Select(map, 3));

        // The user leaves the guess as it is, except that CATATAN becomes the address.
        var confirm = await client.PostAsync(mapUrl, await TunasFactoryForms.FormAsync(client, mapUrl, new()
        {
            ["Columns[0]"] = "nik",
            ["Columns[1]"] = "fullName",
            ["Columns[2]"] = "villageCode",
            ["Columns[3]"] = "address",
        }));

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var detailsUrl = confirm.Headers.Location!.OriginalString;
        var id = Guid.Parse(detailsUrl.Split('/')[^1]);
        var job = await WaitAsync(client, id); // the API answers the page's own sign-in cookie
        Assert.Equal((1, 1), (Count(job, "inserted"), Count(job, "rejected")));
        var details = await client.GetStringAsync(detailsUrl);
        Assert.Contains($"/api/v1/imports/{id}/errors.xlsx", details, StringComparison.Ordinal);
        Assert.Contains("Selesai", details, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/Registry/Imports");
        Assert.Contains("dari kelurahan.csv", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithoutANikColumnCannotBeStartedUntilOneIsChosen()
    {
        var client = await app.PageClientAsync(Roles.Administrator);
        var a = NewNik();
        var upload = await PostFileAsync(client, Csv($"NOMOR;NAMA;KELURAHAN\r\n{a.Nik};Joko;Kauman\r\n", Encoding.UTF8), "tanpa-nik.csv");
        var mapUrl = upload.Headers.Location!.OriginalString;

        var refused = await client.PostAsync(mapUrl, await TunasFactoryForms.FormAsync(client, mapUrl, new()
        {
            ["Columns[1]"] = "fullName",
            ["Columns[2]"] = "villageCode",
        }));
        var twice = await client.PostAsync(mapUrl, await TunasFactoryForms.FormAsync(client, mapUrl, new()
        {
            ["Columns[0]"] = "nik",
            ["Columns[1]"] = "nik",
            ["Columns[2]"] = "villageCode",
        }));
        var accepted = await client.PostAsync(mapUrl, await TunasFactoryForms.FormAsync(client, mapUrl, new()
        {
            ["Columns[0]"] = "nik",
            ["Columns[1]"] = "fullName",
            ["Columns[2]"] = "villageCode",
        }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kolom NIK", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var job = await WaitAsync(client, Guid.Parse(accepted.Headers.Location!.OriginalString.Split('/')[^1]));
        Assert.Equal(1, Count(job, "inserted"));
    }

    [Fact]
    public async Task AnUploadGivenUpAtTheColumnCheckLeavesNeitherFileNorJob()
    {
        var client = await app.PageClientAsync(Roles.Administrator);
        var upload = await PostFileAsync(client, Csv($"NIK;NAMA;KELURAHAN\r\n{NewNik().Nik};Tri;Kauman\r\n", Encoding.UTF8), "batal.csv");
        var mapUrl = upload.Headers.Location!.OriginalString;
        var id = Guid.Parse(mapUrl.Split('/')[^1]);
        Assert.Single(Directory.GetFiles(app.Folder, id.ToString("N") + ".*"));

        var cancel = await client.PostAsync(mapUrl + "?handler=Cancel", await TunasFactoryForms.FormAsync(client, mapUrl, []));

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Empty(Directory.GetFiles(app.Folder, id.ToString("N") + ".*"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(mapUrl)).StatusCode);
    }

    [Fact]
    public async Task AWrongFileIsRefusedOnTheUploadPage()
    {
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var response = await PostFileAsync(client, Encoding.UTF8.GetBytes("hello"), "foto.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".xlsx, .xls", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    public async Task RolesWithoutTheRegistryDoNotSeeTheImportPages(string role)
    {
        var client = await app.PageClientAsync(role);

        var response = await client.GetAsync("/Registry/Imports");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, byte[] content, string fileName)
    {
        var page = await client.GetStringAsync("/Registry/Imports");
        var token = Token().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/Registry/Imports", form);
    }

    private static string Select(string html, int column)
    {
        var start = html.IndexOf($"name=\"Columns[{column}]\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>The shared fixture's form helper, for pages whose address is only known after a redirect.</summary>
internal static class TunasFactoryForms
{
    public static Task<FormUrlEncodedContent> FormAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        Tunas.IntegrationTests.Infrastructure.TunasFactory.FormAsync(client, url, fields);
}
