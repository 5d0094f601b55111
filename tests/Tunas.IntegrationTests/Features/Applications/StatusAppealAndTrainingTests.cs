using System.Net.Http.Json;
using System.Text.Json;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>The applicant's status page closes the loop: the appeal offered, waiting and answered; the training of the selected.</summary>
[Collection(SelectionAppGroup.Name)]
public sealed class StatusAppealAndTrainingTests(SelectionApp app)
{
    [Fact]
    public async Task AnIneligibleApplicantIsOfferedTheAppealUntilTheWindowCloses()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);

        var html = await s.StatusPageAsync(app, "out");

        Assert.Contains("data-testid=\"appeal-offer\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Appeal\"", html, StringComparison.Ordinal);
        var closes = ProgramScenario.Today.AddDays(5).ToString("d MMMM yyyy", LocalizationSetup.Indonesian);
        Assert.Contains("sanggahan sampai " + closes, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"training\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSelectedAreNotOfferedAnAppealAndNobodyIsOutsideTheWindow()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app, p =>
        {
            p.AppealOpens = ProgramScenario.Today.AddDays(-10);
            p.AppealCloses = ProgramScenario.Today.AddDays(-2);
        });

        var selected = await s.StatusPageAsync(app, "sel");
        var ineligible = await s.StatusPageAsync(app, "out");

        Assert.DoesNotContain("data-testid=\"appeal-offer\"", selected, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"appeal-offer\"", ineligible, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Appeal\"", ineligible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatusShowsTheAppealWaitingThenTheOfficersAnswer()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        var appeal = await s.AppealAsync(app, "out", "Desil saya sudah diperbarui bulan lalu.");

        var waiting = await s.StatusPageAsync(app, "out");
        await s.AnswerAsync(app, appeal, upheld: false, "Desil Anda di data DTSEN masih 9.");
        var answered = await s.StatusPageAsync(app, "out");

        Assert.Contains("Desil saya sudah diperbarui bulan lalu.", waiting, StringComparison.Ordinal);
        Assert.Contains("Menunggu jawaban", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"appeal-offer\"", waiting, StringComparison.Ordinal);
        Assert.Contains("data-appeal-state=\"rejected\"", answered, StringComparison.Ordinal);
        Assert.Contains("Ditolak", answered, StringComparison.Ordinal);
        Assert.Contains("Jawaban petugas", answered, StringComparison.Ordinal);
        Assert.Contains("Desil Anda di data DTSEN masih 9.", answered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSelectedSeeTheTrainingDatesAndPlaceAndTheScoreInPoints()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);

        var html = await s.StatusPageAsync(app, "sel");

        Assert.Contains("data-testid=\"training\"", html, StringComparison.Ordinal);
        Assert.Contains("13 Oktober 2026", html, StringComparison.Ordinal);
        Assert.Contains("24 Oktober 2026", html, StringComparison.Ordinal);
        Assert.Contains(ApplicationPagesScenario.ProviderName(s.Program.ProgramId) + ", Jl. Merdeka 5", html, StringComparison.Ordinal);
        Assert.Matches("Skor Anda [0-9]+ poin", html);
        Assert.DoesNotMatch("Desil kesejahteraan</td><td class=\"text-end\">[0-9]+</td>", html);
        Assert.DoesNotContain("2026-10-13", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InEnglishTheDatesAndPointsAreEnglish()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);

        var html = await s.StatusPageAsync(app, "sel", LocalizationSetup.English.Name);

        Assert.Contains("13 October 2026", html, StringComparison.Ordinal);
        Assert.Matches("Your score is [0-9]+ points", html);
    }

    [Fact]
    public async Task TheStatusApiCarriesTheAppealItsWindowAndTheTraining()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        await s.AppealAsync(app, "out", "Desil saya sudah diperbarui bulan lalu.");

        var ineligible = await StatusAsync(s, "out");
        var selected = await StatusAsync(s, "sel");

        var appeal = Assert.Single(ineligible.GetProperty("appeals").EnumerateArray());
        Assert.Equal("open", appeal.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, appeal.GetProperty("answer").ValueKind);
        var window = ineligible.GetProperty("appealWindow");
        Assert.True(window.GetProperty("open").GetBoolean());
        Assert.False(window.GetProperty("offered").GetBoolean()); // one appeal already waits
        Assert.Equal(JsonValueKind.Null, ineligible.GetProperty("training").ValueKind);
        var training = selected.GetProperty("training");
        Assert.Equal("2026-10-13", training.GetProperty("starts").GetString());
        Assert.Equal(ApplicationPagesScenario.ProviderName(s.Program.ProgramId), training.GetProperty("places")[0].GetProperty("name").GetString());
    }

    private async Task<JsonElement> StatusAsync(ApplicationPagesScenario s, string key)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/public/applications/status",
            new { registrationNumber = s.Numbers[key], birthDate = s.Birth(key) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
