using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Impact;
using Tunas.Web.Features.Impact.Facts;
using Tunas.Web.Features.Training.Certificates;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>
/// The dashboard read from the kept facts (decision 0035): after every kind of write (the change tracker, a bulk
/// statement, a delete, a write rolled back) the next read counts it, and every figure equals the recount from the
/// rows. A fixture of its own, since these tests change the rows the hand-worked tests count.
/// </summary>
public sealed class DashboardFactsTests(ImpactApp app) : IClassFixture<ImpactApp>
{
    /// <summary>The dashboard from the kept facts and from the rows, both serialized, as the signed-in officer would see them.</summary>
    private async Task<(Dashboard Facts, string FactsJson, string RowsJson)> ReadBothAsync(DashboardFilter? filter = null)
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

    private async Task<Dashboard> SameAsRecountAsync(DashboardFilter? filter = null)
    {
        var (facts, factsJson, rowsJson) = await ReadBothAsync(filter);
        Assert.Equal(rowsJson, factsJson);
        return facts;
    }

    private async Task WriteAsync(Func<TunasDb, Task> write)
    {
        using var scope = app.Services.CreateScope();
        await write(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }

    [Fact]
    public async Task EveryKindOfWriteCountsAtTheNextReadAndEveryFigureEqualsTheRecount()
    {
        var before = await SameAsRecountAsync();
        await SameAsRecountAsync(new DashboardFilter(ProgramId: app.ProgramId, VillageCode: ImpactApp.V1));

        // Through the change tracker: one participant's latest answer says her business closed.
        await WriteAsync(async db =>
        {
            var answer = await db.Set<FollowUp>().Where(f => f.Group == FollowUpGroup.Participant && f.Status == FollowUpStatus.Done && f.BusinessActive == true
                && !db.Set<FollowUp>().Any(o => o.ApplicationId == f.ApplicationId && o.Status == FollowUpStatus.Done && o.MonthsAfter > f.MonthsAfter))
                .FirstAsync();
            answer.BusinessActive = false;
            await db.SaveChangesAsync();
        });
        var closed = await SameAsRecountAsync();
        Assert.Equal(before.Comparison.Rows[0].ParticipantsN, closed.Comparison.Rows[0].ParticipantsN);
        Assert.True(closed.Comparison.Rows[0].Participants < before.Comparison.Rows[0].Participants);

        // A bulk statement the change tracker never sees: every certificate revoked at once.
        var revoked = await WithAsync(db => db.Set<Certificate>().Where(c => c.AgencyId == app.AgencyId && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, DateTime.UtcNow), default));
        Assert.True(revoked > 0);
        var noneCompleted = await SameAsRecountAsync();
        Assert.Equal(0, noneCompleted.Funnel.Completed);
        Assert.Null(noneCompleted.Money.PerGraduate);

        // A bulk delete: the comparison group's answers are gone.
        await WithAsync(db => db.Set<FollowUp>().Where(f => f.AgencyId == app.AgencyId && f.Group == FollowUpGroup.Comparison)
            .ExecuteDeleteAsync(default));
        var noComparison = await SameAsRecountAsync();
        Assert.Equal(0, noComparison.Comparison.ComparisonGroup.N);

        // Businesses closed and an application withdrawn, each by a single statement.
        await WithAsync(db => db.Set<Business>().Where(b => b.AgencyId == app.AgencyId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BusinessStatus.Closed), default));
        var withdrawn = await WithAsync(db => db.Applications.Where(a => a.AgencyId == app.AgencyId && a.Status == ApplicationStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Rejected), default));
        // Every worker stopped yesterday, by one statement; and a resident moved to desil 9 through the change tracker.
        await WithAsync(db => db.Set<BusinessWorker>().Where(w => w.AgencyId == app.AgencyId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.EndedOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2)), default));
        await WriteAsync(async db =>
        {
            var resident = await db.Persons.Where(p => p.AgencyId == app.AgencyId && p.WelfareDecile == 1).OrderBy(p => p.Id).FirstAsync();
            resident.WelfareDecile = 9;
            await db.SaveChangesAsync();
        });
        var after = await SameAsRecountAsync();
        Assert.Equal(0, after.Outcomes.Jobs);
        Assert.Equal(before.Funnel.Workers, after.Funnel.Workers);
        Assert.Equal(before.Reach.Desil.Single(d => d.Desil == 1).Eligible - 1, after.Reach.Desil.Single(d => d.Desil == 1).Eligible);
        Assert.Equal(0, after.Outcomes.ActiveBusinesses);
        Assert.Equal(before.Funnel.Applied - withdrawn, after.Funnel.Applied);
        await SameAsRecountAsync(new DashboardFilter(ProgramId: app.ProgramId, VillageCode: ImpactApp.V1));
        await SameAsRecountAsync(new DashboardFilter(ProgramId: app.ProgramId, TrackId: app.T1));
        await SameAsRecountAsync(new DashboardFilter(ProgramId: app.ProgramId, CohortId: app.C2));
    }

    [Fact]
    public async Task EachResidentsChangeMovesTheRegistryCountAsARecountFromEveryResidentWould()
    {
        // The program's rules: 18 to 45 years old, desil 1 to 4, living in 35.72. The kelurahan's and the whole agency's
        // counts are read first and then only at the end: each catches up over every change at once.
        var village = new DashboardFilter(ProgramId: app.ProgramId, VillageCode: ImpactApp.V1);
        var agency = new DashboardFilter();
        var before = await SameAsRecountAsync();
        await SameAsRecountAsync(village);
        await SameAsRecountAsync(agency);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var id = await WithAsync(async db =>
        {
            var p = new Tunas.Web.Features.Registry.Person
            {
                AgencyId = app.AgencyId,
                Nik = "3572014107960001",
                FullName = "Warga Baru",
                NameKey = Tunas.Web.Features.Shared.SearchText.Fold("Warga Baru"),
                Sex = Tunas.Web.Features.Shared.Sex.Female,
                BirthDate = today.AddYears(-30),
                VillageCode = ImpactApp.V1,
                WelfareDecile = 2,
                Verified = true,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Persons.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        Assert.Equal(before.Funnel.Registry + 1, (await SameAsRecountAsync()).Funnel.Registry);

        async Task ChangeAsync(Action<Tunas.Web.Features.Registry.Person> change) => await WriteAsync(async db =>
        {
            change(await db.Persons.SingleAsync(p => p.Id == id));
            await db.SaveChangesAsync();
        });
        // Too old for the program; back in age but of an unknown desil (the program needs one); desil 3 in another kelurahan.
        await ChangeAsync(p => p.BirthDate = today.AddYears(-60));
        Assert.Equal(before.Funnel.Registry, (await SameAsRecountAsync()).Funnel.Registry);
        await ChangeAsync(p => (p.BirthDate, p.WelfareDecile) = (today.AddYears(-30), null));
        Assert.Equal(before.Funnel.Registry, (await SameAsRecountAsync()).Funnel.Registry);
        await ChangeAsync(p => (p.WelfareDecile, p.VillageCode) = (3, ImpactApp.V2));
        var moved = await SameAsRecountAsync();
        Assert.Equal(before.Funnel.Registry + 1, moved.Funnel.Registry);
        Assert.Equal(before.Reach.Desil.Single(d => d.Desil == 3).Eligible + 1, moved.Reach.Desil.Single(d => d.Desil == 3).Eligible);
        await SameAsRecountAsync(village);
        await SameAsRecountAsync(agency);

        // Every resident who never applied moved to desil 1 by one statement the change tracker never sees (they have no
        // copies of their fields on places or answers to keep).
        var bulk = await WithAsync(db => db.Persons.Where(p => p.AgencyId == app.AgencyId && !db.Applications.Any(a => a.PersonId == p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.WelfareDecile, 1), default));
        Assert.True(bulk > 1);
        var desil1 = await SameAsRecountAsync();
        await SameAsRecountAsync(village);

        // Gone from the registry (she was one of them: 30 years old, desil 1 now, in 35.72).
        await WithAsync(db => db.Persons.Where(p => p.Id == id).ExecuteDeleteAsync(default));
        Assert.Equal(desil1.Funnel.Registry - 1, (await SameAsRecountAsync()).Funnel.Registry);
        await SameAsRecountAsync(village);
        await SameAsRecountAsync(agency);
    }

    [Fact]
    public async Task AWriteRolledBackNeverReachesTheDashboard()
    {
        var before = await SameAsRecountAsync();

        await WriteAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Set<Business>().Where(b => b.AgencyId == app.AgencyId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BusinessStatus.Closed));
            await db.Set<FollowUp>().Where(f => f.AgencyId == app.AgencyId).ExecuteDeleteAsync();
            await tx.RollbackAsync();
        });

        var after = await SameAsRecountAsync();
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
    }

    [Fact]
    public async Task TheChangeLogNamesEveryRowABulkStatementChangedAndIsPrunedByAge()
    {
        var ids = await WithAsync(db => db.Applications.Where(a => a.AgencyId == app.AgencyId).Select(a => a.Id).ToListAsync());
        var since = await WithAsync(db => CountAsync(db, "1 = 1"));

        await WithAsync(db => db.Applications.Where(a => a.AgencyId == app.AgencyId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Motivation, "diubah"), default));

        var logged = await WithAsync(db => CountAsync(db, $"\"Kind\" = {(int)FactKind.Application} AND \"AgencyId\" = {app.AgencyId}"));
        Assert.True(logged >= ids.Count, $"{logged} rows logged for {ids.Count} applications");
        Assert.True(await WithAsync(db => CountAsync(db, "1 = 1")) >= since + ids.Count);
        // Rows of the last two days stay; rows older than the cut-off go.
        Assert.Equal(0, await WithAsync(db => DashboardChangePruner.PruneAsync(db, DateTime.UtcNow - DashboardChangePruner.Keep, default)));
        Assert.True(await WithAsync(db => DashboardChangePruner.PruneAsync(db, DateTime.UtcNow.AddMinutes(1), default)) > 0);
        Assert.Equal(0, await WithAsync(db => CountAsync(db, "1 = 1")));
        await SameAsRecountAsync();
    }

    private static async Task<long> CountAsync(TunasDb db, string where)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{DashboardChangeLog.Table}\" WHERE {where}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<T> WithAsync<T>(Func<TunasDb, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }
}
