using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Features.Shared.Exports;

/// <summary>
/// A program with applicants in the operator's kelurahan and in another, a No. KK on each, one name that begins like
/// a formula, and (when asked) a published run: what every export test needs.
/// </summary>
internal static class ExportScenario
{
    public const string FormulaName = "@Warga Formula";

    public static async Task<ProgramScenario> CreateAsync(TunasFactory app, bool run = false)
    {
        var s = await ProgramScenario.CreateAsync(app);
        await s.QuotasAsync(app, (TunasFactory.OperatorVillage, s.TrackA, 1), (ProgramScenario.Village1, s.TrackA, 1));
        await s.ApplyAsync(app, "own", TunasFactory.OperatorVillage, 1, s.TrackA);
        await s.ApplyAsync(app, "own2", TunasFactory.OperatorVillage, 2, s.TrackA);
        await s.ApplyAsync(app, "other", ProgramScenario.Village1, 1, s.TrackA);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            foreach (var (key, (_, personId, _)) in s.Applicants)
            {
                // 16 digits that a spreadsheet would round as a number (3.57202E+15): the export must keep them all.
                var kk = "35720" + personId.ToString("00000000000", System.Globalization.CultureInfo.InvariantCulture);
                await db.Persons.Where(p => p.Id == personId).ExecuteUpdateAsync(u => u.SetProperty(p => p.FamilyCardNumber, kk));
            }
            var own = s.Applicants["own"].PersonId;
            await db.Persons.Where(p => p.Id == own).ExecuteUpdateAsync(u => u.SetProperty(p => p.FullName, FormulaName));
        }
        if (run)
        {
            var officer = await app.ApiClientAsync(Tunas.Web.Infrastructure.Roles.ProgramOfficer);
            var response = await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null);
            response.EnsureSuccessStatusCode();
        }
        return s;
    }

    public static async Task<long> RunIdAsync(TunasFactory app, int programId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return await db.SelectionRuns.Where(r => r.ProgramId == programId).Select(r => r.Id).SingleAsync();
    }

    public static string FamilyCard(TunasFactory app, long personId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return db.Persons.Where(p => p.Id == personId).Select(p => p.FamilyCardNumber!).First();
    }
}
