using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Participants;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses.Catalogue;

/// <summary>The steps the catalogue tests share: a business with its owner's client, a product, a curation.</summary>
internal static class CatalogueSteps
{
    public static object Product(string name, decimal min = 15000, decimal max = 20000) =>
        new { name, description = "Kue basah isi 10, dibuat pagi hari.", priceMin = min, priceMax = max, unit = "kotak" };

    /// <summary>
    /// A business (category makanan, consenting, active) and a bearer client of its owner; one for her pages does not
    /// follow redirects itself, since a followed redirect drops the bearer token.
    /// </summary>
    public static async Task<(long BusinessId, HttpClient Owner)> OwnedBusinessAsync(BusinessApp app, bool followRedirects = true)
    {
        var (person, _) = await app.ParticipantAsync();
        var id = await app.BusinessAsync(owners: person);
        return (id, await OwnerClientAsync(app, person, followRedirects));
    }

    public static async Task<HttpClient> OwnerClientAsync(BusinessApp app, long personId, bool followRedirects = true)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var participant = await (
            from p in db.Set<CohortParticipant>()
            join a in db.Applications on p.ApplicationId equals a.Id
            where a.PersonId == personId
            select p).FirstAsync();
        var user = await scope.ServiceProvider.GetRequiredService<ParticipantAccounts>().EnsureAsync(participant);
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var (token, _) = scope.ServiceProvider.GetRequiredService<TokenIssuer>().Issue(principal);
        var client = app.CreateClient(new() { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public static async Task<long> AddProductAsync(HttpClient client, long businessId, string name)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/businesses/{businessId}/products", Product(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task CurateAsync(BusinessApp app, long businessId, long productId, string status, string? note = null)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PutAsJsonAsync($"/api/v1/businesses/{businessId}/products/{productId}/curation", new { status, note });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The public catalogue's product ids for a search.</summary>
    public static async Task<List<long>> PublicAsync(BusinessApp app, string q)
    {
        var page = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/catalog?q={Uri.EscapeDataString(q)}");
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetInt64())];
    }

    public static async Task SetAsync(BusinessApp app, long businessId, Action<Business> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        change(await db.Set<Business>().SingleAsync(b => b.Id == businessId));
        await db.SaveChangesAsync();
    }
}
