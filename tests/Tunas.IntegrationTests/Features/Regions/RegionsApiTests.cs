using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.IntegrationTests.Features.Regions;

[Collection(SharedApp.Name)]
public sealed class RegionsApiTests(TunasFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task StatsCountEveryOfficialRegion()
    {
        var stats = await _client.GetFromJsonAsync<JsonElement>("/api/v1/regions/stats");

        Assert.Equal(38, stats.GetProperty("provinces").GetInt32());
        Assert.Equal(514, stats.GetProperty("regencies").GetInt32());
        Assert.Equal(7285, stats.GetProperty("districts").GetInt32());
        Assert.Equal(83762, stats.GetProperty("villages").GetInt32());
    }

    [Fact]
    public async Task RegionsAreAnonymousAndCacheable()
    {
        var response = await _client.GetAsync("/api/v1/regions/35.72");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("35.72", body.GetProperty("code").GetString());
        Assert.Equal("Kota Blitar", body.GetProperty("name").GetString());
        Assert.Equal("regency", body.GetProperty("level").GetString());
        Assert.Equal("35", body.GetProperty("parentCode").GetString());
    }

    [Fact]
    public async Task AVillageKnowsItsDistrict()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/v1/regions/35.72.01.1004");

        Assert.Equal("Kauman", body.GetProperty("name").GetString());
        Assert.Equal("village", body.GetProperty("level").GetString());
        Assert.Equal("35.72.01", body.GetProperty("parentCode").GetString());
    }

    [Fact]
    public async Task UnknownCodeIsNotFound()
    {
        var response = await _client.GetAsync("/api/v1/regions/99.99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task KotaBlitarHasThreeKecamatanOfSevenKelurahanEach()
    {
        var districts = await _client.GetFromJsonAsync<List<JsonElement>>("/api/v1/regions/35.72/children");

        Assert.Equal(["Kepanjenkidul", "Sananwetan", "Sukorejo"], districts!.Select(d => d.GetProperty("name").GetString()));
        foreach (var district in districts!)
        {
            var villages = await _client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/regions/{district.GetProperty("code").GetString()}/children");
            Assert.Equal(7, villages!.Count);
            Assert.All(villages, v => Assert.Equal("village", v.GetProperty("level").GetString()));
        }
    }

    [Fact]
    public async Task TheRootListsTheProvinces()
    {
        var provinces = await _client.GetFromJsonAsync<List<JsonElement>>("/api/v1/regions/-/children");

        Assert.Equal(38, provinces!.Count);
        Assert.Contains(provinces, p => p.GetProperty("code").GetString() == "35" && p.GetProperty("name").GetString() == "Jawa Timur");
    }

    [Theory]
    [InlineData("kepanjen kidul")]
    [InlineData("KEPANJENKIDUL")]
    [InlineData("Kepánjen-Kidul")]
    public async Task NameSearchIgnoresCaseAccentsAndSpacing(string q)
    {
        var hits = await _client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/regions?q={Uri.EscapeDataString(q)}");

        Assert.Contains(hits!, h => h.GetProperty("code").GetString() == "35.72.01");
        Assert.Contains(hits!, h => h.GetProperty("code").GetString() == "35.72.01.1001");
        var district = hits!.First(h => h.GetProperty("code").GetString() == "35.72.01");
        Assert.Equal("Kota Blitar, Jawa Timur", district.GetProperty("path").GetString());
    }

    [Fact]
    public async Task SearchCanStayInsideOneRegionAndLevel()
    {
        var hits = await _client.GetFromJsonAsync<List<JsonElement>>("/api/v1/regions?q=sukorejo&within=35.72&level=village");

        var hit = Assert.Single(hits!);
        Assert.Equal("35.72.02.1006", hit.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ATooShortSearchIsAProblemInIndonesian()
    {
        var response = await _client.GetAsync("/api/v1/regions?q=a");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ketik minimal 2 huruf dari namanya.", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }
}
