using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>
/// An officer verifies a self-registered resident with the documents seen (audited); the desil and its source are
/// never a kelurahan operator's to set, on the API or the page (issue 12).
/// </summary>
[Collection(SharedApp.Name)]
public sealed class VerifyAndDesilTests(TunasFactory app)
{
    private static readonly string[] Passport = ["paspor"];
    private static readonly string[] KtpAndSktm = ["ktp", "sktm"];
    private static readonly string[] Ktp = ["ktp"];

    private async Task<long> CreateAsync(string nik, string village = TunasFactory.OperatorVillage, bool selfRegistered = false)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { nik, fullName = "Warga Desil", sex = "F", birthDate = "1990-07-01", villageCode = village, welfareDecile = 4, welfareSource = "DTKS" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        if (selfRegistered)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.Where(p => p.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Origin, PersonOrigin.SelfRegistered).SetProperty(p => p.Verified, false));
        }
        return id;
    }

    private async Task<Person> PersonAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<int> AuditCountAsync(string action, long id)
    {
        using var scope = app.Services.CreateScope();
        var key = id.ToString(CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().AuditEntries.CountAsync(a => a.Action == action && a.EntityId == key);
    }

    [Fact]
    public async Task AnOfficerVerifiesASelfRegisteredResidentWithTheDocumentsSeen()
    {
        var id = await CreateAsync("3572014107900201", selfRegistered: true);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var none = await officer.PostAsJsonAsync($"/api/v1/persons/{id}/verify", new { documents = Array.Empty<string>(), note = "x" });
        var bad = await officer.PostAsJsonAsync($"/api/v1/persons/{id}/verify", new { documents = Passport });
        Assert.False((await PersonAsync(id)).Verified);
        var response = await officer.PostAsJsonAsync($"/api/v1/persons/{id}/verify", new { documents = KtpAndSktm, note = "Datang ke kantor" });

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("dokumen", await none.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True((await PersonAsync(id)).Verified);
        using var scope = app.Services.CreateScope();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var entry = await scope.ServiceProvider.GetRequiredService<TunasDb>().AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "person.verified" && a.EntityId == key);
        Assert.Contains("Sktm", entry.Details, StringComparison.Ordinal);
        Assert.Contains("Datang ke kantor", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVerifyPageRecordsTheTickedDocuments()
    {
        var id = await CreateAsync("3572014107900202", selfRegistered: true);
        var client = await app.PageClientAsync(Roles.Administrator);

        var list = await client.GetStringAsync("/Registry/Verify");
        var response = await client.PostAsync($"/Registry/Verify/{id}", await TunasFactory.FormAsync(client, $"/Registry/Verify/{id}",
            new() { ["Documents"] = "Kk", ["Note"] = "KK asli" }));

        Assert.Contains($"/Registry/Verify/{id}", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await PersonAsync(id)).Verified);
        Assert.Equal(1, await AuditCountAsync("person.verified", id));
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    public async Task OnlyOfficersVerify(string role)
    {
        var id = await CreateAsync("3572014107900" + (210 + Roles.All.ToList().IndexOf(role)).ToString(CultureInfo.InvariantCulture), selfRegistered: true);
        var client = await app.ApiClientAsync(role);

        var response = await client.PostAsJsonAsync($"/api/v1/persons/{id}/verify", new { documents = Ktp });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await PersonAsync(id)).Verified);
        Assert.Equal(0, await AuditCountAsync("person.verified", id));
    }

    [Fact]
    public async Task AnOperatorCannotSetTheDesilThroughTheApi()
    {
        var op = await app.ApiClientAsync(Roles.VillageOperator);
        var id = await CreateAsync("3572014107900221");

        var create = await op.PostAsJsonAsync("/api/v1/persons", new { nik = "3572014107900222", fullName = "Warga Desil Baru", sex = "F", birthDate = "1990-07-01", villageCode = TunasFactory.OperatorVillage, welfareDecile = 1 });
        var current = await (await op.GetAsync($"/api/v1/persons/{id}")).Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>();
        var same = await op.PutAsJsonAsync($"/api/v1/persons/{id}", new { nik = "3572014107900221", fullName = "Warga Desil Ganti", sex = "F", birthDate = "1990-07-01", villageCode = TunasFactory.OperatorVillage, welfareDecile = 4, welfareSource = "DTKS" });
        var changed = await op.PutAsJsonAsync($"/api/v1/persons/{id}", new { nik = "3572014107900221", fullName = "Warga Desil Ganti", sex = "F", birthDate = "1990-07-01", villageCode = TunasFactory.OperatorVillage, welfareDecile = 1, welfareSource = "DTKS" });

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Contains("Desil dan sumbernya hanya diisi", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4, current!["welfareDecile"].GetInt32());
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Contains("Desil dan sumbernya hanya diisi", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4, (await PersonAsync(id)).WelfareDecile);
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.AnyAsync(p => p.Nik == "3572014107900222"));
    }

    [Fact]
    public async Task TheOperatorsFormLocksTheDesilAndKeepsTheStoredOne()
    {
        var id = await CreateAsync("3572014107900231");
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var form = await client.GetStringAsync($"/Registry/Edit/{id}");
        var fields = Residents.Form("", "Warga Desil Halaman", decile: "1");
        var response = await client.PostAsync($"/Registry/Edit/{id}", await TunasFactory.FormAsync(client, $"/Registry/Edit/{id}", fields));

        Assert.Contains("data-testid=\"welfare-locked\"", form, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_WelfareDecile\"[^>]*disabled", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await PersonAsync(id);
        Assert.Equal("Warga Desil Halaman", person.FullName);
        Assert.Equal(4, person.WelfareDecile);
        Assert.Equal("DTKS", person.WelfareSource);
    }

    [Fact]
    public async Task AnOfficerSetsTheDesilAndTheChangeIsAudited()
    {
        var id = await CreateAsync("3572014107900241");
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PutAsJsonAsync($"/api/v1/persons/{id}", new { nik = "3572014107900241", fullName = "Warga Desil", sex = "F", birthDate = "1990-07-01", villageCode = TunasFactory.OperatorVillage, welfareDecile = 1, welfareSource = "DTSEN" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await PersonAsync(id)).WelfareDecile);
        Assert.Equal(1, await AuditCountAsync("person.changed", id));
    }
}
