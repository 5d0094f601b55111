using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Agencies;

[Collection(SharedApp.Name)]
public sealed class AgencySettingsTests(TunasFactory app)
{
    [Fact]
    public async Task ConfigurationGivesTheAgencyItsNameAndRegency()
    {
        using var scope = app.Services.CreateScope();
        var agency = await scope.ServiceProvider.GetRequiredService<TunasDb>().Agencies.AsNoTracking().SingleAsync();

        Assert.Equal("Dinas Sosial Kota Uji", agency.Name);
        Assert.Equal(TunasFactory.AgencyRegency, agency.RegencyCode);
    }

    [Fact]
    public async Task AnUnknownRegencyCodeIsRefusedAndNothingChanges()
    {
        var client = await app.PageClientAsync(Roles.Administrator);

        var response = await client.PostAsync("/Agency", await TunasFactory.FormAsync(client, "/Agency", Fields("Dinas Lain", "35.72.01")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&#x27;35.72.01&#x27; bukan kode kabupaten/kota", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var agency = await scope.ServiceProvider.GetRequiredService<TunasDb>().Agencies.AsNoTracking().SingleAsync();
        Assert.Equal("Dinas Sosial Kota Uji", agency.Name);
    }

    [Fact]
    public async Task AnEmptyNameIsRefused()
    {
        var client = await app.PageClientAsync(Roles.Administrator);

        var response = await client.PostAsync("/Agency", await TunasFactory.FormAsync(client, "/Agency", Fields("", TunasFactory.AgencyRegency)));

        Assert.Contains("Isi nama instansi.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingTheSettingsIsAudited()
    {
        var client = await app.PageClientAsync(Roles.Administrator);

        var response = await client.PostAsync("/Agency", await TunasFactory.FormAsync(client, "/Agency", Fields("Dinas Sosial Kota Uji", TunasFactory.AgencyRegency, "Kepala Uji")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal("Kepala Uji", (await db.Agencies.AsNoTracking().SingleAsync()).SignatoryName);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Action == "agency.changed").ToListAsync(),
            a => a.ActorName == "admin@uji.test" && a.Details!.Contains("Kepala Uji", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Fields(string name, string regency, string signatory = "") => new()
    {
        ["Input.Name"] = name,
        ["Input.RegencyCode"] = regency,
        ["Input.Address"] = "Jl. Uji No. 1",
        ["Input.SignatoryName"] = signatory,
    };
}
