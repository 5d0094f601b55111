using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>
/// The app for the import tests, with batches of 3 rows (so that every file spans several commits) and a small
/// file limit; its own database, so the counts of one test are not another feature's business.
/// </summary>
public sealed class ImportsApp : TunasFactory
{
    public const int BatchSize = 3;
    public const int MaxFileBytes = 200_000;

    public ImportsApp()
    {
        Settings["Imports:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture);
        Settings["Imports:MaxFileBytes"] = MaxFileBytes.ToString(CultureInfo.InvariantCulture);
        Settings["Imports:Folder"] = Folder;
    }

    /// <summary>Where this app keeps uploads: a folder of its own, to prove what is (not) stored.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tunas-imports-" + Guid.NewGuid().ToString("N")[..8]);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ImportsAppGroup : ICollectionFixture<ImportsApp>
{
    public const string Name = "imports";
}

/// <summary>Synthetic residents and files for the import tests; every test takes NIKs no other test uses.</summary>
internal static class ImportFiles
{
    private static int _serial = 100;

    /// <summary>A valid NIK of Kepanjenkidul (35.72.01), unique in the test run, with its birth date.</summary>
    public static (string Nik, DateOnly Birth, bool Female) NewNik(bool female = false)
    {
        var serial = Interlocked.Increment(ref _serial);
        var birth = new DateOnly(1960 + (serial % 40), 1 + (serial % 12), 1 + (serial % 28));
        var day = birth.Day + (female ? 40 : 0);
        var nik = string.Create(CultureInfo.InvariantCulture, $"357201{day:00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}");
        return (nik, birth, female);
    }

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static byte[] Csv(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string? regencyCode = null, string? columns = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (regencyCode is not null)
        {
            form.Add(new StringContent(regencyCode), "regencyCode");
        }
        if (columns is not null)
        {
            form.Add(new StringContent(columns), "columns");
        }
        return await client.PostAsync("/api/v1/imports/persons", form);
    }

    /// <summary>Uploads and waits for the job to end; the job as the API reports it.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient client, byte[] content, string fileName, string? regencyCode = null, string? columns = null)
    {
        var response = await UploadAsync(client, content, fileName, regencyCode, columns);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", created.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/imports/{created.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        return await WaitAsync(client, created.GetProperty("id").GetGuid());
    }

    public static async Task<JsonElement> WaitAsync(HttpClient client, Guid id)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (job.GetProperty("status").GetString() is "completed" or "failed")
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Import {id} did not finish within a minute.");
    }

    public static int Count(JsonElement job, string name) => job.GetProperty(name).GetInt32();

    /// <summary>The CSV error report: rows of cells, the header first.</summary>
    public static async Task<List<string[]>> ErrorsCsvAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/imports/{id}/errors.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            using var reader = Tunas.Web.Features.Registry.Imports.SheetReader.Open(path, "errors.csv");
            return [.. reader.ReadFirst(10_000).Select(r => r.Cells.Select(c => c.Text).ToArray())];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
