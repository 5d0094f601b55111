using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>Issue 10, finding 13: a body the API cannot read answers 400 naming the field, in Indonesian; a non-JSON body 415.</summary>
[Collection(SharedApp.Name)]
public sealed class MalformedBodyTests(TunasFactory app)
{
    private const string Json = "application/json";
    private const string Persons = "/api/v1/persons";
    private const string Quotas = "/api/v1/programs/987654/quotas";
    private const string Programs = "/api/v1/programs";
    private const string Nik = "/api/v1/nik/check";

    [Theory]
    // A value of the wrong kind names the field and what it must hold.
    [InlineData("POST", Persons, "{\"nik\":\"3572014107909701\",\"fullName\":\"Siti\",\"welfareDecile\":\"tiga\"}", "welfareDecile", "Kolom welfareDecile harus berisi angka.")]
    [InlineData("POST", Persons, "{\"nik\":\"3572014107909701\",\"disability\":\"ya\"}", "disability", "Kolom disability harus berisi true atau false.")]
    [InlineData("POST", Programs, "{\"name\":\"Pelatihan\",\"year\":2025.5}", "year", "Kolom year harus berisi angka.")]
    [InlineData("POST", Programs, "{\"name\":\"Pelatihan\",\"budget\":\"50 juta\"}", "budget", "Kolom budget harus berisi angka.")]
    [InlineData("POST", Nik, "{\"nik\":3572014107900001}", "nik", "Kolom nik harus berisi teks.")]
    [InlineData("PUT", Quotas, "[{\"villageCode\":\"35.72.01.1004\",\"trackId\":\"satu\",\"size\":4}]", "[0].trackId", "Kolom [0].trackId harus berisi angka.")]
    [InlineData("POST", "/api/v1/programs/987654/quotas/proposal", "{\"perTrack\":\"ya\"}", "perTrack", "Kolom perTrack harus berisi true atau false.")]
    // The shape of the whole body.
    [InlineData("POST", Persons, "[{\"nik\":\"3572014107909701\"}]", "$", "Isi permintaan harus berupa objek JSON ({...}).")]
    [InlineData("POST", Persons, "\"3572014107909701\"", "$", "Isi permintaan harus berupa objek JSON ({...}).")]
    [InlineData("POST", Persons, "null", "$", "Isi permintaan harus berupa objek JSON ({...}).")]
    [InlineData("PUT", Quotas, "{\"villageCode\":\"35.72.01.1004\"}", "$", "Isi permintaan harus berupa daftar JSON ([...]).")]
    [InlineData("POST", Persons, "", "$", "Isi permintaan kosong. Isi permintaan harus berupa objek JSON ({...}).")]
    // Not JSON at all: where it broke.
    [InlineData("POST", Persons, "{\"nik\":\"3572014107909701\",\"fullName\":\"Siti", "fullName", "Isi permintaan bukan JSON yang sah di dekat kolom fullName (baris 1, posisi ")]
    [InlineData("POST", Persons, "{\"nik\":\"3572014107909701\",\"fullName\":\"Siti\",}", null, "Isi permintaan bukan JSON yang sah")]
    [InlineData("POST", Persons, "{\"nik\":\"3572014107909701\"\n\"fullName\":\"Siti\"}", null, "Isi permintaan bukan JSON yang sah")]
    [InlineData("POST", Nik, "{nik: '3572014107900001'}", null, "Isi permintaan bukan JSON yang sah")]
    [InlineData("PUT", Quotas, "[{\"size\":4},]", null, "Isi permintaan bukan JSON yang sah")]
    public async Task AMalformedBodyAnswers400NamingTheFieldAndStoresNothing(string method, string url, string body, string? field, string message)
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var before = await CountAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, Json) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        var error = Assert.Single(errors);
        if (field is not null)
        {
            Assert.Equal(field, error.Name);
        }
        Assert.StartsWith(message, error.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Permintaan tidak dapat dibaca.", problem.GetProperty("title").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("POST", Persons, "text/plain")]
    [InlineData("POST", Persons, "application/x-www-form-urlencoded")]
    [InlineData("PUT", Quotas, "text/plain")]
    [InlineData("POST", Nik, "application/xml")]
    [InlineData("POST", "/api/v1/public/applications/status", "text/plain")]
    public async Task ABodyThatIsNotJsonAnswers415(string method, string url, string contentType)
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent("{\"nik\":\"3572014107900001\"}", Encoding.UTF8, contentType),
        });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Kirim isi permintaan sebagai application/json (header Content-Type).",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnUnknownAddressWithABodyIsStillA404()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync("/api/v1/tidak-ada", new StringContent("x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheMessageIsInEnglishWhenTheUserChoseEnglish()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        using var request = new HttpRequestMessage(HttpMethod.Post, Persons)
        {
            Content = new StringContent("{\"nik\":\"3572014107909701\",\"welfareDecile\":\"tiga\"}", Encoding.UTF8, Json),
        };
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var response = await client.SendAsync(request);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The field welfareDecile must hold a number.", problem.GetProperty("errors").GetProperty("welfareDecile")[0].GetString());
        Assert.Equal("The request could not be read.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnAnonymousCallerGetsTheSameClearAnswerFromAPublicEndpoint()
    {
        var response = await app.CreateClient().PostAsync("/api/v1/public/applications/status",
            new StringContent("{\"registrationNumber\":\"TNS-0000-0000\",\"birthDate\":19900101}", Encoding.UTF8, Json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Kolom birthDate harus berisi teks.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("birthDate")[0].GetString());
    }

    private async Task<(int Persons, int Programs)> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return (await db.Persons.CountAsync(), await db.Programs.CountAsync());
    }
}
