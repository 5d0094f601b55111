using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Applications;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Shared;

/// <summary>The app for the input tests: no rate limits (every case posts from one address), programs read afresh.</summary>
public sealed class InputLimitsApp : TunasFactory
{
    public InputLimitsApp()
    {
        Settings["RateLimiting:Enabled"] = "false";
        Settings["Applications:ProgramCacheSeconds"] = "0";
    }
}

/// <summary>
/// Every free-text field of every API input has a length limit: an over-long value is refused with 400 naming the
/// field, in Indonesian, and nothing is stored. A new input with free text adds its fields to <see cref="Fields"/>.
/// </summary>
public sealed class InputLimitsTests(InputLimitsApp app) : IClassFixture<InputLimitsApp>
{
    private static readonly string Long = "Panjang " + new string('a', 100_000);

    /// <summary>(input, field): the input names a request below, the field is the one made too long.</summary>
    public static TheoryData<string, string> Fields() => new()
    {
        { "user", "email" }, { "user", "fullName" }, { "user", "password" },
        { "person", "fullName" }, { "person", "birthPlace" }, { "person", "address" }, { "person", "occupation" }, { "person", "welfareSource" },
        { "person-update", "fullName" }, { "person-update", "address" },
        { "program", "name" }, { "program", "description" },
        { "track", "name" }, { "track", "description" }, { "track", "modules[0].name" },
        { "provider", "name" }, { "provider", "address" }, { "provider", "contactName" }, { "provider", "contactEmail" },
        { "application", "fullName" }, { "application", "motivation" },
        { "public-application", "fullName" }, { "public-application", "motivation" },
        { "withdrawal", "reason" }, { "appeal-answer", "answer" }, { "public-appeal", "text" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task AnOverLongValueIsRefusedNamingTheFieldAndNothingIsStored(string input, string field)
    {
        var (role, url, body, put) = await RequestAsync(input, field);
        var client = role is null ? app.CreateClient() : await app.ApiClientAsync(role);
        var before = await CountsAsync();

        var response = put ? await client.PutAsJsonAsync(url, body) : await client.PostAsJsonAsync(url, body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{input}.{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains("paling banyak", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AProviderStaffBoundToAProviderThatDoesNotExistIsRefused()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var before = await CountsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/users",
            new { email = "lpk.hantu@uji.test", password = "kata-sandi-99", role = "ProviderStaff", providerId = 987_654 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("providerId").EnumerateArray()).GetString();
        Assert.Equal("Lembaga pelatihan nomor 987654 tidak ada; lihat daftar lembaga pelatihan.", message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AProviderStaffBoundToAnExistingProviderIsCreatedAndTheNameStaysOptional()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var provider = await officer.PostAsJsonAsync("/api/v1/providers", new { name = "LPK Nyata", type = "lpk", capacity = 30 });
        var providerId = (await provider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var client = await app.ApiClientAsync(Roles.Administrator);

        var response = await client.PostAsJsonAsync("/api/v1/users",
            new { email = "lpk.nyata@uji.test", password = "kata-sandi-99", role = "ProviderStaff", providerId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<(string? Role, string Url, object Body, bool Put)> RequestAsync(string input, string field)
    {
        switch (input)
        {
            case "user":
                return (Roles.Administrator, "/api/v1/users", With(new()
                {
                    ["email"] = "panjang@uji.test",
                    ["password"] = "kata-sandi-99",
                    ["role"] = "Facilitator",
                }, field, field == "email" ? Long + "@uji.test" : Long + "9"), false);
            case "person":
                return (Roles.ProgramOfficer, "/api/v1/persons", With(Person(Applicants.NewPerson()), field, Long), false);
            case "person-update":
                {
                    var person = Applicants.NewPerson();
                    var client = await app.ApiClientAsync(Roles.ProgramOfficer);
                    var created = await client.PostAsJsonAsync("/api/v1/persons", Person(person));
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                    var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                    return (Roles.ProgramOfficer, $"/api/v1/persons/{id}", With(Person(person), field, Long), true);
                }
            case "program":
                return (Roles.ProgramOfficer, "/api/v1/programs", With(new()
                {
                    ["name"] = "Pelatihan Panjang",
                    ["year"] = 2030,
                    ["budget"] = 150_000_000L,
                    ["registrationOpens"] = "2030-10-01",
                    ["registrationCloses"] = "2030-10-15",
                    ["targetSize"] = 80,
                }, field, Long), false);
            case "track":
                {
                    var program = await Applicants.ProgramAsync(app);
                    var body = new Dictionary<string, object?> { ["name"] = "Batik", ["description"] = "Membatik tulis" };
                    body["modules"] = new[] { new { name = field == "modules[0].name" ? Long : "Praktik", kind = "Craft", hours = 10 } };
                    return (Roles.ProgramOfficer, $"/api/v1/programs/{program.Id}/tracks", field.StartsWith("modules", StringComparison.Ordinal) ? body : With(body, field, Long), false);
                }
            case "provider":
                return (Roles.ProgramOfficer, "/api/v1/providers", With(new()
                {
                    ["name"] = "LPK Panjang",
                    ["type"] = "lpk",
                    ["capacity"] = 30,
                }, field, field == "contactEmail" ? Long + "@uji.test" : Long), false);
            case "application" or "public-application":
                {
                    var program = await Applicants.ProgramAsync(app);
                    var body = With(Applicants.Body(program, Applicants.NewPerson()), field, Long);
                    return input == "application"
                        ? (Roles.ProgramOfficer, $"/api/v1/programs/{program.Id}/applications", body, false)
                        : (null, "/api/v1/public/applications", body, false);
                }
            case "withdrawal":
                return (Roles.ProgramOfficer, "/api/v1/programs/1/applications/1/withdraw", new { reason = Long }, false);
            case "appeal-answer":
                return (Roles.ProgramOfficer, "/api/v1/programs/1/appeals/1/answer", new { upheld = false, answer = Long }, false);
            case "public-appeal":
                return (null, "/api/v1/public/appeals", new { registrationNumber = "TNS-2030-000001", birthDate = "1990-01-01", text = Long }, false);
            default:
                throw new ArgumentOutOfRangeException(nameof(input), input, null);
        }
    }

    private static Dictionary<string, object?> Person(Applicants.Person p) => new()
    {
        ["nik"] = p.Nik,
        ["fullName"] = p.Name,
        ["villageCode"] = Applicants.Kauman,
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, string value)
    {
        body[field] = value;
        return body;
    }

    /// <summary>The rows of every table an input writes to (the audit too: a refusal writes nothing).</summary>
    private async Task<long[]> CountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return
        [
            await db.Users.LongCountAsync(), await db.Persons.LongCountAsync(), await db.Programs.LongCountAsync(),
            await db.Tracks.LongCountAsync(), await db.Providers.LongCountAsync(), await db.Applications.LongCountAsync(),
            await db.Appeals.LongCountAsync(), await db.AuditEntries.LongCountAsync(),
        ];
    }
}
