using System.Net;
using System.Text.Json;
using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

[Collection(SharedApp.Name)]
public sealed class PlatformTests(TunasFactory app)
{
    [Fact]
    public async Task HealthIncludesTheDatabaseAndIsPublic()
    {
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/token", "/api/v1/users", "/api/v1/regions/stats", "/api/v1/regions/{code}", "/api/v1/regions/{code}/children", "/api/v1/nik/check" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " is not in the OpenAPI document");
        }
        Assert.True(doc.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task TheApiPageWorksWithoutInternet()
    {
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/docs");

        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.", html, StringComparison.OrdinalIgnoreCase);
        foreach (var src in System.Text.RegularExpressions.Regex.Matches(html, "src=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
        {
            Assert.False(src.StartsWith("http", StringComparison.OrdinalIgnoreCase), "The API page loads " + src + " from elsewhere");
            var script = await client.GetAsync(new Uri(new Uri("http://localhost/docs/"), src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
    }

    [Fact]
    public async Task ApiErrorsAreProblemDetails()
    {
        var client = await app.ApiClientAsync(Tunas.Web.Infrastructure.Roles.ProgramOfficer);

        var response = await client.GetAsync("/api/v1/tidak-ada");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StaticAssetsAreServedFromTheAppItself()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/bootstrap/bootstrap.min.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/bootstrap/bootstrap.bundle.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/site.js")).StatusCode);
    }
}
