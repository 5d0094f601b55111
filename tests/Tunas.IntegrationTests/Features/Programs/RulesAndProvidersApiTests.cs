using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Programs;

[Collection(ProgramsAppGroup.Name)]
public sealed class RulesAndProvidersApiTests(ProgramsApp app)
{
    [Fact]
    public async Task TheRulesAreSetAndReadBack()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new
        {
            minAge = 18,
            maxAge = 45,
            ageReferenceDate = "2030-10-01",
            maxDesil = 4,
            domicileRegencyCode = "35.72",
            maxPerHousehold = 1,
            excludeTrainedWithinYears = 2,
            youthWeight = 8,
            womenWeight = 6,
            spillOver = "sameTrack",
            waitlistLength = 5,
            nameDisplay = "fullName",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rules = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/rules");
        Assert.Equal(18, rules.GetProperty("minAge").GetInt32());
        Assert.Equal(45, rules.GetProperty("maxAge").GetInt32());
        Assert.Equal("2030-10-01", rules.GetProperty("ageReferenceDate").GetString());
        Assert.Equal(4, rules.GetProperty("maxDesil").GetInt32());
        Assert.Equal("35.72", rules.GetProperty("domicileRegencyCode").GetString());
        Assert.Equal(1, rules.GetProperty("maxPerHousehold").GetInt32());
        Assert.Equal(2, rules.GetProperty("excludeTrainedWithinYears").GetInt32());
        Assert.Equal(8, rules.GetProperty("youthWeight").GetInt32());
        Assert.Equal(6, rules.GetProperty("womenWeight").GetInt32());
        Assert.Equal("sameTrack", rules.GetProperty("spillOver").GetString());
        Assert.Equal(5, rules.GetProperty("waitlistLength").GetInt32());
        Assert.Equal("fullName", rules.GetProperty("nameDisplay").GetString());
        using var scope = app.Services.CreateScope();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await scope.ServiceProvider.GetRequiredService<TunasDb>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityId == key && a.Action == "program.rules-changed");
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal(JsonValueKind.Null, details.RootElement.GetProperty("minAge")[0].ValueKind);
        Assert.Equal("18", details.RootElement.GetProperty("minAge")[1].GetString());
    }

    [Fact]
    public async Task AMissingRuleIsSwitchedOffAndMissingSettingsAreKept()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { minAge = 18, maxDesil = 4, youthWeight = 12, waitlistLength = 3, spillOver = "none" });

        var response = await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { maxDesil = 3 });

        var rules = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("minAge").ValueKind);
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("domicileRegencyCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("waitlistLength").ValueKind);
        Assert.Equal(3, rules.GetProperty("maxDesil").GetInt32());
        Assert.Equal(12, rules.GetProperty("youthWeight").GetInt32());
        Assert.Equal("none", rules.GetProperty("spillOver").GetString());
    }

    [Fact]
    public async Task AProvinceIsADomicileToo()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { domicileRegencyCode = "35" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WrongRulesAreRefusedRuleByRuleAndNothingChanges()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var first = await Arrange.ErrorsAsync(await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new
        {
            minAge = -1,
            maxAge = 121,
            ageReferenceDate = "besok",
            maxDesil = 0,
            domicileRegencyCode = "35.72.01",
            maxPerHousehold = 0,
            excludeTrainedWithinYears = 21,
            youthWeight = 21,
            womenWeight = -1,
            spillOver = "anywhere",
            waitlistLength = -1,
            nameDisplay = "nik",
        }));
        var second = await Arrange.ErrorsAsync(await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new
        {
            minAge = 46,
            maxAge = 45,
            maxDesil = 11,
            domicileRegencyCode = "99.99",
            excludeTrainedWithinYears = 0,
        }));

        Assert.Equal("Usia berupa bilangan bulat 0 sampai 120; '-1' bukan.", Arrange.First(first, "minAge"));
        Assert.Equal("Usia berupa bilangan bulat 0 sampai 120; '121' bukan.", Arrange.First(first, "maxAge"));
        Assert.StartsWith("'besok' bukan tanggal.", Arrange.First(first, "ageReferenceDate"), StringComparison.Ordinal);
        Assert.Equal("Desil tertinggi berupa bilangan bulat 1 sampai 10; '0' bukan.", Arrange.First(first, "maxDesil"));
        Assert.Equal("'35.72.01' bukan kode kabupaten/kota atau provinsi (mis. 35.72 atau 35).", Arrange.First(first, "domicileRegencyCode"));
        Assert.Equal("Jumlah per KK berupa bilangan bulat 1 sampai 20; '0' bukan.", Arrange.First(first, "maxPerHousehold"));
        Assert.Equal("Jumlah tahun berupa bilangan bulat 1 sampai 20; '21' bukan.", Arrange.First(first, "excludeTrainedWithinYears"));
        Assert.Equal("Bobot berupa bilangan bulat 0 sampai 20; '21' bukan.", Arrange.First(first, "youthWeight"));
        Assert.Equal("Bobot berupa bilangan bulat 0 sampai 20; '-1' bukan.", Arrange.First(first, "womenWeight"));
        Assert.StartsWith("'anywhere' bukan aturan kursi", Arrange.First(first, "spillOver"), StringComparison.Ordinal);
        Assert.Equal("Panjang daftar tunggu berupa bilangan bulat 0 sampai 100000; '-1' bukan.", Arrange.First(first, "waitlistLength"));
        Assert.Equal("'nik' bukan cara menampilkan nama; gunakan Initials atau FullName.", Arrange.First(first, "nameDisplay"));
        Assert.Equal("Usia minimum (46) lebih tinggi dari usia maksimum (45).", Arrange.First(second, "maxAge"));
        Assert.Equal("Desil tertinggi berupa bilangan bulat 1 sampai 10; '11' bukan.", Arrange.First(second, "maxDesil"));
        Assert.StartsWith("'99.99' bukan kode", Arrange.First(second, "domicileRegencyCode"), StringComparison.Ordinal);
        Assert.Equal("Jumlah tahun berupa bilangan bulat 1 sampai 20; '0' bukan.", Arrange.First(second, "excludeTrainedWithinYears"));
        var rules = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/rules");
        Assert.Equal(Infrastructure.TunasFactory.AgencyRegency, rules.GetProperty("domicileRegencyCode").GetString());
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("minAge").ValueKind);
    }

    [Fact]
    public async Task AProviderIsAddedWithANormalisedPhoneAndReadBack()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var name = Arrange.Unique("LPK Modes Al Amin");

        var created = await client.PostAsJsonAsync("/api/v1/providers", new
        {
            name,
            type = "lpk",
            address = "Jl. Kalimantan 12",
            villageCode = "35.72.01.1001",
            capacity = 40,
            contactName = "Bu Aminah",
            contactPhone = "0812-3456-7890",
            contactEmail = "modes@contoh.id",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/providers/{id}", created.Headers.Location!.OriginalString);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/providers");
        var provider = Assert.Single(list.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal("lpk", provider.GetProperty("type").GetString());
        Assert.Equal("+6281234567890", provider.GetProperty("contactPhone").GetString());
        Assert.Equal("modes@contoh.id", provider.GetProperty("contactEmail").GetString());
        Assert.Equal(40, provider.GetProperty("capacity").GetInt32());
        Assert.False(string.IsNullOrEmpty(provider.GetProperty("villageName").GetString()));
    }

    [Fact]
    public async Task AProviderChangeIsAudited()
    {
        var id = await Arrange.ProviderAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var name = Arrange.Unique("SMK Negeri 1 Blitar");

        var response = await client.PutAsJsonAsync($"/api/v1/providers/{id}", new { name, type = "SMK", capacity = 36 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(name, read.GetProperty("name").GetString());
        Assert.Equal("smk", read.GetProperty("type").GetString());
        using var scope = app.Services.CreateScope();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Provider" && a.EntityId == key && a.Action == "provider.created"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Provider" && a.EntityId == key && a.Action == "provider.changed"));
    }

    [Fact]
    public async Task WrongProviderInputIsRefusedFieldByFieldAndNothingIsStored()
    {
        var existing = Arrange.Unique("LPK Sudah Ada");
        await Arrange.ProviderAsync(app, existing);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<TunasDb>().Providers.AnyAsync(p => p.Name == existing));
        }
        var before = await CountProvidersAsync();

        var wrong = await Arrange.ErrorsAsync(await client.PostAsJsonAsync("/api/v1/providers", new
        {
            name = "",
            type = "universitas",
            villageCode = "35.72.99.9999",
            capacity = 0,
            contactPhone = "telepon",
            contactEmail = "modes@",
        }));
        var missing = await Arrange.ErrorsAsync(await client.PostAsJsonAsync("/api/v1/providers", new { name = "LPK Baru" }));
        var taken = await Arrange.ErrorsAsync(await client.PostAsJsonAsync("/api/v1/providers", new { name = existing.ToUpperInvariant(), type = "lpk", capacity = 5 }));

        Assert.Equal("Isi nama lembaga pelatihan.", Arrange.First(wrong, "name"));
        Assert.Equal("'universitas' bukan jenis lembaga; gunakan Lpk, Smk atau Other.", Arrange.First(wrong, "type"));
        Assert.Equal("'35.72.99.9999' bukan kode kelurahan/desa yang berlaku.", Arrange.First(wrong, "villageCode"));
        Assert.Equal("Kapasitas berupa bilangan bulat 1 sampai 10000; '0' bukan.", Arrange.First(wrong, "capacity"));
        Assert.StartsWith("'telepon' bukan nomor telepon.", Arrange.First(wrong, "contactPhone"), StringComparison.Ordinal);
        Assert.Equal("'modes@' bukan alamat email.", Arrange.First(wrong, "contactEmail"));
        Assert.Equal("Pilih jenis lembaga.", Arrange.First(missing, "type"));
        Assert.Equal("Isi berapa peserta yang dapat dilatih sekaligus.", Arrange.First(missing, "capacity"));
        Assert.Equal($"Dinas sudah punya lembaga pelatihan bernama '{existing.ToUpperInvariant()}'.", Arrange.First(taken, "name"));
        Assert.Equal(before, await CountProvidersAsync());
    }

    private async Task<int> CountProvidersAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Providers.CountAsync();
    }
}
