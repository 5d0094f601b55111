using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Impact;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>What the tests of the kept facts share: the dashboard read both ways, and writes and reads in a scope of their own.</summary>
public abstract class DashboardFactsBase(ImpactApp app)
{
    protected ImpactApp App => app;

    /// <summary>The dashboard from the kept facts and from the rows, both serialized, as the signed-in officer would see them.</summary>
    protected async Task<(Dashboard Facts, string FactsJson, string RowsJson)> ReadBothAsync(DashboardFilter? filter = null)
    {
        using var scope = app.Services.CreateScope();
        var http = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(TunasClaims.AgencyId, app.AgencyId.ToString(CultureInfo.InvariantCulture))], "test")),
        };
        try
        {
            var reader = scope.ServiceProvider.GetRequiredService<DashboardReader>();
            filter ??= new DashboardFilter(ProgramId: app.ProgramId);
            var facts = await reader.ReadAsync(filter, default);
            var rows = await reader.RecountAsync(filter, default);
            return (facts, JsonSerializer.Serialize(facts), JsonSerializer.Serialize(rows));
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    protected async Task<Dashboard> SameAsRecountAsync(DashboardFilter? filter = null)
    {
        var (facts, factsJson, rowsJson) = await ReadBothAsync(filter);
        Assert.Equal(rowsJson, factsJson);
        return facts;
    }

    protected async Task WriteAsync(Func<TunasDb, Task> write)
    {
        using var scope = app.Services.CreateScope();
        await write(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }

    protected async Task<T> WithAsync<T>(Func<TunasDb, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }
}
