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

    [Fact]
    public async Task TheQuotaGridListsTheKelurahanOfTheCityAndSavesTypedQuotas()
    {
        var id = await Arrange.ProgramAsync(app, Arrange.Program(target: 5));
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Quotas?mode=any";

        var grid = await PageAsync(client, url);
        var response = await client.PostAsync($"/Programs/{id}/Quotas?handler=Save", await TunasFactory.FormAsync(client, url, new()
        {
            ["Mode"] = "any",
            ["q|35.72.01.1004|any"] = "3",
            ["q|35.72.01.1003|any"] = "2",
            ["q|35.72.01.1001|any"] = "",
        }));

        Assert.Equal(21, Regex.Count(grid, "<tr data-row=\"35\\.72\\."));
        Assert.Contains("Kauman", grid, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"method\"", grid, StringComparison.Ordinal);
        Assert.Contains("metode Hamilton", grid, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await PageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("Kuota sudah disimpan: 5 kursi.", saved, StringComparison.Ordinal);
        Assert.Contains("name=\"q|35.72.01.1004|any\" value=\"3\"", saved, StringComparison.Ordinal);
        Assert.Contains("Jumlah 5 dari target 5.", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongCellInTheGridStoresNothing()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Jajanan");
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        await api.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new[] { new { villageCode = "35.72.01.1004", trackId, size = 4 } });
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Quotas";
        var cell = $"q|35.72.01.1003|{trackId}";

        var response = await client.PostAsync($"{url}?handler=Save", await TunasFactory.FormAsync(client, url, new()
        {
            ["Mode"] = "track",
            [$"q|35.72.01.1004|{trackId}"] = "1",
            [cell] = "lima",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("Kuota belum disimpan; tidak ada yang berubah.", html, StringComparison.Ordinal);
        Assert.Contains("Kuota berupa bilangan bulat 0 sampai 10000; 'lima' bukan.", html, StringComparison.Ordinal);
        Assert.Contains($"is-invalid\" style=\"max-width: 5.5rem\" name=\"{cell}\" value=\"lima\"", html, StringComparison.Ordinal);
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/quotas");
        Assert.Equal(4, Assert.Single(stored.EnumerateArray()).GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task TheGridShowsTheProposalWithoutSavingIt()
    {
        var id = await Arrange.ProgramAsync(app, Arrange.Program(target: 4));
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        await api.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { domicileRegencyCode = "35.71" });
        var villages = await Villages.OfAsync(app, "35.71", 2);
        await Arrange.ResidentsAsync(app, villages[0], 3, decile: 1);
        await Arrange.ResidentsAsync(app, villages[1], 1, decile: 4);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Quotas?mode=any";

        var response = await client.PostAsync($"/Programs/{id}/Quotas?handler=Propose", await TunasFactory.FormAsync(client, url, new() { ["Mode"] = "any" }));

        var html = await TextAsync(response);
        Assert.Contains("data-testid=\"proposal\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"q|{villages[0]}|any\" value=\"3\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"q|{villages[1]}|any\" value=\"1\"", html, StringComparison.Ordinal);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/quotas")).GetArrayLength());
    }

    [Fact]
    public async Task TheRulesPageSwitchesRulesWithTheirValues()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Menjahit");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Rules";

        var page = await PageAsync(client, url);
        var response = await client.PostAsync(url, await TunasFactory.FormAsync(client, url, new()
        {
            ["Input.AgeOn"] = "true",
            ["Input.MinAge"] = "18",
            ["Input.MaxAge"] = "45",
            ["Input.AgeReferenceDate"] = "2030-10-01",
            ["Input.DesilOn"] = "true",
            ["Input.MaxDesil"] = "4",
            ["Input.DomicileOn"] = "false",
            ["Input.DomicileRegencyCode"] = "35.72",
            ["Input.HouseholdOn"] = "true",
            ["Input.MaxPerHousehold"] = "1",
            ["Input.TrainingOn"] = "false",
            ["Input.ExcludeTrainedWithinYears"] = "3",
            ["Input.WomenOnlyTrackIds"] = trackId.ToString(CultureInfo.InvariantCulture),
            ["Input.YouthWeight"] = "7",
            ["Input.WomenWeight"] = "5",
            ["Input.SpillOver"] = "SameTrack",
            ["Input.WaitlistLength"] = "",
            ["Input.NameDisplay"] = "Initials",
        }));

        Assert.Contains("Hanya pendaftar yang desil kesejahteraannya", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        var rules = await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/rules");
        Assert.Equal(18, rules.GetProperty("minAge").GetInt32());
        Assert.Equal(4, rules.GetProperty("maxDesil").GetInt32());
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("domicileRegencyCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("excludeTrainedWithinYears").ValueKind);
        Assert.Equal(1, rules.GetProperty("maxPerHousehold").GetInt32());
        Assert.Equal([trackId], rules.GetProperty("womenOnlyTrackIds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(7, rules.GetProperty("youthWeight").GetInt32());
        Assert.Equal("sameTrack", rules.GetProperty("spillOver").GetString());
        var overview = await PageAsync(client, $"/Programs/{id}");
        Assert.Contains("Usia 18 sampai 45 tahun pada 01/10/2030", overview, StringComparison.Ordinal);
        Assert.Contains("Desil 4 atau lebih rendah", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleSwitchedOnWithoutOrWithAWrongValueIsRefused()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var url = $"/Programs/{id}/Rules";

        var response = await client.PostAsync(url, await TunasFactory.FormAsync(client, url, new()
        {
            ["Input.AgeOn"] = "true",
            ["Input.MinAge"] = "",
            ["Input.MaxAge"] = "",
            ["Input.DesilOn"] = "true",
            ["Input.MaxDesil"] = "12",
            ["Input.DomicileOn"] = "true",
            ["Input.DomicileRegencyCode"] = "35.72",
            ["Input.YouthWeight"] = "30",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("Isi nilai aturan ini, atau matikan aturannya.", html, StringComparison.Ordinal);
        Assert.Contains("Desil tertinggi berupa bilangan bulat 1 sampai 10; '12' bukan.", html, StringComparison.Ordinal);
        Assert.Contains("Bobot berupa bilangan bulat 0 sampai 20; '30' bukan.", html, StringComparison.Ordinal);
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(JsonValueKind.Null, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/rules")).GetProperty("maxDesil").ValueKind);
    }

    [Fact]
    public async Task AProviderIsAddedAndEditedWithTheForms()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var name = Arrange.Unique("SMK Negeri 3 Blitar");

        var wrong = await client.PostAsync("/Programs/Providers/Create", await TunasFactory.FormAsync(client, "/Programs/Providers/Create", new()
        {
            ["Input.Name"] = name,
            ["Input.Type"] = "Smk",
            ["Input.Capacity"] = "nol",
            ["Input.ContactPhone"] = "12",
        }));
        var created = await client.PostAsync("/Programs/Providers/Create", await TunasFactory.FormAsync(client, "/Programs/Providers/Create", new()
        {
            ["Input.Name"] = name,
            ["Input.Type"] = "Smk",
            ["Input.Capacity"] = "36",
            ["Input.ContactPhone"] = "0342 801234",
            ["Input.VillageCode"] = "35.72.03.1001",
            ["Input.ContactName"] = "Pak Budi",
        }));

        Assert.Contains("Kapasitas berupa bilangan bulat 1 sampai 10000; 'nol' bukan.", await TextAsync(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await PageAsync(client, "/Programs/Providers");
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains("+62342801234", list, StringComparison.Ordinal);
        var id = int.Parse(ProviderLink().Matches(list).Single(m => list.Substring(m.Index, 200).Contains(name, StringComparison.Ordinal)).Groups[1].Value, CultureInfo.InvariantCulture);
        var url = $"/Programs/Providers/{id}";
        var edit = await PageAsync(client, url);
        Assert.Contains("value=\"36\"", edit, StringComparison.Ordinal);
        var saved = await client.PostAsync(url, await TunasFactory.FormAsync(client, url, new()
        {
            ["Input.Name"] = name,
            ["Input.Type"] = "Smk",
            ["Input.Capacity"] = "40",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.Equal(40, (await scope.ServiceProvider.GetRequiredService<TunasDb>().Providers.SingleAsync(p => p.Id == id)).Capacity);
    }

    public static TheoryData<string, string> RefusedPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { Roles.VillageOperator, Roles.Leadership, Roles.ProviderStaff })
        {
            foreach (var path in new[] { "/Programs", "/Programs/Create", "/Programs/1", "/Programs/1/Edit", "/Programs/1/Quotas", "/Programs/1/Rules", "/Programs/1/Tracks/Create", "/Programs/1/Tracks/1", "/Programs/Providers", "/Programs/Providers/Create", "/Programs/Providers/1" })
            {
                data.Add(path, role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedPages))]
    public async Task RolesWithoutProgramsAreRefused(string path, string role)
    {
        var client = await app.PageClientAsync(role);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Programs")]
    [InlineData("/Programs/Create")]
    [InlineData("/Programs/1")]
    [InlineData("/Programs/1/Quotas")]
    [InlineData("/Programs/Providers")]
    public async Task AnonymousVisitorsAreSentToSignIn(string path)
    {
        var response = await (await app.PageClientAsync(null)).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongRolePostingAFormIsRefusedToo()
    {
        var id = await Arrange.ProgramAsync(app);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        var form = await TunasFactory.FormAsync(officer, $"/Programs/{id}", []);
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var response = await client.PostAsync($"/Programs/{id}?handler=Activate", form);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ProgramStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task TheProgramsOfAnotherAgencyAreNotFound()
    {
        var other = await Arrange.OtherAgencyAsync(app);
        var client = await app.PageClientAsync(Roles.Administrator);
        var p = other.ProgramId;

        foreach (var path in new[] { $"/Programs/{p}", $"/Programs/{p}/Edit", $"/Programs/{p}/Quotas", $"/Programs/{p}/Rules", $"/Programs/{p}/Tracks/Create", $"/Programs/{p}/Tracks/{other.TrackId}", $"/Programs/Providers/{other.ProviderId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
        var own = await Arrange.ProgramAsync(app);
        var token = await TunasFactory.FormAsync(client, $"/Programs/{own}", []);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/Programs/{p}?handler=Activate", token)).StatusCode);
        Assert.DoesNotContain($"href=\"/Programs/{p}\"", await PageAsync(client, "/Programs"), StringComparison.Ordinal);
        Assert.Equal(ProgramStatus.Draft, await StatusAsync(p));
    }

    [Fact]
    public async Task TheMenuShowsProgramsToOfficersOnly()
    {
        var officer = await PageAsync(await app.PageClientAsync(Roles.ProgramOfficer), "/");
        var admin = await PageAsync(await app.PageClientAsync(Roles.Administrator), "/");
        var village = await PageAsync(await app.PageClientAsync(Roles.VillageOperator), "/");

        Assert.Contains("href=\"/Programs\">Program<", officer, StringComparison.Ordinal);
        Assert.Contains("href=\"/Programs\">Program<", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Programs\"", village, StringComparison.Ordinal);
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
