using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>`--demo` on an empty database: Dinas Sosial Kota Blitar and one user per role, passwords printed once.</summary>
public sealed class DemoTests : IAsyncLifetime
{
    private readonly TunasFactory _app = new() { SeedRoleUsers = false };

    public Task InitializeAsync()
    {
        _app.Settings["Admin:Email"] = "";
        _app.Settings["Admin:Password"] = "";
        _app.Settings["Agency:Name"] = "";
        _app.Settings["Agency:RegencyCode"] = "";
        return ((IAsyncLifetime)_app).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task TheDemoCreatesKotaBlitarAndOneUserPerRoleOnce()
    {
        var first = new StringWriter();
        var second = new StringWriter();
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(first);
        }
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(second);
        }

        var lines = first.ToString().Split('\n').Where(l => l.Contains('@', StringComparison.Ordinal)).ToList();
        Assert.Equal(Roles.All.Count, lines.Count);
        Assert.DoesNotContain("@", second.ToString(), StringComparison.Ordinal);
        using (var scope = _app.Services.CreateScope())
        {
            var agency = await scope.ServiceProvider.GetRequiredService<TunasDb>().Agencies.AsNoTracking().SingleAsync();
            Assert.Equal("Dinas Sosial Kota Blitar", agency.Name);
            Assert.Equal("35.72", agency.RegencyCode);
        }
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var token = await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = parts[1], password = parts[2] });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }
    }
}
