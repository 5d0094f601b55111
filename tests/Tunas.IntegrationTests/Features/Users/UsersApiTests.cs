using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Users;

[Collection(SharedApp.Name)]
public sealed class UsersApiTests(TunasFactory app)
{
    public static TheoryData<string> RolesOtherThanAdministrator() => [.. Roles.All.Where(r => r != Roles.Administrator)];

    [Fact]
    public async Task AnAdministratorCreatesAKelurahanOperatorAndSeesItInTheList()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);

        var response = await client.PostAsJsonAsync("/api/v1/users", new
        {
            email = "operator.sentul@uji.test",
            password = "kata-sandi-99",
            role = "VillageOperator",
            villageCode = "35.72.01.1003",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var users = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/users");
        var created = Assert.Single(users!, u => u.GetProperty("id").GetString() == id);
        Assert.Equal("VillageOperator", created.GetProperty("role").GetString());
        Assert.Equal("35.72.01.1003", created.GetProperty("villageCode").GetString());
    }

    [Fact]
    public async Task ANewUserCanSignInWithTheGivenPassword()
    {
        var admin = await app.ApiClientAsync(Roles.Administrator);
        await admin.PostAsJsonAsync("/api/v1/users", new { email = "pimpinan2@uji.test", password = "kata-sandi-99", role = "Leadership" });

        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "pimpinan2@uji.test", password = "kata-sandi-99" });

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RolesOtherThanAdministrator))]
    public async Task OnlyAnAdministratorListsUsers(string role)
    {
        var client = await app.ApiClientAsync(role);

        var response = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RolesOtherThanAdministrator))]
    public async Task OnlyAnAdministratorCreatesUsers(string role)
    {
        var client = await app.ApiClientAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/users", new { email = $"x-{role}@uji.test", password = "kata-sandi-99", role = "Administrator" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var admin = await app.ApiClientAsync(Roles.Administrator);
        var users = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users");
        Assert.DoesNotContain(users!, u => u.GetProperty("email").GetString() == $"x-{role}@uji.test");
    }

    [Fact]
    public async Task AnonymousCallersGetUnauthorizedNotARedirect()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"email\":\"a1@uji.test\",\"password\":\"kata-sandi-99\",\"role\":\"Raja\"}", "role", "Pilih peran")]
    [InlineData("{\"email\":\"a2@uji.test\",\"password\":\"kata-sandi-99\",\"role\":\"VillageOperator\"}", "villageCode", "Operator kelurahan harus punya kelurahan/desa.")]
    [InlineData("{\"email\":\"a3@uji.test\",\"password\":\"kata-sandi-99\",\"role\":\"VillageOperator\",\"villageCode\":\"35.72.01\"}", "villageCode", "bukan kode kelurahan/desa")]
    [InlineData("{\"email\":\"a4@uji.test\",\"password\":\"kata-sandi-99\",\"role\":\"VillageOperator\",\"villageCode\":\"35.73.01.1001\"}", "villageCode", "di luar kabupaten/kota instansi")]
    [InlineData("{\"email\":\"a5@uji.test\",\"password\":\"pendek1\",\"role\":\"Facilitator\"}", "password", "Kata sandi minimal 10 karakter.")]
    [InlineData("{\"email\":\"a6@uji.test\",\"password\":\"tanpaangkasama\",\"role\":\"Facilitator\"}", "password", "Kata sandi harus mengandung angka (0-9).")]
    [InlineData("{\"email\":\"admin@uji.test\",\"password\":\"kata-sandi-99\",\"role\":\"Facilitator\"}", "email", "sudah dipakai pengguna lain")]
    [InlineData("{\"password\":\"kata-sandi-99\",\"role\":\"Facilitator\"}", "email", "Isi alamat e-mail.")]
    public async Task BadInputIsRefusedWithAnIndonesianMessageAndNothingStored(string json, string field, string message)
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var before = (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/users"))!.Count;

        var response = await client.PostAsync("/api/v1/users", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/users"))!.Count);
    }

    [Fact]
    public async Task CreatingAUserIsAudited()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);

        var response = await client.PostAsJsonAsync("/api/v1/users", new { email = "audit@uji.test", password = "kata-sandi-99", role = "ProgramOfficer" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Tunas.Web.Data.TunasDb>();
        var entry = Assert.Single(db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityId == id));
        Assert.Equal("user.created", entry.Action);
        Assert.Equal("admin@uji.test", entry.ActorName);
    }
}
