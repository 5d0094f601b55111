using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Data;

[Collection(SharedApp.Name)]
public sealed class SearchIndexMaintenanceTests(TunasFactory app)
{
    /// <summary>On PostgreSQL the name tokens are vacuumed (their visibility map is what makes the search's index-only scans cheap); SQLite has nothing to do.</summary>
    [Fact]
    public async Task TheNameTokensAreVacuumedOnPostgresAndNothingHappensOnSqlite()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();

        await DatabaseSetup.VacuumSearchIndexAsync(db);

        if (TunasFactory.IsPostgres)
        {
            var last = await db.Database.SqlQueryRaw<DateTime?>(
                """SELECT last_vacuum AS "Value" FROM pg_stat_user_tables WHERE relname = 'PersonNameTokens'""").SingleAsync();
            Assert.NotNull(last);
        }
        Assert.True(await db.Database.CanConnectAsync());
    }
}
