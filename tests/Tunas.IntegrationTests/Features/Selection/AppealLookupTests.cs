using System.Net;
using System.Net.Http.Json;
using Tunas.IntegrationTests.Features.Applications;
using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.IntegrationTests.Features.Selection;

/// <summary>
/// The public lookups by registration number and birth date check their input before the lookup: an answer that
/// differs for a right birth date would find one in a few hundred guesses.
/// </summary>
[Collection(ApplicationsAppGroup.Name)]
public sealed class AppealLookupTests(ApplicationsApp app)
{
    private async Task<(string Number, Applicants.Person Person)> ApplicationAsync()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        return (await Applicants.NumberAsync(await Applicants.ApplyAsync(app.CreateClient(), Applicants.Body(program, person))), person);
    }

    /// <summary>The answer without its trace id, which differs for every request.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        json.Remove("traceId");
        return $"{(int)response.StatusCode} {json.ToJsonString()}";
    }

    [Fact]
    public async Task AnAppealWithoutAReasonIsAnsweredAlikeForARightAndAWrongBirthDate()
    {
        var (number, person) = await ApplicationAsync();
        using var client = app.CreateClient();

        var right = await client.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = number, birthDate = person.BirthIso, text = "salah" });
        var wrongBirth = await client.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = number, birthDate = "1950-01-01", text = "salah" });
        var wrongNumber = await client.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = "TNS-0000-0001", birthDate = person.BirthIso, text = "" });

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongBirth.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongNumber.StatusCode);
        var body = await AnswerAsync(right);
        Assert.Contains("Tuliskan alasan sanggahan", body, StringComparison.Ordinal);
        Assert.Equal(body, await AnswerAsync(wrongBirth));
        Assert.Equal(body, await AnswerAsync(wrongNumber));
    }

    [Fact]
    public async Task AWrongNumberAndAWrongBirthDateGetTheSameAnswer()
    {
        var (number, person) = await ApplicationAsync();
        using var client = app.CreateClient();
        const string text = "Data desil saya sudah diperbarui kelurahan.";

        var wrongBirth = await client.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = number, birthDate = "1950-01-01", text });
        var wrongNumber = await client.PostAsJsonAsync("/api/v1/public/appeals", new { registrationNumber = "TNS-0000-0001", birthDate = person.BirthIso, text });
        var statusWrongBirth = await client.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = number, birthDate = "1950-01-01" });
        var statusWrongNumber = await client.PostAsJsonAsync("/api/v1/public/applications/status", new { registrationNumber = "TNS-0000-0001", birthDate = person.BirthIso });

        Assert.Equal(HttpStatusCode.NotFound, wrongBirth.StatusCode);
        Assert.Equal(await AnswerAsync(wrongBirth), await AnswerAsync(wrongNumber));
        Assert.Equal(HttpStatusCode.NotFound, statusWrongBirth.StatusCode);
        Assert.Equal(await AnswerAsync(statusWrongBirth), await AnswerAsync(statusWrongNumber));
    }

    [Fact]
    public async Task TheAppealPageAsksForTheReasonBeforeLookingUpTheNumber()
    {
        var (number, person) = await ApplicationAsync();
        var client = await app.PageClientAsync(null);

        async Task<string> PostAsync(string birth) => await Applicants.TextAsync(await client.PostAsync("/Appeal", await TunasFactory.FormAsync(client, "/Appeal", new()
        {
            ["RegistrationNumber"] = number,
            ["BirthDate"] = birth,
            ["Text"] = "salah",
        })));

        var right = await PostAsync(person.Birth.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        var wrong = await PostAsync("01/01/1950");

        Assert.Contains("Tuliskan alasan sanggahan", right, StringComparison.Ordinal);
        Assert.Contains("Tuliskan alasan sanggahan", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("Tidak ada pendaftaran", wrong, StringComparison.Ordinal);
    }
}
