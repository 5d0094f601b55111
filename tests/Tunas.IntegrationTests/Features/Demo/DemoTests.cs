using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Demo;

/// <summary>
/// `--demo` on an empty database: Dinas Sosial Kota Blitar, one user per role (passwords printed once) and a
/// registry of synthetic residents of the 21 kelurahan.
/// </summary>
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

    [Fact]
    public async Task TheDemoRegistryHoldsSyntheticResidentsOfAllTwentyOneKelurahanOnce()
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

        using var check = _app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<TunasDb>();
        var persons = await db.Persons.AsNoTracking()
            .Select(p => new { p.Id, p.Nik, p.VillageCode, p.WelfareDecile, p.HouseholdId, p.HouseholdRelation, p.Origin })
            .ToListAsync();
        var expected = DemoSeeder.BuildRegistry(DemoSeeder.KotaBlitarVillages);
        Assert.Equal(expected.PersonCount, persons.Count);
        Assert.InRange(persons.Count, DemoSeeder.OtherResidents + DemoSeeder.Participants, 6_000);
        Assert.Contains("Demo registry: ", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing added", second.ToString(), StringComparison.Ordinal);

        Assert.Equal(DemoSeeder.KotaBlitarVillages, persons.Select(p => p.VillageCode).Distinct().Order(StringComparer.Ordinal));
        var deciles = persons.GroupBy(p => p.WelfareDecile ?? 0).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(1, 10), deciles.Keys.Order());
        Assert.True(deciles.Where(d => d.Key <= 4).Sum(d => d.Value) > deciles.Where(d => d.Key >= 7).Sum(d => d.Value),
            "A city's registry has more poor residents (desil 1-4) than well-off ones (7-10).");

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        Assert.All(persons, p => Assert.True(Nik.Check(p.Nik, today).Valid, Nik.Mask(p.Nik)));
        Assert.Equal(persons.Count, persons.Select(p => p.Nik).Distinct().Count());
        Assert.Contains(persons, p => p.Origin == PersonOrigin.Entered);
        Assert.Contains(persons, p => p.Origin == PersonOrigin.Imported);

        var households = await db.Households.AsNoTracking().ToListAsync();
        Assert.Equal(expected.Households.Count, households.Count);
        var heads = persons.Where(p => p.HouseholdRelation == HouseholdRelation.Head).ToDictionary(p => p.HouseholdId!.Value, p => p.Id);
        Assert.All(households, h => Assert.Equal(heads[h.Id], h.HeadPersonId));
        Assert.All(persons, p => Assert.NotNull(p.HouseholdId));

        var tokened = await db.PersonNameTokens.AsNoTracking().Select(t => t.PersonId).Distinct().CountAsync();
        Assert.Equal(persons.Count, tokened);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "registry.demo-loaded"));

        var participants = DemoSeeder.ParticipantNiks();
        Assert.Equal(DemoSeeder.Participants, participants.Distinct().Count());
        var byNik = persons.ToDictionary(p => p.Nik);
        Assert.All(participants, nik => Assert.InRange(byNik[nik].WelfareDecile!.Value, 1, 4));
        Assert.Equal(21, participants.Select(nik => byNik[nik].VillageCode).Distinct().Count());
    }

    [Fact]
    public async Task TheDemoProgramHasAPublishedSelectionOfTheEightyTraineesAndAWaitlist()
    {
        var first = new StringWriter();
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(first);
        }
        using (var scope = _app.Services.CreateScope())
        {
            var again = new StringWriter();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(again);
            Assert.Contains("Demo program: already there", again.ToString(), StringComparison.Ordinal);
        }

        using var check = _app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<TunasDb>();
        var program = await db.Programs.AsNoTracking().Include(p => p.Tracks).ThenInclude(t => t.Modules).SingleAsync(p => p.Name == DemoProgramSeeder.ProgramName);
        Assert.Equal(DemoProgramSeeder.ProgramName, program.Name);
        Assert.Equal(["Jajanan", "Menjahit Kaos Konveksi", "Produk Rumah Tangga"], program.Tracks.OrderBy(t => t.SortOrder).Select(t => t.Name));
        Assert.All(program.Tracks, t => Assert.Contains(t.Modules, m => m.Kind == Tunas.Web.Features.Programs.ModuleKind.Bookkeeping));
        var quotas = await db.ProgramQuotas.AsNoTracking().Where(q => q.ProgramId == program.Id).ToListAsync();
        Assert.Equal(21, quotas.Count);
        Assert.Equal(DemoSeeder.Participants, quotas.Sum(q => q.Size));
        Assert.Equal(2, await db.Providers.CountAsync());

        var applications = await db.Applications.CountAsync(a => a.ProgramId == program.Id);
        Assert.InRange(applications, 230, 270);
        var run = await db.SelectionRuns.AsNoTracking().SingleAsync(r => r.ProgramId == program.Id);
        Assert.Equal(Tunas.Web.Features.Selection.SelectionRunStatus.Published, run.Status);
        Assert.Equal(DemoSeeder.Participants, run.Selected);
        Assert.True(run.Waitlisted > 0);
        var selected = await (from d in db.SelectionDecisions
                              where d.RunId == run.Id && d.Status == DecisionStatus.Selected
                              join a in db.Applications on d.ApplicationId equals a.Id
                              join p in db.Persons on a.PersonId equals p.Id
                              select p.Nik).ToListAsync();
        Assert.Equal(DemoSeeder.ParticipantNiks().Order(StringComparer.Ordinal), selected.Order(StringComparer.Ordinal));
        Assert.True(await db.OutboxMessages.CountAsync(m => m.ProgramId == program.Id) > 200);
        Assert.Contains("80 selected", first.ToString(), StringComparison.Ordinal);
    }
}
