using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Shared.Exports;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>
/// An operator's application held because its NIK lives in another kelurahan reads, on the staff pages, as the new
/// resident's application they entered; the officers who resolve it see that it is held (issue 10 finding 5).
/// </summary>
[Collection(ApplicationsAppGroup.Name)]
public sealed class HeldApplicationAlikeTests(ApplicationsApp app)
{
    [Fact]
    public async Task AnOperatorSeesTheirHeldApplicationAsANewOneAndAnOfficerSeesItHeld()
    {
        var program = await Applicants.ProgramAsync(app);
        var elsewhere = Applicants.NewPerson();
        var newcomer = Applicants.NewPerson();
        var person = await Applicants.RegisterAsync(app, elsewhere, village: Applicants.Sentul);
        var client = await app.PageClientAsync(Roles.VillageOperator);
        var url = $"/Applications/Create?programId={program.Id}";
        await client.PostAsync("/Applications/Create", await TunasFactory.FormAsync(client, url, Applicants.Form(program, elsewhere)));
        await client.PostAsync("/Applications/Create", await TunasFactory.FormAsync(client, url, Applicants.Form(program, newcomer)));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var held = await db.Applications.AsNoTracking().SingleAsync(a => a.ProgramId == program.Id && a.PersonId == person);
        var fresh = await db.Applications.AsNoTracking().Where(a => a.ProgramId == program.Id && a.Id != held.Id).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(ApplicationStatus.Held, held.Status);

        var heldPage = await client.GetStringAsync($"/Applications/{held.Id}");
        var freshPage = await client.GetStringAsync($"/Applications/{fresh.Id}");
        var list = await client.GetStringAsync($"/Applications?programId={program.Id}");

        Assert.Equal(Status(freshPage), Status(heldPage));
        Assert.DoesNotContain("Ditahan, perlu verifikasi", heldPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"held\"", list, StringComparison.Ordinal);
        Assert.Contains($"data-application=\"{held.RegistrationNumber}\"", list, StringComparison.Ordinal);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        Assert.Contains("Ditahan, perlu verifikasi", Status(await officer.GetStringAsync($"/Applications/{held.Id}")), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"held\"", await officer.GetStringAsync($"/Applications?programId={program.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperatorReadsTheNameTheyTypedOnTheirHeldApplicationNeverTheRegistrysPersonElsewhere()
    {
        var program = await Applicants.ProgramAsync(app);
        var elsewhere = Applicants.NewPerson(name: "Sulastri Registri Sentul");
        var person = await Applicants.RegisterAsync(app, elsewhere, village: Applicants.Sentul);
        var typed = elsewhere with { Name = "Wulan Ketikan Operator" };
        var client = await app.PageClientAsync(Roles.VillageOperator);
        var url = $"/Applications/Create?programId={program.Id}";
        await client.PostAsync("/Applications/Create", await TunasFactory.FormAsync(client, url, Applicants.Form(program, typed)));
        long heldId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var held = await db.Applications.AsNoTracking().SingleAsync(a => a.ProgramId == program.Id && a.PersonId == person);
            Assert.Equal(ApplicationStatus.Held, held.Status);
            Assert.Equal(typed.Name, held.GivenName);
            heldId = held.Id;
        }

        var page = await client.GetStringAsync($"/Applications/{heldId}");
        var list = await client.GetStringAsync($"/Applications?programId={program.Id}");
        var receipt = await client.GetStringAsync($"/Applications/Receipt/{heldId}");
        var sheet = ExportFiles.Sheets(await (await app.ApiClientAsync(Roles.VillageOperator))
            .GetByteArrayAsync($"/api/v1/programs/{program.Id}/applications.xlsx"))[0].Rows;
        var names = sheet.Skip(1).Select(r => r[ExportFiles.Column(sheet, "Nama")] as string).ToList();
        foreach (var text in new[] { page, list, receipt })
        {
            Assert.Contains(typed.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(elsewhere.Name, text, StringComparison.Ordinal);
        }
        Assert.Contains(typed.Name, names);
        Assert.DoesNotContain(elsewhere.Name, names);
        Assert.DoesNotContain("data-testid=\"person-link\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Registry/Details/{person}", page, StringComparison.Ordinal);

        // The officer who resolves it sees both: the registry's person, linked, and the name the sender typed.
        var officer = await (await app.PageClientAsync(Roles.ProgramOfficer)).GetStringAsync($"/Applications/{heldId}");
        Assert.Contains(elsewhere.Name, officer, StringComparison.Ordinal);
        Assert.Contains($"/Registry/Details/{person}", officer, StringComparison.Ordinal);
        var heldList = await (await app.PageClientAsync(Roles.ProgramOfficer)).GetStringAsync("/Applications/Held");
        Assert.Contains(typed.Name, heldList, StringComparison.Ordinal);
    }

    /// <summary>The status badge of an application's page.</summary>
    private static string Status(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<span class=\"badge ([^\"]*)\"\\s*data-testid=\"application-status\">([^<]*)</span>");
        Assert.True(match.Success);
        return match.Groups[1].Value + "|" + match.Groups[2].Value;
    }
}
