using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Held;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>An officer resolves an operator's held create: move, merge or reject, each audited with its note (decision 0021).</summary>
[Collection(SharedApp.Name)]
public sealed class HeldResolutionTests(TunasFactory app)
{
    private async Task<(long Existing, long Pending)> HeldAsync(string nik, string typedName)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var existing = await officer.PostAsJsonAsync("/api/v1/persons", new { nik, fullName = "Warga Lama", sex = "F", birthDate = "1990-07-01", villageCode = "35.72.01.1003", welfareDecile = 3, address = "Jl. Lama 1" });
        var op = await app.ApiClientAsync(Roles.VillageOperator);
        var held = await op.PostAsJsonAsync("/api/v1/persons", new { nik, fullName = typedName, sex = "F", birthDate = "1990-07-01", villageCode = TunasFactory.OperatorVillage, address = "Jl. Baru 9" });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        return ((await existing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64(),
            (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    private async Task<T> InDbAsync<T>(Func<TunasDb, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TunasDb>());
    }

    [Fact]
    public async Task MovingTakesTheOperatorsKelurahanAndKeepsTheDesilAudited()
    {
        var (existing, pending) = await HeldAsync("3572014107900101", "Warga Pindahan");
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PostAsJsonAsync($"/api/v1/persons/held/{pending}/resolve", new { resolution = "moved", note = "KTP dan surat pindah dilihat" });
        var again = await officer.PostAsJsonAsync($"/api/v1/persons/held/{pending}/resolve", new { resolution = "rejected", note = "lagi" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var person = await InDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == existing));
        Assert.Equal(TunasFactory.OperatorVillage, person.VillageCode);
        Assert.Equal("Jl. Baru 9", person.Address);
        Assert.Equal("Warga Lama", person.FullName);
        Assert.Equal(3, person.WelfareDecile);
        var key = existing.ToString(CultureInfo.InvariantCulture);
        var resolved = await InDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "person.held-resolved" && a.EntityId == key));
        Assert.Contains("KTP dan surat pindah dilihat", resolved.Details, StringComparison.Ordinal);
        Assert.True(await InDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "person.changed" && a.EntityId == key)));
        Assert.Equal(PendingResolution.Moved, (await InDbAsync(db => db.PendingPersons.AsNoTracking().SingleAsync(p => p.Id == pending))).Resolution);
    }

    [Fact]
    public async Task MergingTakesEveryTypedFieldButTheDesil()
    {
        var (existing, pending) = await HeldAsync("3572014107900102", "Warga Nama Benar");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var page = await client.GetStringAsync($"/Registry/Held/{pending}");
        var response = await client.PostAsync($"/Registry/Held/{pending}", await TunasFactory.FormAsync(client, $"/Registry/Held/{pending}",
            new() { ["Input.Resolution"] = "Merged", ["Input.Note"] = "KK dicocokkan" }));

        Assert.Contains("Warga Lama", page, StringComparison.Ordinal);
        Assert.Contains("Warga Nama Benar", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await InDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == existing));
        Assert.Equal("Warga Nama Benar", person.FullName);
        Assert.Equal(TunasFactory.OperatorVillage, person.VillageCode);
        Assert.Equal(3, person.WelfareDecile);
    }

    [Fact]
    public async Task RejectingChangesNothingButIsAudited()
    {
        var (existing, pending) = await HeldAsync("3572014107900103", "Warga Salah Ketik");
        var officer = await app.ApiClientAsync(Roles.Administrator);

        var noNote = await officer.PostAsJsonAsync($"/api/v1/persons/held/{pending}/resolve", new { resolution = "rejected" });
        var response = await officer.PostAsJsonAsync($"/api/v1/persons/held/{pending}/resolve", new { resolution = "rejected", note = "Bukan orang yang sama" });

        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("catatan", await noNote.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var person = await InDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == existing));
        Assert.Equal("35.72.01.1003", person.VillageCode);
        var key = existing.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(1, await InDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "person.held-resolved" && a.EntityId == key)));
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.Participant)]
    public async Task OnlyOfficersResolve(string role)
    {
        var (existing, pending) = await HeldAsync("3572014107900" + (104 + Roles.All.ToList().IndexOf(role)).ToString(CultureInfo.InvariantCulture), "Warga Coba");
        var client = await app.ApiClientAsync(role);
        var page = await app.PageClientAsync(role);

        var response = await client.PostAsJsonAsync($"/api/v1/persons/held/{pending}/resolve", new { resolution = "moved", note = "coba" });
        var view = await page.GetAsync($"/Registry/Held/{pending}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", view.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("35.72.01.1003", await InDbAsync(db => db.Persons.Where(p => p.Id == existing).Select(p => p.VillageCode).SingleAsync()));
        Assert.Null((await InDbAsync(db => db.PendingPersons.AsNoTracking().SingleAsync(p => p.Id == pending))).ResolvedAt);
    }
}
