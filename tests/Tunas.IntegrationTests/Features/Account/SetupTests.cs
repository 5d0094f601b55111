using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Features.Account;

/// <summary>A fresh app with no administrator configured: the first visit must lead to the one-time setup page.</summary>
public sealed class SetupTests : IAsyncLifetime
{
    private readonly TunasFactory _app = new() { SeedRoleUsers = false };

    public Task InitializeAsync()
    {
        _app.Settings["Admin:Email"] = "";
        _app.Settings["Admin:Password"] = "";
        return ((IAsyncLifetime)_app).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task WithoutUsersTheFirstVisitLeadsToSetupThenSetupDisappears()
    {
        var client = await _app.PageClientAsync(null);

        var first = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/Setup", first.Headers.Location?.OriginalString);

        var weak = await client.PostAsync("/Setup", await TunasFactory.FormAsync(client, "/Setup", new()
        {
            ["Input.AgencyName"] = "Dinas Sosial Kota Blitar",
            ["Input.Email"] = "kepala@blitar.test",
            ["Input.Password"] = "pendek",
        }));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Kata sandi minimal 10 karakter.", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var scope = _app.Services.CreateScope())
        {
            Assert.Empty(scope.ServiceProvider.GetRequiredService<TunasDb>().Users);
        }

        var created = await client.PostAsync("/Setup", await TunasFactory.FormAsync(client, "/Setup", new()
        {
            ["Input.AgencyName"] = "Dinas Sosial Kota Blitar",
            ["Input.FullName"] = "Kepala Bidang",
            ["Input.Email"] = "kepala@blitar.test",
            ["Input.Password"] = "kata-sandi-99",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Agency", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Agency")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Setup")).StatusCode);
        var anonymous = await _app.PageClientAsync(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
        Assert.Contains("Dinas Sosial Kota Blitar", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);
        var token = await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "kepala@blitar.test", password = "kata-sandi-99" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }
}

[Collection(SharedApp.Name)]
public sealed class ConfiguredAdministratorTests(TunasFactory app)
{
    [Fact]
    public async Task AnAdministratorFromConfigurationMeansNoSetupPage()
    {
        var client = await app.PageClientAsync(null);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Setup")).StatusCode);
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "admin@uji.test", password = TunasFactory.Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }
}
