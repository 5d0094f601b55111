using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

/// <summary>The staff's home: what waits, per kelurahan; an operator's own kelurahan only; Leadership counts without lists.</summary>
[Collection(SharedApp.Name)]
public sealed partial class DeskTests(TunasFactory app)
{
    private async Task SelfRegisteredAsync(string nik, string village)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsJsonAsync("/api/v1/persons", new { nik, fullName = "Warga Daftar Sendiri", sex = "F", birthDate = "1990-07-01", villageCode = village });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.Where(p => p.Nik == nik)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Origin, PersonOrigin.SelfRegistered).SetProperty(p => p.Verified, false));
    }

    private static int Total(string html, string key)
    {
        var match = Regex.Match(html, $"data-todo=\"{key}\" data-total=\"([0-9]+)\"");
        Assert.True(match.Success, "no to-do " + key);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<int> ToVerifyAsync(string? village)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons
            .CountAsync(p => !p.Verified && p.Origin == PersonOrigin.SelfRegistered && (village == null || p.VillageCode == village));
    }

    [Fact]
    public async Task StaffLandOnTheirHomeAfterSignIn()
    {
        var client = await app.PageClientAsync(null);
        var response = await client.PostAsync("/Account/Login", await TunasFactory.FormAsync(client, "/Account/Login", new()
        {
            ["Input.Email"] = TunasFactory.EmailOf(Roles.ProgramOfficer),
            ["Input.Password"] = TunasFactory.Password,
        }));

        Assert.Equal("/Beranda", response.Headers.Location?.OriginalString);
        Assert.Contains("href=\"/Beranda\"", await client.GetStringAsync("/Beranda"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerSeesWhatWaitsPerKelurahanAndAnOperatorOnlyTheirOwn()
    {
        await SelfRegisteredAsync("3572014107900301", "35.72.01.1003");
        await SelfRegisteredAsync("3572014107900302", TunasFactory.OperatorVillage);

        var officer = await (await app.PageClientAsync(Roles.ProgramOfficer)).GetStringAsync("/Beranda");
        var op = await (await app.PageClientAsync(Roles.VillageOperator)).GetStringAsync("/Beranda");

        Assert.Equal(await ToVerifyAsync(null), Total(officer, "to-verify"));
        Assert.Equal(await ToVerifyAsync(TunasFactory.OperatorVillage), Total(op, "to-verify"));
        Assert.True(Total(officer, "to-verify") > Total(op, "to-verify"));
        Assert.Contains("href=\"/Registry/Verify\"", officer, StringComparison.Ordinal);
        Assert.Contains("href=\"/Applications/Held\"", officer, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Registry/Verify\"", op, StringComparison.Ordinal);
        foreach (var key in new[] { "messages", "appeals", "held-persons", "held-applications", "imports" })
        {
            Total(officer, key);
        }
        foreach (var key in new[] { "messages", "appeals", "imports" })
        {
            Total(op, key);
        }
        Assert.DoesNotContain("data-todo=\"held-persons\"", op, StringComparison.Ordinal);
        Assert.DoesNotContain("data-todo=\"held-applications\"", op, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadershipSeesCountsButNoListToOpen()
    {
        await SelfRegisteredAsync("3572014107900303", "35.72.01.1003");

        var html = await (await app.PageClientAsync(Roles.Leadership)).GetStringAsync("/Beranda");

        Assert.True(Total(html, "to-verify") >= 1);
        Assert.DoesNotContain("href=\"/Registry/Verify\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Warga Daftar Sendiri", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RolesWithoutSuchWorkSeeAnEmptyDesk()
    {
        var html = await (await app.PageClientAsync(Roles.ProviderStaff)).GetStringAsync("/Beranda");

        Assert.Contains("data-testid=\"desk-empty\"", html, StringComparison.Ordinal);
    }
}
