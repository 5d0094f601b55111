using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Security;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Infrastructure;
using Xunit.Abstractions;

namespace Tunas.IntegrationTests.Data;

/// <summary>The authorization suite's app and seed, with every SQL command of a signed-in agency user recorded.</summary>
public sealed class RecordedApp : AuthorizationApp
{
    public AgencySqlRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Recorder.AddTo(builder);
    }
}

/// <summary>
/// Every query of a signed-in user says the agency (decisions 0003, 0019): every role walks every endpoint of the
/// authorization table (pages and API, reads and then writes) with the seed's ids, and every SELECT, UPDATE and DELETE
/// that starts from an agency-owned table (those with an <c>AgencyId</c> column in the EF model) carries a condition on
/// that table's <c>AgencyId</c>. On Citus that condition sends the query to the one node of the agency.
/// </summary>
public sealed partial class AgencyQueriesTests(RecordedApp app, ITestOutputHelper output) : IClassFixture<RecordedApp>
{
    /// <summary>
    /// The commands that may start from an agency-owned table without saying the agency, each with why: a table and a
    /// fragment of the request that ran the command or of the command itself (a tag).
    /// </summary>
    private static readonly (string Table, string Where, string Why)[] Allowed =
    [
        ("AspNetUsers", "", "the accounts are a reference table (decision 0019): sign-in, the account check and the administrator's lists read them across agencies"),
        ("AuditEntries", "", "the audit log is local on the coordinator (decision 0019), read by entity or actor, never joined"),
        ("Applications", "/Status", "the public status lookup by registration number, which the public gives without its agency (RegistrationNumbers on Citus)"),
        ("Applications", "/Appeal", "the public appeal lookup by registration number, as the status lookup"),
        ("Applications", "/api/v1/public/", "the public lookups and intake by registration number or program, as the pages"),
        ("Programs", "/Results/", "the public results of a program by its number; the run and decisions are then read with its agency"),
        ("Programs", "/api/v1/public/programs/", "the public results by program number, as the page"),
        ("Programs", ProgramCatalog.AcrossAgencies, "the intake's cached catalog of programs serves every agency's public"),
        ("Tracks", ProgramCatalog.AcrossAgencies, "the tracks of the catalog's programs, read with them"),
        ("BusinessCategories", "/Katalog", "the public catalogue lists every agency's consented products (decision 0027): its category filter, read across agencies"),
        ("BusinessCategories", "/api/v1/public/catalog", "the public catalogue's API, as the page"),
        ("ProductPhotos", "/Katalog", "the public catalogue's first photo of each product, joined on the product's agency"),
        ("ProductPhotos", "/api/v1/public/catalog", "the public catalogue's API, as the page"),
    ];

    [Fact]
    public async Task EveryQueryOfAnAgencyUserFiltersTheAgencyOwnedTablesByAgency()
    {
        var tenantTables = TenantTables(app.Services);
        var urls = new AuthorizationSuiteTests(app, output);
        var callers = new Callers(app);
        foreach (var role in Roles.All)
        {
            await callers.SessionAsync(role);
        }

        app.Recorder.Recording = true;
        try
        {
            foreach (var write in new[] { false, true })
            {
                foreach (var role in Roles.All.OrderBy(Rank))
                {
                    var session = await callers.SessionAsync(role);
                    foreach (var row in AccessTable.Rows.Where(r => r.Allows(role) && (r.Method is "GET" or "*") != write))
                    {
                        foreach (var ids in new[] { app.Own, app.Other }.Distinct())
                        {
                            var url = urls.Url(row.Route, ids);
                            var method = row.Method == "*" ? "GET" : row.Method;
                            using var response = url.StartsWith("/api/", StringComparison.Ordinal)
                                ? await callers.ApiAsync(session, method, url)
                                : await callers.PageAsync(session, method, url);
                        }
                    }
                }
            }
        }
        finally
        {
            app.Recorder.Recording = false;
        }

        var commands = app.Recorder.Commands.ToList();
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            foreach (var table in AgencyConditions.UnfilteredTables(command.Sql, tenantTables))
            {
                if (!Allowed.Any(a => a.Table == table
                    && (command.Request.Contains(a.Where, StringComparison.Ordinal) || command.Sql.Contains(a.Where, StringComparison.Ordinal))))
                {
                    problems.Add($"{table} without its agency, in {command.Request}:{Environment.NewLine}{command.Sql}{Environment.NewLine}");
                }
            }
        }
        output.WriteLine($"{commands.Count} commands recorded ({Infrastructure.TunasFactory.ProviderName}), {problems.Count} without the agency.");
        Assert.True(commands.Count > 500, "Too few commands recorded: the walk did not reach the features.");
        Assert.True(problems.Count == 0, new StringBuilder().AppendJoin(Environment.NewLine, problems).ToString());
    }

    [Fact]
    public void TheCheckFindsAQueryByIdWithoutTheAgencyAndAcceptsOneWithIt()
    {
        var tables = new HashSet<string>(StringComparer.Ordinal) { "Applications", "Programs" };

        Assert.Equal(["Applications"], AgencyConditions.UnfilteredTables(
            """SELECT a."Id" FROM "Applications" AS a WHERE a."Id" = @id LIMIT 1""", tables));
        Assert.Empty(AgencyConditions.UnfilteredTables(
            """SELECT a."Id" FROM "Applications" AS a INNER JOIN "Programs" AS p ON a."ProgramId" = p."Id" WHERE a."AgencyId" = @agency AND a."Id" = @id""", tables));
        Assert.Equal(["Applications"], AgencyConditions.UnfilteredTables(
            """SELECT p."Id", (SELECT COUNT(*) FROM "Applications" AS a0 WHERE p."Id" = a0."ProgramId") FROM "Programs" AS p WHERE p."AgencyId" = @agency""", tables));
        Assert.Equal(["Programs"], AgencyConditions.UnfilteredTables("""UPDATE "Programs" SET "Status" = @s WHERE "Id" = @id""", tables));
        Assert.Empty(AgencyConditions.UnfilteredTables("""DELETE FROM "Programs" AS p WHERE p."Id" = @id AND p."AgencyId" = @agency""", tables));
        Assert.Equal(["Programs"], AgencyConditions.UnfilteredTables("""SELECT p."AgencyId" FROM "Programs" AS p WHERE p."Id" = @id""", tables));
    }

    private static HashSet<string> TenantTables(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return db.Model.GetEntityTypes().Where(t => t.FindProperty("AgencyId") is not null && t.GetTableName() is not null)
            .Select(t => t.GetTableName()!).ToHashSet(StringComparer.Ordinal);
    }

    private static int Rank(string role) => role switch
    {
        Roles.Administrator => 9,
        Roles.ProgramOfficer => 8,
        Roles.VillageOperator => 7,
        _ => 1,
    };
}
