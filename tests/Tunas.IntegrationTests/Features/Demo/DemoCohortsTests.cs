using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Training;

namespace Tunas.IntegrationTests.Features.Demo;

/// <summary>`--demo` places the demo's selected applicants in a cohort per track at its providers, with some attendance.</summary>
public sealed class DemoCohortsTests : IAsyncLifetime
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
    public async Task TheDemoPlacesTheEightySelectedInCohortsAtBothProvidersWithSomeAbsences()
    {
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new StringWriter());
        }
        var again = new StringWriter();
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(again);
        }

        using var check = _app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<TunasDb>();
        var cohorts = await db.Set<Cohort>().ToListAsync();
        Assert.Equal(3, cohorts.Count);
        Assert.Equal(2, cohorts.Select(c => c.ProviderId).Distinct().Count());
        Assert.Equal(80, await db.Set<CohortParticipant>().CountAsync());
        Assert.Equal(24, await db.Set<CohortSession>().CountAsync());
        Assert.True(await db.Set<AttendanceMark>().CountAsync(m => m.Status == AttendanceStatus.Absent) > 0);
        Assert.True(await db.Set<AttendanceMark>().CountAsync(m => m.Status == AttendanceStatus.Present) > 500);
        Assert.Equal(1, await db.Set<CohortTrainer>().CountAsync());
        Assert.Contains("Demo cohorts: already there", again.ToString(), StringComparison.Ordinal);
    }
}
