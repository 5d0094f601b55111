using System.Net;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

[Collection(ApplicationsAppGroup.Name)]
public sealed class ApplyPageTests(ApplicationsApp app)
{
    [Fact]
    public async Task TheFormIsPublicInIndonesianWithTheConsentTextAndTheCitysKelurahan()
    {
        var program = await Applicants.ProgramAsync(app);
        var client = await app.PageClientAsync(null);

        var response = await client.GetAsync($"/Apply?program={program.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Applicants.TextAsync(response);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains(program.Name, html, StringComparison.Ordinal);
        Assert.Contains("method=\"post\" action=\"/Apply\"", html, StringComparison.Ordinal);
        Applicants.AssertFormHasToken(html, "/Apply");
        Assert.Contains("Tunas memakai NIK, nomor KK", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"35.72.01.1004\">Kauman</option>", html, StringComparison.Ordinal);
        Assert.Contains("Kecamatan Sananwetan", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=\"/js/apply", html, StringComparison.Ordinal);
        Assert.Contains($"Pendaftaran: {Written(Opens)} s.d. {Written(Closes)}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLandingPageWritesTheClosingDateAsPeopleDo()
    {
        var program = await Applicants.ProgramAsync(app);
        var client = await app.PageClientAsync(null);

        var html = await Applicants.TextAsync(await client.GetAsync("/"));

        Assert.Contains($"Daftar paling lambat {Written(Closes)}", html, StringComparison.Ordinal);
    }

    private static DateOnly Opens => TimeProvider.System.TodayInIndonesia().AddDays(-1);

    private static DateOnly Closes => TimeProvider.System.TodayInIndonesia().AddDays(30);

    private static string Written(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));

    [Fact]
    public async Task TheProgramsAreListedWhenNoneIsChosen()
    {
        var program = await Applicants.ProgramAsync(app);
        var client = await app.PageClientAsync(null);

        var html = await Applicants.TextAsync(await client.GetAsync("/Apply"));

        Assert.Contains($"href=\"/Apply?program={program.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClosedProgramSaysSo()
    {
        var today = TimeProvider.System.TodayInIndonesia();
        var program = await Applicants.ProgramAsync(app, opens: today.AddDays(3), closes: today.AddDays(10));
        var client = await app.PageClientAsync(null);

        var html = await Applicants.TextAsync(await client.GetAsync($"/Apply?program={program.Id}"));

        Assert.Contains("data-testid=\"closed\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Nik\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApplicantSendsTheFormAndGetsTheReceiptAtOnce()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var client = await app.PageClientAsync(null);
        var url = $"/Apply?program={program.Id}";

        var response = await client.PostAsync("/Apply", await TunasFactory.FormAsync(client, url, Applicants.Form(program, person)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Apply", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await Applicants.TextAsync(response);
        Assert.Matches("data-testid=\"registration-number\">TNS-[0-9A-Z]{4}-[0-9A-Z]{4}<", html);
        Assert.Contains("Pendaftaran Anda sudah diterima.", html, StringComparison.Ordinal);
        Assert.Contains("data-check=\"nik\" data-passed=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Langkah selanjutnya", html, StringComparison.Ordinal);
        Assert.Contains(Written(Closes), html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Status\"", html, StringComparison.Ordinal);
        Assert.Contains("+6281234567890", html, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Nik, html, StringComparison.Ordinal);
        Assert.Equal(1, await Applicants.ApplicationsOfAsync(app, person.Nik));
    }

    [Fact]
    public async Task SendingTheFormAgainShowsTheSameNumber()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var client = await app.PageClientAsync(null);
        var url = $"/Apply?program={program.Id}";

        var first = await Applicants.TextAsync(await client.PostAsync("/Apply", await TunasFactory.FormAsync(client, url, Applicants.Form(program, person))));
        var second = await Applicants.TextAsync(await client.PostAsync("/Apply", await TunasFactory.FormAsync(client, url, Applicants.Form(program, person))));

        var number = System.Text.RegularExpressions.Regex.Match(first, "TNS-[0-9A-Z]{4}-[0-9A-Z]{4}").Value;
        Assert.Contains(number, second, StringComparison.Ordinal);
        Assert.Contains("Orang ini sudah terdaftar di program ini.", second, StringComparison.Ordinal);
        Assert.Equal(1, await Applicants.ApplicationsOfAsync(app, person.Nik));
    }

    [Fact]
    public async Task AWrongFormShowsEachErrorByItsFieldKeepsTheValuesAndStoresNothing()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var client = await app.PageClientAsync(null);
        var url = $"/Apply?program={program.Id}";
        var form = Applicants.Form(program, person);
        form["Input.Phone"] = "telepon saya";
        form["Input.BirthDate"] = "1950-01-01";
        form["Input.Consent"] = "false";

        var response = await client.PostAsync("/Apply", await TunasFactory.FormAsync(client, url, form));

        var html = await Applicants.TextAsync(response);
        Assert.Contains("data-testid=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("tidak sama dengan NIK", html, StringComparison.Ordinal);
        Assert.Contains("'telepon saya'", html, StringComparison.Ordinal);
        Assert.Contains("Persetujuan Anda diperlukan", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{person.Nik}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{person.Name}\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"form-control form-control-lg is-invalid\" id=\"Input_Phone\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, person.Nik));
    }

    [Fact]
    public async Task TheFormRefusesAPostWithoutTheAntiforgeryToken()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var client = await app.PageClientAsync(null);

        var response = await client.PostAsync("/Apply", new FormUrlEncodedContent(Applicants.Form(program, person)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, person.Nik));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.Leadership, false)]
    [InlineData(Roles.VillageOperator, true)]
    [InlineData(Roles.ProgramOfficer, true)]
    public async Task TheMenuOffersApplyingAndStatusToEveryoneAndTheListToStaff(string? role, bool staff)
    {
        var html = await (await app.PageClientAsync(role)).GetStringAsync("/");

        Assert.Contains("href=\"/Apply\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Status\"", html, StringComparison.Ordinal);
        Assert.Equal(staff, html.Contains("href=\"/Applications\"", StringComparison.Ordinal));
    }
}
