using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>
/// Applying in someone else's name (decision 0016): the NIK and the birth date it spells are no proof; the No. KK
/// and the phone on record are, and the answer never tells whether the NIK is in the registry.
/// </summary>
[Collection(ApplicationsAppGroup.Name)]
public sealed class IdentityClaimTests(ApplicationsApp app)
{
    private const string PhoneOnRecord = "+6281234567890";
    private const string AttackersPhone = "0813-9999-0000";

    private async Task<Applicants.Person> ResidentAsync()
    {
        var person = Applicants.NewPerson();
        await Applicants.RegisterAsync(app, person, desil: 1, familyCard: person.FamilyCard, phone: PhoneOnRecord);
        return person;
    }

    private static Dictionary<string, object?> Claim(Applicants.Program program, Applicants.Person person, string? familyCard = null, string phone = AttackersPhone)
    {
        var body = Applicants.Body(program, person);
        body["familyCardNumber"] = familyCard ?? Applicants.NewPerson().FamilyCard;
        body["phone"] = phone;
        return body;
    }

    /// <summary>Applies, with the answer kept in memory: the tests read it more than once.</summary>
    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, object body)
    {
        var response = await Applicants.ApplyAsync(client, body);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string> NumberAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.Created)
    {
        Assert.Equal(expected, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("registrationNumber").GetString()!;
    }

    /// <summary>The answer as its sender sees it, the number aside: status code, status and every check.</summary>
    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        var checks = json.GetProperty("checks").EnumerateArray().Select(c => $"{c.GetProperty("code").GetString()}:{c.GetProperty("passed").GetBoolean()}:{c.GetProperty("message").GetString()}");
        return $"{(int)response.StatusCode} {json.GetProperty("status").GetString()} {string.Join("|", checks)}";
    }

    private async Task<Application> ApplicationAsync(string number)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Applications.AsNoTracking().SingleAsync(a => a.RegistrationNumber == number);
    }

    [Fact]
    public async Task AKnownNikWithAnotherKkIsHeldAndAnsweredLikeANewPerson()
    {
        var program = await Applicants.ProgramAsync(app);
        var resident = await ResidentAsync();
        var stranger = Applicants.NewPerson();
        var client = app.CreateClient();

        var claimed = await ApplyAsync(client, Claim(program, resident));
        var unknown = await ApplyAsync(client, Claim(program, stranger));

        Assert.Equal(await ShapeAsync(unknown), await ShapeAsync(claimed));
        var held = await ApplicationAsync(await NumberAsync(claimed));
        Assert.Equal(ApplicationStatus.Held, held.Status);
        Assert.Null(held.Phone);
        Assert.Equal("+6281399990000", held.UnverifiedPhone);
        Assert.DoesNotContain("desil", held.ChecksJson, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await Applicants.PersonsWithAsync(app, resident.Nik));
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        var list = await officer.GetStringAsync($"/Applications?programId={program.Id}");
        var row = list[list.IndexOf($"data-application=\"{held.RegistrationNumber}\"", StringComparison.Ordinal)..];
        Assert.Contains("data-testid=\"held\"", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepeatNeverRevealsTheOwnersNumberButTheOwnerGetsTheirsAgain()
    {
        var program = await Applicants.ProgramAsync(app);
        var resident = await ResidentAsync();
        var client = app.CreateClient();
        var owners = await NumberAsync(await ApplyAsync(client, Applicants.Body(program, resident)));

        var wrongKk = await ApplyAsync(client, Claim(program, resident));
        var rightKkOtherPhone = await ApplyAsync(client, Claim(program, resident, familyCard: resident.FamilyCard, phone: "0813-7777-0000"));
        var ownerAgain = await ApplyAsync(client, Applicants.Body(program, resident, track: 2, second: null));

        var first = await NumberAsync(wrongKk);
        var second = await NumberAsync(rightKkOtherPhone);
        Assert.NotEqual(owners, first);
        Assert.NotEqual(owners, second);
        Assert.DoesNotContain(PhoneOnRecord, await wrongKk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(owners, await NumberAsync(ownerAgain, HttpStatusCode.OK));
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync(owners)).Status);
        Assert.Equal(ApplicationStatus.Held, (await ApplicationAsync(second)).Status);
    }

    [Fact]
    public async Task TheSenderOfAHeldApplicationGetsTheirOwnNumberAgainLikeAnyRepeat()
    {
        var program = await Applicants.ProgramAsync(app);
        var resident = await ResidentAsync();
        var client = app.CreateClient();
        var kk = Applicants.NewPerson().FamilyCard;

        var first = await NumberAsync(await ApplyAsync(client, Claim(program, resident, familyCard: kk)));
        var again = await ApplyAsync(client, Claim(program, resident, familyCard: kk));

        Assert.Equal(first, await NumberAsync(again, HttpStatusCode.OK));
        Assert.Equal("submitted", (await JsonAsync(again)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnotherPhoneWithTheRightKkIsKeptAsideAndMessagesGoToThePhoneOnRecord()
    {
        var program = await Applicants.ProgramAsync(app);
        var resident = await ResidentAsync();
        var client = app.CreateClient();

        var number = await NumberAsync(await ApplyAsync(client, Claim(program, resident, familyCard: resident.FamilyCard)));
        var ownerAfter = await ApplyAsync(client, Applicants.Body(program, resident));

        var stored = await ApplicationAsync(number);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Equal(PhoneOnRecord, stored.Phone);
        Assert.Equal("+6281399990000", stored.UnverifiedPhone);
        // The owner's own application, made for them: theirs to see.
        Assert.Equal(number, await NumberAsync(ownerAfter, HttpStatusCode.OK));
    }

    [Fact]
    public async Task AHeldApplicationShowsAsSubmittedOnTheStatusLookup()
    {
        var program = await Applicants.ProgramAsync(app);
        var resident = await ResidentAsync();
        var client = app.CreateClient();
        var number = await NumberAsync(await ApplyAsync(client, Claim(program, resident)));

        var status = await client.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = number, birthDate = resident.BirthIso });

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("submitted", (await JsonAsync(status)).GetProperty("status").GetString());
    }
}
