using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Impact;
using Tunas.Web.Features.Impact.Facts;
using Tunas.Web.Features.Training.Certificates;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>
/// The dashboard read from the kept facts (decision 0035): after every kind of write (the change tracker, a bulk
/// statement, a delete, a write rolled back) the next read counts it, and every figure equals the recount from the
/// rows. A fixture of its own, since these tests change the rows the hand-worked tests count.
/// </summary>
public sealed class DashboardFactsTests(ImpactApp app) : DashboardFactsBase(app), IClassFixture<ImpactApp>
{
    [Fact]
    public async Task EveryKindOfWriteCountsAtTheNextReadAndEveryFigureEqualsTheRecount()
    {
        var before = await SameAsRecountAsync();
        await SameAsRecountAsync(new DashboardFilter(ProgramId: App.ProgramId, VillageCode: ImpactApp.V1));

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
        var revoked = await WithAsync(db => db.Set<Certificate>().Where(c => c.AgencyId == App.AgencyId && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, DateTime.UtcNow), default));
        Assert.True(revoked > 0);
        var noneCompleted = await SameAsRecountAsync();
        Assert.Equal(0, noneCompleted.Funnel.Completed);
        Assert.Null(noneCompleted.Money.PerGraduate);

        // A bulk delete: the comparison group's answers are gone.
        await WithAsync(db => db.Set<FollowUp>().Where(f => f.AgencyId == App.AgencyId && f.Group == FollowUpGroup.Comparison)
            .ExecuteDeleteAsync(default));
        var noComparison = await SameAsRecountAsync();
        Assert.Equal(0, noComparison.Comparison.ComparisonGroup.N);

        // Businesses closed and an application withdrawn, each by a single statement.
        await WithAsync(db => db.Set<Business>().Where(b => b.AgencyId == App.AgencyId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BusinessStatus.Closed), default));
        var withdrawn = await WithAsync(db => db.Applications.Where(a => a.AgencyId == App.AgencyId && a.Status == ApplicationStatus.Submitted)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Rejected), default));
        // Every worker stopped yesterday, by one statement; and a resident moved to desil 9 through the change tracker.
        await WithAsync(db => db.Set<BusinessWorker>().Where(w => w.AgencyId == App.AgencyId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.EndedOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2)), default));
        await WriteAsync(async db =>
        {
            var resident = await db.Persons.Where(p => p.AgencyId == App.AgencyId && p.WelfareDecile == 1).OrderBy(p => p.Id).FirstAsync();
            resident.WelfareDecile = 9;
            await db.SaveChangesAsync();
        });
        var after = await SameAsRecountAsync();
        Assert.Equal(0, after.Outcomes.Jobs);
        Assert.Equal(before.Funnel.Workers, after.Funnel.Workers);
        Assert.Equal(before.Reach.Desil.Single(d => d.Desil == 1).Eligible - 1, after.Reach.Desil.Single(d => d.Desil == 1).Eligible);
        Assert.Equal(0, after.Outcomes.ActiveBusinesses);
        Assert.Equal(before.Funnel.Applied - withdrawn, after.Funnel.Applied);
        await SameAsRecountAsync(new DashboardFilter(ProgramId: App.ProgramId, VillageCode: ImpactApp.V1));
        await SameAsRecountAsync(new DashboardFilter(ProgramId: App.ProgramId, TrackId: App.T1));
        await SameAsRecountAsync(new DashboardFilter(ProgramId: App.ProgramId, CohortId: App.C2));
    }

    [Fact]
    public async Task AWriteRolledBackNeverReachesTheDashboard()
    {
        var before = await SameAsRecountAsync();

        await WriteAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Set<Business>().Where(b => b.AgencyId == App.AgencyId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BusinessStatus.Closed));
            await db.Set<FollowUp>().Where(f => f.AgencyId == App.AgencyId).ExecuteDeleteAsync();
            await tx.RollbackAsync();
        });

        var after = await SameAsRecountAsync();
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
    }

    [Fact]
    public async Task TheChangeLogNamesEveryRowABulkStatementChangedAndIsPrunedByAge()
    {
        var ids = await WithAsync(db => db.Applications.Where(a => a.AgencyId == App.AgencyId).Select(a => a.Id).ToListAsync());
        var since = await WithAsync(db => CountAsync(db, "1 = 1"));

        await WithAsync(db => db.Applications.Where(a => a.AgencyId == App.AgencyId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Motivation, "diubah"), default));

        var logged = await WithAsync(db => CountAsync(db, $"\"Kind\" = {(int)FactKind.Application} AND \"AgencyId\" = {App.AgencyId}"));
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
}
