using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>
/// A published round for the application pages: "sel" is selected in kelurahan 1 (desil 1), "out" is ineligible
/// (desil 9, the program allows 4), "own" applied in the kelurahan operator's own kelurahan. Training from
/// 13 October 2026 at a provider of track A.
/// </summary>
internal sealed class ApplicationPagesScenario
{
    public static readonly DateOnly TrainingStarts = new(2026, 10, 13);

    public required ProgramScenario Program { get; init; }
    public required Dictionary<string, string> Numbers { get; init; }

    /// <summary>Provider names are unique in an agency, and every test adds its own.</summary>
    public static string ProviderName(int programId) => "LPK Tunas Jaya " + programId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public long Id(string key) => Program.Applicants[key].ApplicationId;

    public string Birth(string key) => DateTextIso(Program.Applicants[key].BirthDate);

    public static async Task<ApplicationPagesScenario> PublishedAsync(TunasFactory app, Action<TrainingProgram>? configure = null)
    {
        var s = await ProgramScenario.CreateAsync(app, p =>
        {
            p.TrainingStarts = TrainingStarts;
            p.TrainingEnds = TrainingStarts.AddDays(11);
            configure?.Invoke(p);
        });
        await s.QuotasAsync(app, (ProgramScenario.Village1, s.TrackA, 1), (TunasFactory.OperatorVillage, s.TrackA, 1));
        var numbers = new Dictionary<string, string>
        {
            ["sel"] = await s.ApplyAsync(app, "sel", ProgramScenario.Village1, 1, s.TrackA),
            ["out"] = await s.ApplyAsync(app, "out", ProgramScenario.Village1, 9, s.TrackA),
            ["own"] = await s.ApplyAsync(app, "own", TunasFactory.OperatorVillage, 2, s.TrackA),
        };
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var agency = db.Programs.Where(p => p.Id == s.ProgramId).Select(p => p.AgencyId).First();
            var provider = new Provider { AgencyId = agency, Name = ProviderName(s.ProgramId), Address = "Jl. Merdeka 5", Capacity = 20, CreatedAt = DateTime.UtcNow };
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            db.TrackProviders.Add(new TrackProvider { AgencyId = agency, TrackId = s.TrackA, ProviderId = provider.Id });
            await db.SaveChangesAsync();
        }
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var run = await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs", null);
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var publish = await officer.PostAsync($"/api/v1/programs/{s.ProgramId}/selection-runs/{runId}/publish", null);
        Assert.True(publish.IsSuccessStatusCode, await publish.Content.ReadAsStringAsync());
        return new ApplicationPagesScenario { Program = s, Numbers = numbers };
    }

    /// <summary>Lodges an appeal through the public API, as the applicant would.</summary>
    public async Task<long> AppealAsync(TunasFactory app, string key, string text)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/public/appeals",
            new { registrationNumber = Numbers[key], birthDate = Birth(key), text });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var id = Id(key);
        return db.Appeals.Where(a => a.ApplicationId == id).Max(a => a.Id);
    }

    public async Task AnswerAsync(TunasFactory app, long appealId, bool upheld, string answer)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsJsonAsync($"/api/v1/programs/{Program.ProgramId}/appeals/{appealId}/answer", new { upheld, answer });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The applicant's status page, as posted from its form; HTML-decoded.</summary>
    public async Task<string> StatusPageAsync(TunasFactory app, string key, string? culture = null)
    {
        var client = await app.PageClientAsync(null);
        if (culture is not null)
        {
            await client.PostAsync("/Culture", await TunasFactory.FormAsync(client, "/Status", new() { ["culture"] = culture, ["returnUrl"] = "/" }));
        }
        var response = await client.PostAsync("/Status", await TunasFactory.FormAsync(client, "/Status", new()
        {
            ["RegistrationNumber"] = Numbers[key],
            ["BirthDate"] = Birth(key),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string DateTextIso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
