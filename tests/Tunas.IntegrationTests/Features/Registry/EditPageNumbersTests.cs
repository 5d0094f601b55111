using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

/// <summary>Finding 9 of issue 10: the edit page showed the full No. KK unaudited, where the details page masks it.</summary>
[Collection(SharedApp.Name)]
public sealed class EditPageNumbersTests(TunasFactory app)
{
    [Fact]
    public async Task TheEditPageMasksTheFamilyCardUntilShowIsPostedAndThatViewIsAudited()
    {
        var id = await Residents.CreateAsync(app, "3572034107880931", "Kartini Edit", kk: "3572030101200931");
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var before = await Residents.PageAsync(client, $"/Registry/Edit/{id}");
        Assert.DoesNotContain("3572030101200931", before, StringComparison.Ordinal);
        Assert.Contains("3572••••••••0931", before, StringComparison.Ordinal);
        Assert.Empty(await ViewsAsync(id));

        var response = await client.PostAsync($"/Registry/Edit/{id}?handler=ShowFamilyCard",
            await TunasFactory.FormAsync(client, $"/Registry/Edit/{id}", []));

        var html = await Residents.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"3572030101200931\"", html, StringComparison.Ordinal);
        Residents.AssertNoNikInLinks(html, "3572030101200931");
        var entry = Assert.Single(await ViewsAsync(id));
        Assert.Equal(TunasFactory.EmailOf(Roles.VillageOperator), entry.ActorName);
        Assert.Contains("\"edit\"", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditThatLeavesTheMaskedFamilyCardEmptyKeepsIt()
    {
        var id = await Residents.CreateAsync(app, "3572034107880932", "Kartini Tetap", kk: "3572030101200932");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync($"/Registry/Edit/{id}", await TunasFactory.FormAsync(client, $"/Registry/Edit/{id}",
            Residents.Form("", "Kartini Tetap", decile: "1")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("3572030101200932", await FamilyCardAsync(id));
    }

    [Fact]
    public async Task OnceShownTheFamilyCardCanBeCleared()
    {
        var id = await Residents.CreateAsync(app, "3572034107880933", "Kartini Hapus", kk: "3572030101200933");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var form = Residents.Form("", "Kartini Hapus");
        form["FamilyCardShown"] = "true";

        var response = await client.PostAsync($"/Registry/Edit/{id}", await TunasFactory.FormAsync(client, $"/Registry/Edit/{id}", form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await FamilyCardAsync(id));
    }

    private async Task<List<AuditEntry>> ViewsAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        var key = id.ToString(CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == key && a.Action == "person.nik-viewed").ToListAsync();
    }

    private async Task<string?> FamilyCardAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.AsNoTracking()
            .Where(p => p.Id == id).Select(p => p.FamilyCardNumber).SingleAsync();
    }
}
