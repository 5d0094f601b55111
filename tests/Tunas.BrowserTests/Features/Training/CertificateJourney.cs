using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Certificates;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Training;

/// <summary>
/// The end of a training on a 360 px phone (issue 13): an officer records the assessments, issues the certificates of
/// those who completed, anyone opens the link a certificate's QR carries and sees it valid, and after a revocation the
/// same link says revoked. Its own cohort (a fixture of its own), so the attendance journey's counts stay its own.
/// </summary>
public sealed class CertificateJourney(TrainingDay app, ITestOutputHelper output) : IClassFixture<TrainingDay>
{
    [BrowserFact]
    public async Task AnOfficerRecordsAssessmentsIssuesACertificateAnyoneCanCheckAndRevokesIt()
    {
        // Every session attended by both (through the trainer's API, as the attendance journey does in the browser).
        var trainer = await app.App.ApiClientAsync(Roles.ProviderStaff);
        foreach (var session in await app.SessionsAsync())
        {
            var marks = app.Participants.Select(p => new { participantId = p, status = "present", clientId = Guid.NewGuid().ToString() });
            (await trainer.PutAsJsonAsync($"/api/v1/cohorts/{app.Cohort}/sessions/{session}/attendance", marks)).EnsureSuccessStatusCode();
        }
        string? code = null;
        await app.RunAsync(output, async page =>
        {
            var login = await new LoginPage(page).OpenAsync();
            await login.SignInAsync(TunasFactory.EmailOf(Roles.ProgramOfficer), TunasFactory.Password);

            // Assessments on the phone: the first competent with a business plan, the second not yet competent.
            await page.GotoAsync($"/Training/{app.Cohort}/Assessments");
            await AssessAsync(page, app.Participants[0], "competent", plan: true);
            await AssessAsync(page, app.Participants[1], "notYetCompetent", plan: false);
            var first = page.Locator($"[data-testid='assessments'] li[data-participant='{app.Participants[0]}']");
            var second = page.Locator($"[data-testid='assessments'] li[data-participant='{app.Participants[1]}']");
            await Expect(first.Locator("[data-field='completion']")).ToHaveTextAsync("Selesai");
            await Expect(second.Locator("[data-field='completion']")).ToHaveTextAsync("Belum lulus");

            // Certificates for those who completed: one issued, the other says why not.
            await page.GotoAsync($"/Training/{app.Cohort}/Certificates");
            await page.Locator("form[action$='handler=Issue'] button").ClickAsync();
            var issued = page.Locator($"[data-testid='completion'] li[data-participant='{app.Participants[0]}']");
            await Expect(issued.Locator("a.font-monospace")).ToContainTextAsync("TNS/");
            await Expect(page.Locator($"[data-testid='completion'] li[data-participant='{app.Participants[1]}'] a.font-monospace")).ToHaveCountAsync(0);
            code = await app.VerificationCodeAsync(app.Participants[0]);

            // The QR's link, opened by anyone: valid.
            await using var stranger = await page.Context.Browser!.NewContextAsync(new()
            {
                BaseURL = app.App.BaseAddress.ToString(),
                ViewportSize = new() { Width = 360, Height = 740 },
                Locale = "id-ID",
            });
            var visitor = await stranger.NewPageAsync();
            await visitor.GotoAsync($"/verify/{code}");
            await Expect(visitor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "valid");

            // Revoked with a reason: the cohort page and the same link say so at once.
            await issued.Locator("details summary").ClickAsync();
            await issued.Locator("input[name='reason']").FillAsync("Data peserta keliru");
            await issued.Locator("form[action$='handler=Revoke'] button").ClickAsync();
            await Expect(page.Locator($"[data-testid='completion'] li[data-participant='{app.Participants[0]}']")).ToContainTextAsync("Dicabut");
            await visitor.ReloadAsync();
            await Expect(visitor.GetByTestId("status")).ToHaveAttributeAsync("data-status", "revoked");
        }, new BrowserNewContextOptions { ViewportSize = new() { Width = 360, Height = 780 } });
        Assert.NotNull(code);
    }

    private static async Task AssessAsync(IPage page, long participant, string practical, bool plan)
    {
        var row = page.Locator($"[data-testid='assessments'] li[data-participant='{participant}']");
        if (await row.Locator("details").GetAttributeAsync("open") is null)
        {
            await row.Locator("summary").ClickAsync();
        }
        await row.Locator($"#pre-{participant}").FillAsync("45");
        await row.Locator($"#post-{participant}").FillAsync("82");
        await row.Locator($"#practical-{participant}").SelectOptionAsync(practical);
        await row.Locator($"#notes-{participant}").FillAsync("Jahitan rapi, pola tepat.");
        if (plan)
        {
            await row.Locator($"#product-{participant}").FillAsync("Kaos sablon");
            await row.Locator($"#price-{participant}").FillAsync("60000");
            await row.Locator($"#cost-{participant}").FillAsync("35000");
            await row.Locator($"#customers-{participant}").FillAsync("Sekolah dan karang taruna");
            await row.Locator($"#capital-{participant}").FillAsync("3000000");
        }
        await row.Locator("button[type='submit']").ClickAsync();
        await Expect(page.GetByTestId("message")).ToBeVisibleAsync();
    }
}
