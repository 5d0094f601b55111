using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Programs;

/// <summary>
/// Quotas and the proposal. Each proposal test uses a regency of its own as the program's area (its domicile rule)
/// and puts its poor residents there, so that the residents of other tests do not count.
/// </summary>
[Collection(ProgramsAppGroup.Name)]
public sealed class QuotasApiTests(ProgramsApp app)
{
    private const string Kauman = "35.72.01.1004";
    private const string Sentul = "35.72.01.1003";

    [Fact]
    public async Task QuotasAreReplacedAsAWholeAndReadBackWithNames()
    {
        var id = await Arrange.ProgramAsync(app);
        var jajanan = await Arrange.TrackAsync(app, id, "Jajanan");
        var jahit = await Arrange.TrackAsync(app, id, "Menjahit");
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new[] { new { villageCode = Kauman, size = 9 } });

        var response = await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new object[]
        {
            new { villageCode = Kauman, trackId = jajanan, size = 3 },
            new { villageCode = Kauman, trackId = jahit, size = 2 },
            new { villageCode = Sentul, size = 4 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var quotas = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/quotas");
        var rows = quotas.EnumerateArray().Select(q => (q.GetProperty("villageCode").GetString(), Track(q), q.GetProperty("size").GetInt32())).ToList();
        Assert.Equal([(Sentul, null, 4), (Kauman, jajanan, 3), (Kauman, jahit, 2)], rows);
        Assert.Equal("Kauman", quotas.EnumerateArray().First(q => q.GetProperty("villageCode").GetString() == Kauman).GetProperty("villageName").GetString());
        var program = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}");
        Assert.Equal(9, program.GetProperty("quotaTotal").GetInt32());
        using var scope = app.Services.CreateScope();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<TunasDb>().AuditEntries.CountAsync(a => a.EntityId == key && a.Action == "program.quotas-replaced"));
    }

    [Fact]
    public async Task OneWrongQuotaStoresNothingAndEachMistakeIsNamed()
    {
        var id = await Arrange.ProgramAsync(app);
        var track = await Arrange.TrackAsync(app, id, "Jajanan");
        var otherProgram = await Arrange.ProgramAsync(app);
        var foreignTrack = await Arrange.TrackAsync(app, otherProgram, "Jajanan");
        var outside = (await Villages.OfAsync(app, "35.05", 1))[0];
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new[] { new { villageCode = Kauman, size = 7 } });

        var errors = await Arrange.ErrorsAsync(await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new object?[]
        {
            new { villageCode = Sentul, size = 2 },                          // fine on its own
            new { villageCode = "35.72.01.9999", size = 1 },                 // no such kelurahan
            new { villageCode = outside, size = 1 },                         // outside the city
            new { villageCode = "", size = 1 },
            new { villageCode = "35.72.01.1001", size = -1 },
            new { villageCode = "35.72.01.1002", size = 10_001 },
            new { villageCode = "35.72.01.1005" },
            new { villageCode = "35.72.01.1006", trackId = foreignTrack, size = 1 },
            new { villageCode = Sentul, trackId = track, size = 1 },          // Sentul already has an any-track quota
            new { villageCode = "35.72.01.1007", trackId = track, size = 1 },
            new { villageCode = "35.72.01.1007", trackId = track, size = 2 }, // twice
        }));

        Assert.Equal("'35.72.01.9999' bukan kode kelurahan/desa yang berlaku.", Arrange.First(errors, "[1].villageCode"));
        Assert.Equal($"Kelurahan/desa {outside} berada di luar wilayah program (35.72).", Arrange.First(errors, "[2].villageCode"));
        Assert.Equal("Isi kode kelurahan/desa.", Arrange.First(errors, "[3].villageCode"));
        Assert.Equal("Kuota berupa bilangan bulat 0 sampai 10000; '-1' bukan.", Arrange.First(errors, "[4].size"));
        Assert.Equal("Kuota berupa bilangan bulat 0 sampai 10000; '10001' bukan.", Arrange.First(errors, "[5].size"));
        Assert.Equal("Isi jumlah kursi.", Arrange.First(errors, "[6].size"));
        Assert.Equal($"Kejuruan {foreignTrack} bukan kejuruan program ini.", Arrange.First(errors, "[7].trackId"));
        Assert.Equal($"Kelurahan/desa {Sentul} punya kuota untuk semua kejuruan sekaligus kuota per kejuruan; pilih salah satu.", Arrange.First(errors, "[8].trackId"));
        Assert.Equal("Kelurahan/desa 35.72.01.1007 punya kuota yang sama dua kali.", Arrange.First(errors, "[10].trackId"));
        Assert.False(errors.TryGetProperty("[0].villageCode", out _));
        Assert.False(errors.TryGetProperty("[9].trackId", out _));
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/quotas");
        var only = Assert.Single(stored.EnumerateArray());
        Assert.Equal(Kauman, only.GetProperty("villageCode").GetString());
        Assert.Equal(7, only.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task TheProgramsDomicileRuleSetsTheAreaOfItsQuotas()
    {
        var id = await Arrange.ProgramAsync(app);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { domicileRegencyCode = "35.05" });
        var kabupaten = (await Villages.OfAsync(app, "35.05", 1))[0];

        var inside = await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new[] { new { villageCode = kabupaten, size = 3 } });
        var city = await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", new[] { new { villageCode = Kauman, size = 3 } });

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal($"Kelurahan/desa {Kauman} berada di luar wilayah program (35.05).", Arrange.First(await Arrange.ErrorsAsync(city), "[0].villageCode"));
    }

    [Fact]
    public async Task TheProposalSharesTheTargetByPoorResidentsAndSavesNothing()
    {
        var (id, v) = await ProgramInAreaAsync("35.06", target: 7, villages: 4);
        await Arrange.ResidentsAsync(app, v[0], 6, decile: 1);
        await Arrange.ResidentsAsync(app, v[0], 3, decile: 5);      // not poor
        await Arrange.ResidentsAsync(app, v[1], 3, decile: 4);
        await Arrange.ResidentsAsync(app, v[2], 1, decile: 2);
        await Arrange.ResidentsAsync(app, v[3], 2, decile: null);   // no desil: not counted
        var other = await Arrange.OtherAgencyAsync(app);
        await Arrange.ResidentsAsync(app, v[3], 50, decile: 1, agencyId: other.AgencyId);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsJsonAsync($"/api/v1/programs/{id}/quotas/proposal", new { perTrack = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proposal = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, proposal.GetProperty("total").GetInt32());
        Assert.Contains("Hamilton", proposal.GetProperty("method").GetString(), StringComparison.Ordinal);
        var seats = proposal.GetProperty("villages").EnumerateArray()
            .ToDictionary(x => x.GetProperty("villageCode").GetString()!, x => (Poor: x.GetProperty("poorResidents").GetInt64(), Size: x.GetProperty("size").GetInt32()));
        // 7 × 6/10 = 4.2, 7 × 3/10 = 2.1, 7 × 1/10 = 0.7: whole parts 4 + 2 + 0, the seat left goes to the largest remainder (0.7).
        Assert.Equal((6L, 4), seats[v[0]]);
        Assert.Equal((3L, 2), seats[v[1]]);
        Assert.Equal((1L, 1), seats[v[2]]);
        Assert.Equal((0L, 0), seats[v[3]]);
        Assert.Equal(3, proposal.GetProperty("quotas").GetArrayLength());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}/quotas")).GetArrayLength());

        var saved = await client.PutAsJsonAsync($"/api/v1/programs/{id}/quotas", proposal.GetProperty("quotas"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(7, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{id}")).GetProperty("quotaTotal").GetInt32());
    }

    [Fact]
    public async Task APerTrackProposalSplitsEachKelurahanOverTheTracks()
    {
        var (id, v) = await ProgramInAreaAsync("35.07", target: 7, villages: 3);
        var a = await Arrange.TrackAsync(app, id, "Jajanan");
        var b = await Arrange.TrackAsync(app, id, "Menjahit");
        var c = await Arrange.TrackAsync(app, id, "Produk Rumah Tangga");
        await Arrange.ResidentsAsync(app, v[0], 6, decile: 1);
        await Arrange.ResidentsAsync(app, v[1], 3, decile: 2);
        await Arrange.ResidentsAsync(app, v[2], 1, decile: 3);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var proposal = await (await client.PostAsJsonAsync($"/api/v1/programs/{id}/quotas/proposal", new { perTrack = true })).Content.ReadFromJsonAsync<JsonElement>();

        var cells = proposal.GetProperty("villages").EnumerateArray().ToDictionary(
            x => x.GetProperty("villageCode").GetString()!,
            x => x.GetProperty("tracks").EnumerateArray().ToDictionary(t => t.GetProperty("trackId").GetInt32(), t => t.GetProperty("size").GetInt32()));
        // Rows 4, 2, 1. Row 1: one each, the seat left to the first track; row 2 to the tracks with fewest so far; row 3 to the first.
        Assert.Equal(new Dictionary<int, int> { [a] = 2, [b] = 1, [c] = 1 }, cells[v[0]]);
        Assert.Equal(new Dictionary<int, int> { [a] = 0, [b] = 1, [c] = 1 }, cells[v[1]]);
        Assert.Equal(new Dictionary<int, int> { [a] = 1, [b] = 0, [c] = 0 }, cells[v[2]]);
        Assert.Equal(7, proposal.GetProperty("quotas").EnumerateArray().Sum(q => q.GetProperty("size").GetInt32()));
        Assert.All(proposal.GetProperty("quotas").EnumerateArray(), q => Assert.NotEqual(JsonValueKind.Null, q.GetProperty("trackId").ValueKind));
    }

    [Fact]
    public async Task NoPoorResidentsOrNoTracksMeansNoProposal()
    {
        var (id, _) = await ProgramInAreaAsync("35.08", target: 10, villages: 1);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var noPoor = await client.PostAsJsonAsync($"/api/v1/programs/{id}/quotas/proposal", new { }); // any track by default
        var noTracks = await client.PostAsJsonAsync($"/api/v1/programs/{id}/quotas/proposal", new { perTrack = true });

        Assert.Equal(HttpStatusCode.Conflict, noPoor.StatusCode);
        Assert.StartsWith("Data penduduk belum berisi warga desil 1 sampai 4", (await noPoor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Program ini belum punya kejuruan", Arrange.First(await Arrange.ErrorsAsync(noTracks), "perTrack"), StringComparison.Ordinal);
    }

    private async Task<(int Id, List<string> Villages)> ProgramInAreaAsync(string regency, int target, int villages)
    {
        var id = await Arrange.ProgramAsync(app, Arrange.Program(target: target));
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var rules = await client.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { domicileRegencyCode = regency });
        Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        return (id, await Villages.OfAsync(app, regency, villages));
    }

    private static int? Track(JsonElement quota) =>
        quota.GetProperty("trackId").ValueKind == JsonValueKind.Null ? null : quota.GetProperty("trackId").GetInt32();
}
