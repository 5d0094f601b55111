using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Demo;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Demo;

/// <summary>`--demo` plans the follow-ups, gives them to the demo facilitator, and answers most: graduates do better than the comparison group.</summary>
public sealed class DemoFollowUpsTests : IAsyncLifetime
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
    public async Task TheDemoHasVisitsDoneAndOverdueAndAComparisonGroupThatDoesLessWell()
    {
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new StringWriter());
        }
        using var check = _app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<TunasDb>();
        var rows = await db.Set<FollowUp>().AsNoTracking().ToListAsync();
        var today = TimeProvider.System.TodayInIndonesia();

        Assert.All(rows, r => Assert.NotNull(r.FacilitatorId));
        Assert.Single(rows.Select(r => r.FacilitatorId).Distinct());
        Assert.Contains(rows, r => r.Status == FollowUpStatus.Due && r.DueOn < today);
        Assert.Contains(rows, r => r.Status == FollowUpStatus.NotReached);
        var graduates = rows.Where(r => r.Group == FollowUpGroup.Participant && r.Status == FollowUpStatus.Done).ToList();
        var comparison = rows.Where(r => r.Group == FollowUpGroup.Comparison && r.Status == FollowUpStatus.Done).ToList();
        Assert.NotEmpty(graduates);
        Assert.NotEmpty(comparison);
        static double Active(List<FollowUp> r) => r.Count(x => x.BusinessActive == true) / (double)r.Count;
        static double Income(List<FollowUp> r) => r.Where(x => x.HouseholdMonthlyIncome is not null).Average(x => x.HouseholdMonthlyIncome!.Value);
        Assert.True(Active(graduates) > 0.5 && Active(graduates) > Active(comparison), $"active: {Active(graduates):0.00} against {Active(comparison):0.00}");
        Assert.True(Income(graduates) > Income(comparison));
        Assert.All(graduates.Where(r => r.BusinessActive == true), r => Assert.InRange(r.MonthlyRevenue!.Value, 100_000, 10_000_000));
        Assert.All(rows.Where(r => r.MonthlyProfit is not null), r => Assert.True(r.MonthlyProfit <= r.MonthlyRevenue));
    }
}
