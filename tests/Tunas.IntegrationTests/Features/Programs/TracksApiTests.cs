using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Programs;

[Collection(ProgramsAppGroup.Name)]
public sealed class TracksApiTests(ProgramsApp app)
{
    [Fact]
    public async Task ANewTrackGetsTheDefaultCurriculumTemplate()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Jajanan");
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var track = Track(await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}"), trackId);

        Assert.Equal("Jajanan", track.GetProperty("name").GetString());
        Assert.False(track.GetProperty("womenOnly").GetBoolean());
        Assert.Equal(1, track.GetProperty("sortOrder").GetInt32());
        Assert.Equal(50, track.GetProperty("hours").GetInt32());
        var modules = track.GetProperty("modules").EnumerateArray().Select(m => (m.GetProperty("name").GetString(), m.GetProperty("kind").GetString(), m.GetProperty("hours").GetInt32())).ToList();
        Assert.Equal(
            [("Praktik keterampilan", "craft", 24), ("Manajemen usaha", "businessManagement", 8), ("Pembukuan sederhana", "bookkeeping", 8),
             ("Pemasaran dan penjualan daring", "marketing", 6), ("Perizinan usaha (NIB, PIRT, halal)", "permits", 4)],
            modules);
    }

    [Fact]
    public async Task ATrackWithItsOwnModulesAndWomenOnlyFlagComesAfterTheOthers()
    {
        var id = await Arrange.ProgramAsync(app);
        await Arrange.TrackAsync(app, id, "Jajanan");
        var trackId = await Arrange.TrackAsync(app, id, "", new
        {
            name = "Menjahit Kaos Konveksi",
            womenOnly = true,
            modules = new object[] { new { name = "Menjahit kaos", kind = "Craft", hours = 30 }, new { name = "Pembukuan", kind = "bookkeeping", hours = 6 } },
        });
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var program = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}");
        var track = Track(program, trackId);

        Assert.True(track.GetProperty("womenOnly").GetBoolean());
        Assert.Equal(2, track.GetProperty("sortOrder").GetInt32());
        Assert.Equal(36, track.GetProperty("hours").GetInt32());
        Assert.Equal([trackId], program.GetProperty("rules").GetProperty("womenOnlyTrackIds").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task ATrackChangeReplacesItsModulesAndIsAudited()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Produk Rumah Tangga");
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/{trackId}", new
        {
            name = "Produk Rumah Tangga",
            description = "Sabun, deterjen",
            sortOrder = 3,
            modules = new object[] { new { name = "Membuat sabun", kind = "craft", hours = 20 } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var track = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Sabun, deterjen", track.GetProperty("description").GetString());
        Assert.Equal(3, track.GetProperty("sortOrder").GetInt32());
        Assert.Equal(["Membuat sabun"], track.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal(1, await db.TrackModules.CountAsync(m => m.TrackId == trackId));
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == key && a.Action == "program.track-changed"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == key && a.Action == "program.track-added"));
    }

    [Fact]
    public async Task AChangeWithoutModulesKeepsThem()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Jajanan");
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var track = await (await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/{trackId}", new { name = "Jajanan Pasar", womenOnly = true }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Jajanan Pasar", track.GetProperty("name").GetString());
        Assert.True(track.GetProperty("womenOnly").GetBoolean());
        Assert.Equal(5, track.GetProperty("modules").GetArrayLength());
    }

    [Fact]
    public async Task BadTrackInputIsAnErrorPerFieldAndNothingIsStored()
    {
        var id = await Arrange.ProgramAsync(app);
        await Arrange.TrackAsync(app, id, "Jajanan");
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var empty = await Arrange.ErrorsAsync(await client.PostAsJsonAsync($"/api/v1/programs/{id}/tracks", new { name = "", sortOrder = 0 }));
        var taken = await Arrange.ErrorsAsync(await client.PostAsJsonAsync($"/api/v1/programs/{id}/tracks", new { name = "jajanan" }));
        var modules = await Arrange.ErrorsAsync(await client.PostAsJsonAsync($"/api/v1/programs/{id}/tracks", new
        {
            name = "Menjahit",
            modules = new object?[] { new { name = "", kind = "craft", hours = 5 }, new { name = "Jahit", kind = "menjahit", hours = 0 }, new { name = "Pola" } },
        }));
        var tooMany = await Arrange.ErrorsAsync(await client.PostAsJsonAsync($"/api/v1/programs/{id}/tracks", new
        {
            name = "Banyak",
            modules = Enumerable.Range(1, 31).Select(i => new { name = "Modul " + i, kind = "other", hours = 1 }),
        }));

        Assert.Equal("Isi nama kejuruan.", Arrange.First(empty, "name"));
        Assert.Equal("Urutan berupa bilangan bulat 1 sampai 999; '0' bukan.", Arrange.First(empty, "sortOrder"));
        Assert.Equal("Program ini sudah punya kejuruan bernama 'jajanan'.", Arrange.First(taken, "name"));
        Assert.Equal("Isi nama modul.", Arrange.First(modules, "modules[0].name"));
        Assert.StartsWith("'menjahit' bukan jenis modul", Arrange.First(modules, "modules[1].kind"), StringComparison.Ordinal);
        Assert.Equal("Jam berupa bilangan bulat 1 sampai 200; '0' bukan.", Arrange.First(modules, "modules[1].hours"));
        Assert.Equal("Isi jumlah jam modul.", Arrange.First(modules, "modules[2].hours"));
        Assert.Equal("Satu kejuruan paling banyak 30 modul.", Arrange.First(tooMany, "modules"));
        var program = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}");
        Assert.Equal(1, program.GetProperty("tracks").GetArrayLength());
    }

    [Fact]
    public async Task ATrackWithoutApplicationsIsDeletedWithItsQuotasAndProviders()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Jajanan");
        var providerId = await Arrange.ProviderAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/{trackId}/providers", new[] { new { providerId, seats = 20 } });
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new[] { new { villageCode = "35.72.01.1001", trackId, size = 4 } });

        var response = await client.DeleteAsync($"/api/v1/programs/{id}/tracks/{trackId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.False(await db.Tracks.AnyAsync(t => t.Id == trackId));
        Assert.False(await db.TrackModules.AnyAsync(m => m.TrackId == trackId));
        Assert.False(await db.TrackProviders.AnyAsync(tp => tp.TrackId == trackId));
        Assert.False(await db.ProgramQuotas.AnyAsync(q => q.TrackId == trackId));
        Assert.True(await db.Providers.AnyAsync(p => p.Id == providerId));
    }

    [Fact]
    public async Task ATrackThatApplicationsChoseCannotBeDeleted()
    {
        var id = await Arrange.ProgramAsync(app);
        var first = await Arrange.TrackAsync(app, id, "Jajanan");
        var second = await Arrange.TrackAsync(app, id, "Menjahit");
        await ApplicationAsync(id, first, second);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var asFirst = await client.DeleteAsync($"/api/v1/programs/{id}/tracks/{first}");
        var asSecond = await client.DeleteAsync($"/api/v1/programs/{id}/tracks/{second}");

        Assert.Equal(HttpStatusCode.Conflict, asFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, asSecond.StatusCode);
        Assert.Equal("Kejuruan tidak bisa dihapus: 1 pendaftaran memilihnya. Biarkan kejuruan ini, atau pindahkan pendaftaran itu lebih dulu.",
            (await asSecond.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        using var scope = app.Services.CreateScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<TunasDb>().Tracks.CountAsync(t => t.ProgramId == id));
    }

    [Fact]
    public async Task ATrackOfAnotherProgramIsNotFound()
    {
        var a = await Arrange.ProgramAsync(app);
        var b = await Arrange.ProgramAsync(app);
        var trackOfB = await Arrange.TrackAsync(app, b, "Jajanan");
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/programs/{a}/tracks/{trackOfB}", new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/programs/{a}/tracks/{trackOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/programs/{a}/tracks/{trackOfB}/providers", Array.Empty<object>())).StatusCode);
    }

    [Fact]
    public async Task TheProvidersOfATrackAreReplacedWithTheirSeats()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Menjahit");
        var modes = await Arrange.ProviderAsync(app, Arrange.Unique("Modes Al Amin"));
        var smk = await Arrange.ProviderAsync(app, Arrange.Unique("SMK Negeri"));
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var first = await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/{trackId}/providers", new object[] { new { providerId = modes, seats = 20 }, new { providerId = smk } });
        var second = await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/{trackId}/providers", new object[] { new { providerId = smk, seats = 15 } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        var providers = Track(await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}"), trackId).GetProperty("providers");
        var only = Assert.Single(providers.EnumerateArray());
        Assert.Equal(smk, only.GetProperty("providerId").GetInt32());
        Assert.Equal(15, only.GetProperty("seats").GetInt32());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task WrongProvidersOfATrackAreRefusedAndNothingChanges()
    {
        var id = await Arrange.ProgramAsync(app);
        var trackId = await Arrange.TrackAsync(app, id, "Menjahit");
        var own = await Arrange.ProviderAsync(app);
        var other = await Arrange.OtherAgencyAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/{trackId}/providers", new object[] { new { providerId = own, seats = 10 } });

        var response = await client.PutAsJsonAsync($"/api/v1/programs/{id}/tracks/{trackId}/providers", new object[]
        {
            new { providerId = own, seats = 0 }, new { providerId = other.ProviderId }, new { providerId = own },
        });

        var errors = await Arrange.ErrorsAsync(response);
        Assert.Equal("Jumlah kursi berupa bilangan bulat 1 sampai 10000; '0' bukan.", Arrange.First(errors, "[0].seats"));
        Assert.Equal($"Lembaga {other.ProviderId} bukan lembaga pelatihan mitra dinas ini.", Arrange.First(errors, "[1].providerId"));
        Assert.Equal($"Lembaga {own} tercantum dua kali.", Arrange.First(errors, "[2].providerId"));
        var providers = Track(await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}"), trackId).GetProperty("providers");
        Assert.Equal(10, Assert.Single(providers.EnumerateArray()).GetProperty("seats").GetInt32());
    }

    private static JsonElement Track(JsonElement program, int trackId) =>
        program.GetProperty("tracks").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == trackId);

    private async Task ApplicationAsync(int programId, int first, int second)
    {
        await Arrange.ResidentsAsync(app, "35.72.01.1001", 1, decile: null);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var person = await db.Persons.OrderByDescending(p => p.Id).FirstAsync();
        db.Applications.Add(new Application
        {
            AgencyId = person.AgencyId,
            ProgramId = programId,
            PersonId = person.Id,
            RegistrationNumber = Arrange.Unique("TNS").Replace(" ", "-", StringComparison.Ordinal),
            FirstTrackId = first,
            SecondTrackId = second,
            VillageCode = person.VillageCode,
            ConsentPurpose = "Seleksi pelatihan",
            Consent = true,
        });
        await db.SaveChangesAsync();
    }
}
