using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Programs;

[Collection(ProgramsAppGroup.Name)]
public sealed partial class ProgramPagesTests(ProgramsApp app)
{
    private static Dictionary<string, string> ProgramForm(string name, string budget = "150.000.000") => new()
    {
        ["Input.Name"] = name,
        ["Input.Year"] = "2030",
        ["Input.Budget"] = budget,
        ["Input.TargetSize"] = "80",
        ["Input.Description"] = "Jajanan, menjahit kaos konveksi, produk rumah tangga",
        ["Input.RegistrationOpens"] = "2030-10-01",
        ["Input.RegistrationCloses"] = "2030-10-15",
        ["Input.SelectionOn"] = "2030-10-18",
        ["Input.PublicationOn"] = "2030-10-20",
        ["Input.AppealOpens"] = "",
        ["Input.AppealCloses"] = "",
        ["Input.TrainingStarts"] = "2030-10-24",
        ["Input.TrainingEnds"] = "2030-11-02",
    };

    [Fact]
    public async Task AnOfficerCreatesAProgramWithTheFormAndSeesItsOverview()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var name = Arrange.Unique("Pelatihan Keterampilan Wirausaha");

        var response = await client.PostAsync("/Programs/Create", await TunasFactory.FormAsync(client, "/Programs/Create", ProgramForm(name)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/Programs/[0-9]+$", location);
        var html = await PageAsync(client, location);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("Rp 150.000.000", html, StringComparison.Ordinal);
        Assert.Contains("Draf", html, StringComparison.Ordinal);
        Assert.Contains("01/10/2030", html, StringComparison.Ordinal);
        Assert.Contains("24/10/2030", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"seed\">[0-9a-f]{16}<", html);
        Assert.Contains("Berdomisili di", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"program.created\"", html, StringComparison.Ordinal);
        var list = await PageAsync(client, "/Programs");
        Assert.Contains($"href=\"{location}\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongProgramFormSaysWhatIsWrongAndStoresNothing()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var name = Arrange.Unique("Program Salah");
        var form = ProgramForm(name, budget: "1,5 juta");
        form["Input.RegistrationCloses"] = "2030-09-01";
        form["Input.TargetSize"] = "";

        var response = await client.PostAsync("/Programs/Create", await TunasFactory.FormAsync(client, "/Programs/Create", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("data-testid=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("'1,5 juta' bukan jumlah rupiah. Ketik seperti 150000000 atau 150.000.000.", html, StringComparison.Ordinal);
        Assert.Contains("Isi berapa peserta yang akan dilatih program ini.", html, StringComparison.Ordinal);
        Assert.Contains("Tanggal ini sebelum 01/10/2030", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TunasDb>().Programs.AnyAsync(p => p.Name == name));
    }

    [Fact]
    public async Task AnOfficerEditsAProgramAndOpensItToThePublic()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var edit = await PageAsync(client, $"/Programs/{id}/Edit");
        Assert.Contains("name=\"Input.Seed\"", edit, StringComparison.Ordinal);
        var form = ProgramForm("Pelatihan Diubah", budget: "Rp 175.500.000");
        form["Input.Status"] = "Draft";
        form["Input.Seed"] = "undian-terbuka";

        var saved = await client.PostAsync($"/Programs/{id}/Edit", await TunasFactory.FormAsync(client, $"/Programs/{id}/Edit", form));
        var opened = await client.PostAsync($"/Programs/{id}?handler=Activate", await TunasFactory.FormAsync(client, $"/Programs/{id}", []));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var html = await PageAsync(client, $"/Programs/{id}");
        Assert.Contains("Pelatihan Diubah", html, StringComparison.Ordinal);
        Assert.Contains("Rp 175.500.000", html, StringComparison.Ordinal);
        Assert.Contains("undian-terbuka", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status\">Aktif<", html, StringComparison.Ordinal);
        Assert.Contains("Program sudah dibuka untuk umum.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"activate\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSeedIsNotEditableOnceRegistrationHasOpened()
    {
        var id = await Arrange.ProgramAsync(app, Arrange.Program(opens: "2020-01-01", closes: "2020-01-31"));
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var seed = await SeedAsync(id);
        var form = ProgramForm("Program Lama");
        form["Input.RegistrationOpens"] = "2020-01-01";
        form["Input.RegistrationCloses"] = "2020-01-31";
        form["Input.SelectionOn"] = "";
        form["Input.PublicationOn"] = "";
        form["Input.TrainingStarts"] = "";
        form["Input.TrainingEnds"] = "";
        form["Input.Status"] = "Archived";
        form["Input.Seed"] = "dicoba-diubah";

        var edit = await PageAsync(client, $"/Programs/{id}/Edit");
        var response = await client.PostAsync($"/Programs/{id}/Edit", await TunasFactory.FormAsync(client, $"/Programs/{id}/Edit", form));

        Assert.DoesNotContain("name=\"Input.Seed\"", edit, StringComparison.Ordinal);
        Assert.Contains("Sudah tetap: pendaftaran telah dibuka.", edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(seed, await SeedAsync(id));
    }

    [Fact]
    public async Task ANewTrackShowsTheDefaultTemplateAndTheModulesEditorAddsAndRemovesRows()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Tracks/Create";

        var blank = await PageAsync(client, url);
        var form = TrackForm("Jajanan", ("Praktik keterampilan", "Craft", "24"), ("Manajemen usaha", "BusinessManagement", "8"), ("Pembukuan sederhana", "Bookkeeping", "8"));
        form["Command"] = "add";
        var added = await TextAsync(await client.PostAsync(url, await TunasFactory.FormAsync(client, url, form)));
        form["Command"] = "remove:1";
        var removed = await TextAsync(await client.PostAsync(url, await TunasFactory.FormAsync(client, url, form)));

        Assert.Contains("data-testid=\"template-note\"", blank, StringComparison.Ordinal);
        Assert.Equal(5, ModuleRows(blank));
        Assert.Contains("value=\"Praktik keterampilan\"", blank, StringComparison.Ordinal);
        Assert.Contains("value=\"24\"", blank, StringComparison.Ordinal);
        Assert.Equal(4, ModuleRows(added));
        Assert.Equal(2, ModuleRows(removed));
        Assert.DoesNotContain("value=\"Manajemen usaha\"", removed, StringComparison.Ordinal);
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}")).GetProperty("tracks").GetArrayLength());
    }

    [Fact]
    public async Task ATrackIsSavedFromTheFormWithoutItsEmptyRows()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Tracks/Create";
        var form = TrackForm("Menjahit Kaos Konveksi", ("Menjahit kaos", "Craft", "30"), ("", "Other", ""), ("Pemasaran", "Marketing", "6"));
        form["Input.WomenOnly"] = "true";
        form["Command"] = "save";

        var response = await client.PostAsync(url, await TunasFactory.FormAsync(client, url, form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await PageAsync(client, $"/Programs/{id}");
        Assert.Contains("Menjahit Kaos Konveksi", html, StringComparison.Ordinal);
        Assert.Contains("Khusus perempuan", html, StringComparison.Ordinal);
        Assert.Contains("36 jam seluruhnya", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTrackFormMarksTheModuleRow()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Tracks/Create";
        var form = TrackForm("", ("Menjahit", "Craft", "300"));
        form["Command"] = "save";

        var html = await TextAsync(await client.PostAsync(url, await TunasFactory.FormAsync(client, url, form)));

        Assert.Contains("Isi nama kejuruan.", html, StringComparison.Ordinal);
        Assert.Contains("Jam berupa bilangan bulat 1 sampai 200; '300' bukan.", html, StringComparison.Ordinal);
        Assert.Matches("is-invalid\" id=\"Input_Modules_0_Hours\"", html);
    }

    [Fact]
    public async Task ATrackIsEditedAndDeletedFromItsPage()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Produk Rumah Tangga");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Tracks/{trackId}";
        var form = TrackForm("Produk Rumah Tangga dan Sabun", ("Membuat sabun cair", "Craft", "16"));
        form["Input.SortOrder"] = "2";
        form["Command"] = "save";

        var saved = await client.PostAsync(url, await TunasFactory.FormAsync(client, url, form));
        var afterSave = await PageAsync(client, $"/Programs/{id}");
        var deleted = await client.PostAsync(url + "?handler=Delete", await TunasFactory.FormAsync(client, url, []));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Membuat sabun cair", afterSave, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task DeletingATrackWithApplicationsIsRefusedWithAClearMessage()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Jajanan");
        await ApplicationAsync(id, trackId);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Tracks/{trackId}";

        var response = await client.PostAsync(url + "?handler=Delete", await TunasFactory.FormAsync(client, url, []));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kejuruan tidak bisa dihapus: 1 pendaftaran memilihnya.", await TextAsync(response), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<TunasDb>().Tracks.AnyAsync(t => t.Id == trackId));
    }

    [Fact]
    public async Task TheProvidersOfATrackAreChosenOnTheProgramPage()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Menjahit");
        var providerName = Arrange.Unique("Modes Al Amin");
        var providerId = await Arrange.ProviderAsync(app, providerName);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}";
        var seats = "Seats_" + providerId.ToString(CultureInfo.InvariantCulture);

        var wrong = await client.PostAsync($"{url}?handler=Providers&trackId={trackId}", await TunasFactory.FormAsync(client, url, new()
        {
            ["Deliver"] = providerId.ToString(CultureInfo.InvariantCulture),
            [seats] = "dua puluh",
        }));
        var right = await client.PostAsync($"{url}?handler=Providers&trackId={trackId}", await TunasFactory.FormAsync(client, url, new()
        {
            ["Deliver"] = providerId.ToString(CultureInfo.InvariantCulture),
            [seats] = "20",
        }));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Jumlah kursi berupa bilangan bulat 1 sampai 10000; 'dua puluh' bukan.", await TextAsync(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        using var scope = app.Services.CreateScope();
        var link = await scope.ServiceProvider.GetRequiredService<TunasDb>().TrackProviders.SingleAsync(tp => tp.TrackId == trackId);
        Assert.Equal((providerId, (int?)20), (link.ProviderId, link.Seats));
        var html = await PageAsync(client, url);
        Assert.Matches($"name=\"Deliver\" value=\"{providerId}\" id=\"deliver-{trackId}-{providerId}\" checked", html);
    }

    private static Dictionary<string, string> TrackForm(string name, params (string Name, string Kind, string Hours)[] modules)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Description"] = "",
            ["Input.SortOrder"] = "",
            ["Input.WomenOnly"] = "false",
        };
        for (var i = 0; i < modules.Length; i++)
        {
            form[$"Input.Modules[{i}].Name"] = modules[i].Name;
            form[$"Input.Modules[{i}].Kind"] = modules[i].Kind;
            form[$"Input.Modules[{i}].Hours"] = modules[i].Hours;
        }
        return form;
    }

    private static int ModuleRows(string html) => Regex.Count(html, "data-module-row=");

    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<string> SeedAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<TunasDb>().Programs.AsNoTracking().SingleAsync(p => p.Id == id)).Seed;
    }

    private async Task<ProgramStatus> StatusAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<TunasDb>().Programs.AsNoTracking().SingleAsync(p => p.Id == id)).Status;
    }

    private async Task ApplicationAsync(int programId, int trackId)
    {
        await Arrange.ResidentsAsync(app, "35.72.01.1002", 1, decile: null);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var person = await db.Persons.OrderByDescending(p => p.Id).FirstAsync();
        db.Applications.Add(new Tunas.Web.Features.Applications.Application
        {
            AgencyId = person.AgencyId,
            ProgramId = programId,
            PersonId = person.Id,
            RegistrationNumber = Arrange.Unique("TNS").Replace(" ", "-", StringComparison.Ordinal),
            FirstTrackId = trackId,
            VillageCode = person.VillageCode,
            ConsentPurpose = "Seleksi pelatihan",
            Consent = true,
        });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("href=\"/Programs/Providers/([0-9]+)\"")]
    private static partial Regex ProviderLink();
}
