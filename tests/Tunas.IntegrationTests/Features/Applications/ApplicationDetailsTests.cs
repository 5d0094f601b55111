using System.Net;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>
/// An application's own page for the staff, and the links that lead to it: the applications list, the resident's
/// page, the appeals list and the program page.
/// </summary>
[Collection(SelectionAppGroup.Name)]
public sealed class ApplicationDetailsTests(SelectionApp app)
{
    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task AnOfficerSeesThePersonProgramResultScoreAppealAndMessages()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        var appeal = await s.AppealAsync(app, "out", "Desil saya sudah diperbarui bulan lalu.");
        await s.AnswerAsync(app, appeal, upheld: false, "Desil Anda di data DTSEN masih 9.");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.GetAsync($"/Applications/{s.Id("out")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        var nik = s.Program.Nik(app, "out");
        Assert.Contains("Warga out Uji", html, StringComparison.Ordinal);
        Assert.Contains(s.Numbers["out"], html, StringComparison.Ordinal);
        Assert.Contains(Tunas.Web.Features.Shared.Nik.Mask(nik), html, StringComparison.Ordinal);
        Assert.DoesNotContain(nik, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Registry/Details/{s.Program.Applicants["out"].PersonId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Programs/{s.Program.ProgramId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Jajanan", html, StringComparison.Ordinal);
        Assert.Contains("Tidak memenuhi syarat", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"score-breakdown\"", html, StringComparison.Ordinal);
        Assert.Matches("[0-9]+ poin", html);
        Assert.Contains("Desil Anda di data DTSEN masih 9.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"messages\"", html, StringComparison.Ordinal);
        Assert.Contains("Hasil seleksi", html, StringComparison.Ordinal);
        Assert.Contains("Jawaban sanggahan", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.ProgramOfficer)]
    [InlineData(Roles.VillageOperator)]
    public async Task AnApplicationsPageLeadsToItsPrintableReceipt(string role)
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        var client = await app.PageClientAsync(role);

        var html = await TextAsync(await client.GetAsync($"/Applications/{s.Id("own")}"));

        var receipt = $"/Applications/Receipt/{s.Id("own")}";
        Assert.Contains($"href=\"{receipt}\"", html, StringComparison.Ordinal);
        var printable = await client.GetAsync(receipt);
        Assert.Equal(HttpStatusCode.OK, printable.StatusCode);
        Assert.Contains(s.Numbers["own"], await TextAsync(printable), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKelurahanOperatorOpensOnlyTheirOwnKelurahansApplications()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var own = await client.GetAsync($"/Applications/{s.Id("own")}");
        var other = await client.GetAsync($"/Applications/{s.Id("sel")}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await TextAsync(own);
        Assert.Contains("Warga own Uji", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Programs/{s.Program.ProgramId}\"", html, StringComparison.Ordinal); // not theirs to open
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Warga sel Uji", await TextAsync(other), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/Account/Login")]
    [InlineData(Roles.Leadership, "/Account/AccessDenied")]
    [InlineData(Roles.ProviderStaff, "/Account/AccessDenied")]
    [InlineData(Roles.Participant, "/Account/AccessDenied")]
    public async Task TheAnonymousAndOtherRolesAreRefused(string? role, string sentTo)
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        var client = await app.PageClientAsync(role);

        var response = await client.GetAsync($"/Applications/{s.Id("sel")}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(sentTo, response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApplicationOfAnotherAgencyIsNotFound()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.GetAsync("/Applications/999999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EveryRowOfTheApplicationsListOpensItsApplication()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var html = await TextAsync(await client.GetAsync($"/Applications?programId={s.Program.ProgramId}"));

        foreach (var key in new[] { "sel", "out", "own" })
        {
            Assert.Contains($"href=\"/Applications/{s.Id(key)}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains($"href=\"/Selection/{s.Program.ProgramId}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResidentsPageListsTheirApplications()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var html = await TextAsync(await client.GetAsync($"/Registry/Details/{s.Program.Applicants["sel"].PersonId}"));

        Assert.Contains("data-testid=\"person-applications\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Applications/{s.Id("sel")}\"", html, StringComparison.Ordinal);
        Assert.Contains(s.Numbers["sel"], html, StringComparison.Ordinal);
        Assert.Contains("Terpilih", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppealsListShowsNameKelurahanScoreAndRankAndOpensTheApplication()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        await s.AppealAsync(app, "out", "Desil saya sudah diperbarui bulan lalu.");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var html = await TextAsync(await client.GetAsync($"/Selection/{s.Program.ProgramId}/Appeals"));

        Assert.Contains("Warga out Uji", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Applications/{s.Id("out")}\"", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"appeal-village\">[^<0-9]+<", html); // the kelurahan's name, not its code
        Assert.Matches("data-testid=\"appeal-standing\">[0-9]+ poin", html);
        Assert.Contains(s.Numbers["out"], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProgramPageLinksToItsApplicationsSelectionAppealsAndResult()
    {
        var s = await ApplicationPagesScenario.PublishedAsync(app);
        var fresh = await ProgramScenario.CreateAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var html = await TextAsync(await client.GetAsync($"/Programs/{s.Program.ProgramId}"));
        var before = await TextAsync(await client.GetAsync($"/Programs/{fresh.ProgramId}"));

        var id = s.Program.ProgramId;
        Assert.Contains($"href=\"/Applications?programId={id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Selection/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Selection/{id}/Appeals\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Results/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("1 kali dijalankan, terakhir seleksi ke-1", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-results\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Results/{fresh.ProgramId}\"", before, StringComparison.Ordinal);
    }
}
