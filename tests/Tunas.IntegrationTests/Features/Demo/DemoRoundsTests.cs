using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Demo;

/// <summary>
/// The demo's rounds dated from today (a new user can apply and appeal without editing dates) and the command
/// that shows the demo users' passwords again.
/// </summary>
public sealed class DemoRoundsTests : IAsyncLifetime
{
    private readonly TunasFactory _app = new() { SeedRoleUsers = false };
    private readonly StringWriter _seeded = new();

    public async Task InitializeAsync()
    {
        _app.Settings["Admin:Email"] = "";
        _app.Settings["Admin:Password"] = "";
        _app.Settings["Agency:Name"] = "";
        _app.Settings["Agency:RegencyCode"] = "";
        await ((IAsyncLifetime)_app).InitializeAsync();
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(_seeded);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task OneRoundHasItsAppealWindowOpenTodayAndAnotherTakesApplicationsToday()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var today = TimeProvider.System.TodayInIndonesia();
        var appeal = await db.Programs.AsNoTracking().SingleAsync(p => p.Name == DemoRoundsSeeder.AppealRoundName);
        var open = await db.Programs.AsNoTracking().SingleAsync(p => p.Name == DemoRoundsSeeder.OpenRoundName);

        Assert.InRange(today, appeal.AppealOpens!.Value, appeal.AppealCloses!.Value);
        Assert.True(appeal.RegistrationCloses < today);
        var run = await db.SelectionRuns.AsNoTracking().SingleAsync(r => r.ProgramId == appeal.Id);
        Assert.Equal(SelectionRunStatus.Published, run.Status);
        Assert.True(run.Selected > 0);
        Assert.Equal(2, await db.Appeals.CountAsync(a => a.RunId == run.Id && a.Status == AppealStatus.Open));

        Assert.InRange(today, open.RegistrationOpens, open.RegistrationCloses);
        Assert.False(await db.SelectionRuns.AnyAsync(r => r.ProgramId == open.Id));
        var now = DateTime.UtcNow;
        var submitted = await db.Applications.AsNoTracking().Where(a => a.ProgramId == open.Id).Select(a => a.SubmittedAt).ToListAsync();
        Assert.NotEmpty(submitted);
        Assert.All(submitted, at => Assert.True(at <= now));

        // The 80 trainees of 2025 stay the history of the first program: none applies again.
        var trainees = DemoSeeder.ParticipantNiks().ToHashSet();
        var newApplicants = await (from a in db.Applications
                                   where a.ProgramId == appeal.Id || a.ProgramId == open.Id
                                   join p in db.Persons on a.PersonId equals p.Id
                                   select p.Nik).ToListAsync();
        Assert.DoesNotContain(newApplicants, trainees.Contains);
        Assert.Equal(newApplicants.Count, newApplicants.Distinct().Count());

        var again = new StringWriter();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(again);
        Assert.Contains("Demo rounds: already there", again.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, await db.Programs.CountAsync());
    }

    [Fact]
    public async Task ThePublicCanApplyToTheOpenRoundToday()
    {
        var page = await _app.CreateClient().GetStringAsync("/Apply");

        Assert.Contains(DemoRoundsSeeder.OpenRoundName, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResettingTheDemoPasswordsGivesEveryDemoUserANewOneAndTheOldOnesStopWorking()
    {
        var before = Users(_seeded.ToString());
        Assert.Equal(Roles.All.Count, before.Count);
        var output = new StringWriter();
        var console = Console.Out;
        int exit;
        Console.SetOut(output);
        try
        {
            exit = await CommandLine.RunAsync(CommandLine.Parse(["users", "reset-demo-passwords"]), _app.Services);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal(0, exit);
        var after = Users(output.ToString());
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var client = _app.CreateClient();
        foreach (var (email, password) in after)
        {
            Assert.NotEqual(before[email], password);
            var old = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = before[email] });
            Assert.NotEqual(HttpStatusCode.OK, old.StatusCode);
            var fresh = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }
    }

    private static Dictionary<string, string> Users(string output) =>
        output.Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 3 && p[1].EndsWith("@" + DemoSeeder.Domain, StringComparison.Ordinal))
            .ToDictionary(p => p[1], p => p[2]);
}
