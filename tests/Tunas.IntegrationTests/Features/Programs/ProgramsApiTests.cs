using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Programs;

[Collection(ProgramsAppGroup.Name)]
public sealed class ProgramsApiTests(ProgramsApp app)
{
    [Fact]
    public async Task AnOfficerCreatesAProgramAndReadsItBack()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var name = Arrange.Unique("Pelatihan Keterampilan Wirausaha");

        var created = await client.PostAsJsonAsync("/api/v1/programs", Arrange.Program(name));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/programs/{id}", created.Headers.Location!.OriginalString);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}");
        Assert.Equal(name, read.GetProperty("name").GetString());
        Assert.Equal(2030, read.GetProperty("year").GetInt32());
        Assert.Equal(150_000_000L, read.GetProperty("budget").GetInt64());
        Assert.Equal(80, read.GetProperty("targetSize").GetInt32());
        Assert.Equal("draft", read.GetProperty("status").GetString());
        Assert.Equal("2030-10-01", read.GetProperty("registrationOpens").GetString());
        Assert.Equal("2030-10-15", read.GetProperty("registrationCloses").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("selectionOn").ValueKind);
        Assert.Matches("^[0-9a-f]{16}$", read.GetProperty("seed").GetString());
        Assert.False(read.GetProperty("seedLocked").GetBoolean());
        Assert.Equal(TunasFactoryRegency, read.GetProperty("rules").GetProperty("domicileRegencyCode").GetString());
        Assert.Equal(0, read.GetProperty("tracks").GetArrayLength());
        Assert.Equal(0, read.GetProperty("quotas").GetArrayLength());
    }

    private const string TunasFactoryRegency = Infrastructure.TunasFactory.AgencyRegency;

    [Fact]
    public async Task EveryProgramGetsItsOwnRandomSeed()
    {
        var a = await Arrange.ProgramAsync(app);
        var b = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var seedA = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{a}")).GetProperty("seed").GetString();
        var seedB = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{b}")).GetProperty("seed").GetString();

        Assert.NotEqual(seedA, seedB);
    }

    [Fact]
    public async Task TheListShowsTheProgramWithItsCounts()
    {
        var id = await Arrange.ProgramAsync(app);
        await Arrange.TrackAsync(app, id, "Jajanan");
        var client = await app.ApiClientAsync(Roles.Administrator);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/programs");

        var item = Assert.Single(list.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(1, item.GetProperty("trackCount").GetInt32());
        Assert.Equal(0, item.GetProperty("quotaTotal").GetInt32());
        Assert.Equal(0, item.GetProperty("applicationCount").GetInt32());
        Assert.Equal(80, item.GetProperty("targetSize").GetInt32());
    }

    [Fact]
    public async Task AMissingOrWrongFieldIsAnIndonesianErrorPerFieldAndNothingIsStored()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var before = await CountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/programs", new { name = " ", year = 1999, targetSize = 0, registrationOpens = "kemarin" });

        var errors = await Arrange.ErrorsAsync(response);
        Assert.Equal("Isi nama program.", Arrange.First(errors, "name"));
        Assert.Equal("Tahun berupa bilangan bulat 2000 sampai 2100; '1999' bukan.", Arrange.First(errors, "year"));
        Assert.Equal("Isi anggaran dalam rupiah.", Arrange.First(errors, "budget"));
        Assert.Equal("Target peserta berupa bilangan bulat 1 sampai 10000000; '0' bukan.", Arrange.First(errors, "targetSize"));
        Assert.Equal("'kemarin' bukan tanggal. Gunakan pemilih tanggal atau ketik dengan format hh/bb/tttt.", Arrange.First(errors, "registrationOpens"));
        Assert.Equal("Isi tanggal ini.", Arrange.First(errors, "registrationCloses"));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("registrationCloses", "2030-09-30")]
    [InlineData("selectionOn", "2030-10-14")]
    [InlineData("publicationOn", "2030-10-17")]
    [InlineData("appealOpens", "2030-10-19")]
    [InlineData("appealCloses", "2030-10-24")]
    public async Task TheCalendarMustBeInOrder(string field, string wrong)
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var dates = new Dictionary<string, object?>
        {
            ["name"] = Arrange.Unique("Kalender"),
            ["year"] = 2030,
            ["budget"] = 1_000_000,
            ["targetSize"] = 10,
            ["registrationOpens"] = "2030-10-01",
            ["registrationCloses"] = "2030-10-15",
            ["selectionOn"] = "2030-10-18",
            ["publicationOn"] = "2030-10-20",
            ["appealOpens"] = "2030-10-25",
            ["appealCloses"] = "2030-10-27",
            ["trainingStarts"] = "2030-11-01",
            ["trainingEnds"] = "2030-11-10",
        };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/programs", dates)).StatusCode);
        dates["name"] = Arrange.Unique("Kalender");
        dates[field] = wrong;

        var errors = await Arrange.ErrorsAsync(await client.PostAsJsonAsync("/api/v1/programs", dates));

        Assert.StartsWith("Tanggal ini sebelum ", Arrange.First(errors, field), StringComparison.Ordinal);
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task MissingOptionalDatesAreSkippedInTheOrder()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var ok = await client.PostAsJsonAsync("/api/v1/programs", new
        {
            name = Arrange.Unique("Tanpa seleksi"),
            year = 2030,
            budget = 1,
            targetSize = 5,
            registrationOpens = "2030-10-01",
            registrationCloses = "2030-10-15",
            appealOpens = "2030-10-20",
        });
        var wrong = await client.PostAsJsonAsync("/api/v1/programs", new
        {
            name = Arrange.Unique("Tanpa seleksi"),
            year = 2030,
            budget = 1,
            targetSize = 5,
            registrationOpens = "2030-10-01",
            registrationCloses = "2030-10-15",
            appealCloses = "2030-10-10",
        });

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal("Tanggal ini sebelum 15/10/2030, tanggal tahap sebelumnya. Urutan tahapnya: pendaftaran, seleksi, pengumuman, sanggahan.",
            Arrange.First(await Arrange.ErrorsAsync(wrong), "appealCloses"));
    }

    [Fact]
    public async Task TheTrainingStartsAfterRegistrationClosesAndEndsAfterItStarts()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsJsonAsync("/api/v1/programs", new
        {
            name = Arrange.Unique("Latihan"),
            year = 2030,
            budget = 1,
            targetSize = 5,
            registrationOpens = "2030-10-01",
            registrationCloses = "2030-10-15",
            trainingStarts = "2030-10-14",
            trainingEnds = "2030-10-13",
        });

        var errors = await Arrange.ErrorsAsync(response);
        Assert.Equal("Pelatihan tidak bisa dimulai sebelum pendaftaran ditutup (15/10/2030).", Arrange.First(errors, "trainingStarts"));
        Assert.Equal("Pelatihan tidak bisa selesai sebelum dimulai (14/10/2030).", Arrange.First(errors, "trainingEnds"));
    }

    [Fact]
    public async Task AnUpdateChangesTheProgramAndIsAudited()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PutAsJsonAsync($"/api/v1/programs/{id}", new
        {
            name = "Pelatihan Diubah",
            year = 2030,
            budget = 200_000_000L,
            targetSize = 90,
            description = "Tiga kejuruan",
            registrationOpens = "2030-10-01",
            registrationCloses = "2030-10-20",
            trainingStarts = "2030-10-24",
            trainingEnds = "2030-11-02",
            status = "active",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pelatihan Diubah", read.GetProperty("name").GetString());
        Assert.Equal("active", read.GetProperty("status").GetString());
        Assert.Equal("2030-10-24", read.GetProperty("trainingStarts").GetString());
        var change = await AuditAsync(id, "program.changed");
        using var details = JsonDocument.Parse(change.Details!);
        Assert.Equal("150000000", details.RootElement.GetProperty("budget")[0].GetString());
        Assert.Equal("200000000", details.RootElement.GetProperty("budget")[1].GetString());
        Assert.Equal("Active", details.RootElement.GetProperty("status")[1].GetString());
        Assert.False(details.RootElement.TryGetProperty("year", out _));
        Assert.Equal(Infrastructure.TunasFactory.EmailOf(Roles.ProgramOfficer), change.ActorName);
        Assert.NotNull(await AuditAsync(id, "program.created"));
    }

    [Fact]
    public async Task TheSeedCanChangeBeforeRegistrationOpensButNotAfter()
    {
        var future = await Arrange.ProgramAsync(app);
        var past = await Arrange.ProgramAsync(app, Arrange.Program(opens: "2020-01-01", closes: "2020-01-31"));
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var body = (string opens, string closes) => new
        {
            name = Arrange.Unique("Benih"),
            year = 2030,
            budget = 1,
            targetSize = 5,
            registrationOpens = opens,
            registrationCloses = closes,
            seed = "undian-2030-07",
        };

        var early = await client.PutAsJsonAsync($"/api/v1/programs/{future}", body("2030-10-01", "2030-10-15"));
        var late = await client.PutAsJsonAsync($"/api/v1/programs/{past}", body("2020-01-01", "2020-01-31"));
        var bad = await client.PutAsJsonAsync($"/api/v1/programs/{future}", body("2030-10-01", "2030-10-15") with { seed = "a b" });

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal("undian-2030-07", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seed").GetString());
        Assert.Equal("Benih pengacak tidak bisa diubah setelah pendaftaran dibuka (01/01/2020).", Arrange.First(await Arrange.ErrorsAsync(late), "seed"));
        Assert.Equal("Benih pengacak terdiri dari 6 sampai 64 huruf, angka atau tanda hubung.", Arrange.First(await Arrange.ErrorsAsync(bad), "seed"));
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{past}");
        Assert.True(read.GetProperty("seedLocked").GetBoolean());
        Assert.NotEqual("undian-2030-07", read.GetProperty("seed").GetString());
    }

    [Fact]
    public async Task AWrongStatusIsRefused()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PutAsJsonAsync($"/api/v1/programs/{id}", new
        {
            name = "X",
            year = 2030,
            budget = 1,
            targetSize = 5,
            registrationOpens = "2030-10-01",
            registrationCloses = "2030-10-15",
            status = "open",
        });

        Assert.Equal("'open' bukan status; gunakan Draft, Active atau Archived.", Arrange.First(await Arrange.ErrorsAsync(response), "status"));
    }

    [Fact]
    public async Task AProgramOfAnotherAgencyIsNotFound()
    {
        var other = await Arrange.OtherAgencyAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var program = Arrange.Program();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/programs/{other.ProgramId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/programs/{other.ProgramId}", program)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/programs/{other.ProgramId}/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/programs/{other.ProgramId}/rules", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/programs/{other.ProgramId}/tracks", new { name = "Baru" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/programs/{other.ProgramId}/tracks/{other.TrackId}", new { name = "Baru" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/programs/{other.ProgramId}/tracks/{other.TrackId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/programs/{other.ProgramId}/tracks/{other.TrackId}/providers", Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/programs/{other.ProgramId}/quotas")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/programs/{other.ProgramId}/quotas", Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/programs/{other.ProgramId}/quotas/proposal", new { perTrack = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/providers/{other.ProviderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/providers/{other.ProviderId}", new { name = "X", type = "lpk", capacity = 5 })).StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/programs");
        Assert.DoesNotContain(list.EnumerateArray(), p => p.GetProperty("id").GetInt32() == other.ProgramId);
        var providers = await client.GetFromJsonAsync<JsonElement>("/api/v1/providers");
        Assert.DoesNotContain(providers.EnumerateArray(), p => p.GetProperty("id").GetInt32() == other.ProviderId);
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    public async Task RolesWithoutProgramsAreForbidden(string role)
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(role);

        foreach (var response in await CallEverythingAsync(client, id))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnonymousCallersMustSignIn()
    {
        var id = await Arrange.ProgramAsync(app);

        foreach (var response in await CallEverythingAsync(app.CreateClient(), id))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheProgramEndpoints()
    {
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/programs", "/api/v1/programs/{id}", "/api/v1/programs/{id}/rules", "/api/v1/programs/{id}/tracks",
            "/api/v1/programs/{id}/tracks/{trackId}", "/api/v1/programs/{id}/tracks/{trackId}/providers",
            "/api/v1/programs/{id}/quotas", "/api/v1/programs/{id}/quotas/proposal", "/api/v1/providers", "/api/v1/providers/{id}",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " is not in the OpenAPI document");
        }
    }

    private static async Task<List<HttpResponseMessage>> CallEverythingAsync(HttpClient client, int id) =>
    [
        await client.GetAsync("/api/v1/programs"),
        await client.PostAsJsonAsync("/api/v1/programs", Arrange.Program()),
        await client.GetAsync($"/api/v1/programs/{id}"),
        await client.PutAsJsonAsync($"/api/v1/programs/{id}", Arrange.Program()),
        await client.GetAsync($"/api/v1/programs/{id}/rules"),
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { }),
        await client.PostAsJsonAsync($"/api/v1/programs/{id}/tracks", new { name = "Jajanan" }),
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/1", new { name = "Jajanan" }),
        await client.DeleteAsync($"/api/v1/programs/{id}/tracks/1"),
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/1/providers", Array.Empty<object>()),
        await client.GetAsync($"/api/v1/programs/{id}/quotas"),
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", Array.Empty<object>()),
        await client.PostAsJsonAsync($"/api/v1/programs/{id}/quotas/proposal", new { perTrack = false }),
        await client.GetAsync("/api/v1/providers"),
        await client.PostAsJsonAsync("/api/v1/providers", new { name = "LPK", type = "lpk", capacity = 5 }),
        await client.PutAsJsonAsync("/api/v1/providers/1", new { name = "LPK", type = "lpk", capacity = 5 }),
    ];

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Programs.CountAsync();
    }

    private async Task<Web.Infrastructure.AuditEntry> AuditAsync(int id, string action)
    {
        using var scope = app.Services.CreateScope();
        var key = id.ToString(CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == ProgramWriter.ProgramEntity && a.EntityId == key && a.Action == action)
            .OrderByDescending(a => a.Id).FirstAsync();
    }
}
