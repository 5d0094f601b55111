using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses;

public sealed class WorkersTests(BusinessApp app) : IClassFixture<BusinessApp>
{
    [Fact]
    public async Task ANikWithoutRecordedConsentIsRefusedAndNothingIsStored()
    {
        var id = await app.BusinessAsync();
        var resident = await app.ParticipantAsync(placed: false);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/workers",
            new { fullName = "Siti Pekerja", nik = resident.Nik, nikConsent = false, hoursPerWeek = 30, payBand = "oneToTwoMillion", startedOn = "2026-02-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("NIK pekerja hanya disimpan dengan persetujuannya", await BusinessesApiTests.Error(response, "nik"), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<BusinessWorker>().CountAsync(w => w.BusinessId == id)));
    }

    [Theory]
    [InlineData("1234", "nik")]
    [InlineData("", "hoursPerWeek")]
    [InlineData("", "payBand")]
    [InlineData("", "endedOn")]
    public async Task BadWorkerInputIsRefusedInIndonesian(string nik, string field)
    {
        var id = await app.BusinessAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/workers", new
        {
            fullName = "Siti Pekerja",
            nik,
            nikConsent = true,
            hoursPerWeek = field == "hoursPerWeek" ? 0 : 20,
            payBand = field == "payBand" ? "banyak" : "unpaid",
            startedOn = "2026-02-01",
            endedOn = field == "endedOn" ? "2026-01-01" : null,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(await BusinessesApiTests.Error(response, field)));
        Assert.Equal(0, await app.DbAsync(db => db.Set<BusinessWorker>().CountAsync(w => w.BusinessId == id)));
    }

    [Fact]
    public async Task AWorkerFoundInTheRegistryShowsTheirHouseholdsDesilAndTheNikIsMaskedInEveryList()
    {
        var id = await app.BusinessAsync();
        var resident = await app.ParticipantAsync(desil: 2, placed: false);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/workers",
            new { fullName = "Siti Pekerja", nik = resident.Nik, nikConsent = true, hoursPerWeek = 30, payBand = "oneToTwoMillion", startedOn = "2026-02-01" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, created.GetProperty("householdDesil").GetInt32());
        Assert.Equal(0, created.GetProperty("flags").GetArrayLength());
        var workers = await officer.GetStringAsync($"/api/v1/businesses/{id}/workers");
        var business = await officer.GetStringAsync($"/api/v1/businesses/{id}");
        foreach (var body in new[] { workers, business, await response.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(resident.Nik, body, StringComparison.Ordinal);
        }
        Assert.Contains(Nik.Mask(resident.Nik), System.Text.RegularExpressions.Regex.Unescape(workers), StringComparison.Ordinal);
        Assert.DoesNotContain(app.LogLines, l => l.Contains(resident.Nik, StringComparison.Ordinal));
        Assert.DoesNotContain(resident.Nik, string.Join("|", await app.DbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Business").Select(e => e.Details ?? "").ToListAsync())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkerCountedInTwoBusinessesOverTheSameDaysIsFlaggedInBothUntilOneStintEnds()
    {
        var first = await app.BusinessAsync();
        var second = await app.BusinessAsync();
        var resident = await app.ParticipantAsync(placed: false);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        object Worker(string started) => new { fullName = "Dewi Ganda", nik = resident.Nik, nikConsent = true, hoursPerWeek = 20, payBand = "underOneMillion", startedOn = started };

        var a = await officer.PostAsJsonAsync($"/api/v1/businesses/{first}/workers", Worker("2026-01-01"));
        var b = await officer.PostAsJsonAsync($"/api/v1/businesses/{second}/workers", Worker("2026-03-01"));

        var firstWorker = await a.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, firstWorker.GetProperty("flags").GetArrayLength());
        Assert.Equal(WorkerRules.DoubleCounted, (await b.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("flags")[0].GetString());
        var listed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{first}/workers");
        Assert.Equal(WorkerRules.DoubleCounted, listed[0].GetProperty("flags")[0].GetString());

        // The first stint ended before the second began: nobody is counted twice any more.
        var workerId = firstWorker.GetProperty("id").GetInt64();
        var ended = await officer.PutAsJsonAsync($"/api/v1/businesses/{first}/workers/{workerId}",
            new { fullName = "Dewi Ganda", hoursPerWeek = 20, payBand = "underOneMillion", startedOn = "2026-01-01", endedOn = "2026-02-28" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(0, (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("flags").GetArrayLength());
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{second}/workers"))[0].GetProperty("flags").GetArrayLength());
    }
}
