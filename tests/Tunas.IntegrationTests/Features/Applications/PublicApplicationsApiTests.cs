using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

[Collection(ApplicationsAppGroup.Name)]
public sealed partial class PublicApplicationsApiTests(ApplicationsApp app)
{
    [Fact]
    public async Task AnUnknownPersonGetsANumberAndIsAddedToTheRegistryAsSelfRegistered()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var client = app.CreateClient();

        var response = await Applicants.ApplyAsync(client, Applicants.Body(program, person));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Applicants.JsonAsync(response);
        var number = body.GetProperty("registrationNumber").GetString()!;
        Assert.Matches(NumberPattern(), number);
        Assert.Equal("submitted", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c);
        Assert.True(checks["nik"].GetProperty("passed").GetBoolean());
        Assert.Equal("NIK valid.", checks["nik"].GetProperty("message").GetString());
        Assert.True(checks["birth-date"].GetProperty("passed").GetBoolean());
        Assert.True(checks["domicile"].GetProperty("passed").GetBoolean());
        Assert.Contains("blitar", checks["domicile"].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        // Whether the NIK is in the registry, and its desil, are no business of whoever sends it (decision 0016).
        Assert.False(checks.ContainsKey("registry"));
        Assert.False(checks.ContainsKey("desil"));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var stored = await db.Persons.AsNoTracking().Include(p => p.Household).SingleAsync(p => p.Nik == person.Nik);
        Assert.Equal(PersonOrigin.SelfRegistered, stored.Origin);
        Assert.False(stored.Verified);
        Assert.Equal(person.Name, stored.FullName);
        Assert.Equal(person.Birth, stored.BirthDate);
        Assert.Equal(Applicants.Kauman, stored.VillageCode);
        Assert.Equal("+6281234567890", stored.Phone);
        Assert.Equal(person.FamilyCard, stored.Household!.FamilyCardNumber);
        Assert.True(await db.PersonNameTokens.AnyAsync(t => t.PersonId == stored.Id));
        Assert.All(await db.PersonNameTokens.AsNoTracking().Where(t => t.PersonId == stored.Id).ToListAsync(), t => Assert.Equal(stored.NameKey, t.NameKey));
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.RegistrationNumber == number);
        Assert.Equal(stored.Id, application.PersonId);
        Assert.Equal(program.Id, application.ProgramId);
        Assert.Equal(program.Tracks[0], application.FirstTrackId);
        Assert.Equal(program.Tracks[1], application.SecondTrackId);
        Assert.True(application.Consent);
        Assert.StartsWith("Tunas memakai NIK, nomor KK", application.ConsentPurpose, StringComparison.Ordinal);
        Assert.Equal(ApplicationChannel.Public, application.Channel);
        Assert.Null(application.EnteredById);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.DoesNotContain("\"code\":\"registry\"", application.ChecksJson, StringComparison.Ordinal);
        Assert.True((DateTime.UtcNow - application.SubmittedAt).Duration() < TimeSpan.FromMinutes(5));
        var personId = stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var applicationId = application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "Person" && a.EntityId == personId) || (a.EntityType == "Application" && a.EntityId == applicationId))
            .Select(a => a.Action).ToListAsync();
        Assert.Contains("person.created", audit);
        Assert.Contains("application.submitted", audit);
    }

    [Fact]
    public async Task TheSamePersonAgainGetsTheSameNumberWith200()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var client = app.CreateClient();
        var first = await Applicants.NumberAsync(await Applicants.ApplyAsync(client, Applicants.Body(program, person)));

        var again = await Applicants.ApplyAsync(client, Applicants.Body(program, person, track: 2, second: null));

        Assert.Equal(first, await Applicants.NumberAsync(again, HttpStatusCode.OK));
        Assert.Equal(1, await Applicants.ApplicationsOfAsync(app, person.Nik));
        Assert.Equal(1, await Applicants.PersonsWithAsync(app, person.Nik));
    }

    [Fact]
    public async Task ThePersonAppliesToAnotherProgramWithAnotherNumber()
    {
        var one = await Applicants.ProgramAsync(app);
        var two = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var client = app.CreateClient();

        var a = await Applicants.NumberAsync(await Applicants.ApplyAsync(client, Applicants.Body(one, person)));
        var b = await Applicants.NumberAsync(await Applicants.ApplyAsync(client, Applicants.Body(two, person)));

        Assert.NotEqual(a, b);
        Assert.Equal(2, await Applicants.ApplicationsOfAsync(app, person.Nik));
        Assert.Equal(1, await Applicants.PersonsWithAsync(app, person.Nik));
    }

    [Fact]
    public async Task APersonOfTheRegistryIsFoundAndNotAddedAgainAndTheAnswerSaysNothingOfIt()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var id = await Applicants.RegisterAsync(app, person, desil: 2, familyCard: person.FamilyCard);

        var response = await Applicants.ApplyAsync(app.CreateClient(), Applicants.Body(program, person));

        var checks = (await Applicants.JsonAsync(response)).GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(checks.ContainsKey("registry"));
        Assert.False(checks.ContainsKey("desil"));
        Assert.Equal(1, await Applicants.PersonsWithAsync(app, person.Nik));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal(id, (await db.Applications.AsNoTracking().SingleAsync(a => a.ProgramId == program.Id)).PersonId);
    }

    [Fact]
    public async Task WithoutConsentNothingIsStoredAndTheAnswerSaysWhy()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var body = Applicants.Body(program, person);
        body["consent"] = false;

        var response = await Applicants.ApplyAsync(app.CreateClient(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Applicants.JsonAsync(response)).GetProperty("errors");
        Assert.Equal("Persetujuan Anda diperlukan: centang kotak untuk menyetujui penggunaan data Anda sesuai keperluan yang disebutkan.",
            errors.GetProperty("consent")[0].GetString());
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, person.Nik));
        Assert.Equal(0, await Applicants.ApplicationsOfAsync(app, person.Nik));
    }

    public static TheoryData<string, string, string> BadFields() => new()
    {
        { "nik", "35720141079", "NIK harus 16 digit" },
        { "nik", "3572019913900001", "" },
        { "nik", "", "NIK wajib diisi." },
        { "familyCardNumber", "", "" },
        { "familyCardNumber", "12345", "" },
        { "fullName", "", "Isi nama lengkap." },
        { "fullName", "12345", "" },
        { "birthDate", "", "Isi tanggal lahir." },
        { "birthDate", "kemarin", "" },
        { "birthDate", "1960-01-01", "tidak sama dengan NIK" },
        { "villageCode", "", "" },
        { "villageCode", "99.99.99.9999", "" },
        { "phone", "", "Isi nomor WhatsApp." },
        { "phone", "telepon saya", "" },
        { "firstTrackId", "", "Pilih kejuruan yang paling Anda inginkan." },
        { "firstTrackId", "other-program", "Kejuruan ini tidak termasuk dalam program." },
        { "secondTrackId", "same", "Pilihan kedua harus kejuruan yang berbeda dari pilihan pertama." },
        { "motivation", "long", "Motivasi paling banyak 1000 karakter." },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task EveryBadFieldIsAnIndonesianFieldErrorAndNothingIsStored(string field, string value, string expected)
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var body = Applicants.Body(program, person);
        body[field] = value switch
        {
            "" => null,
            "other-program" => (await Applicants.ProgramAsync(app)).Tracks[0],
            "same" => program.Tracks[0],
            "long" => new string('a', 1001),
            _ => value,
        };

        var response = await Applicants.ApplyAsync(app.CreateClient(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Applicants.JsonAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains(expected, messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, person.Nik));
        Assert.Equal(0, await Applicants.ApplicationsOfAsync(app, person.Nik));
    }

    [Fact]
    public async Task ANikTypedAsAJsonNumberIsRefused()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var body = Applicants.Body(program, person);
        body["nik"] = long.Parse(person.Nik, System.Globalization.CultureInfo.InvariantCulture);

        var response = await Applicants.ApplyAsync(app.CreateClient(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, person.Nik));
    }

    [Fact]
    public async Task AClosedOrNotYetOpenProgramSaysWhenAndStoresNothing()
    {
        var today = TimeProvider.System.TodayInIndonesia();
        var closed = await Applicants.ProgramAsync(app, opens: today.AddDays(-30), closes: today.AddDays(-1));
        var later = await Applicants.ProgramAsync(app, opens: today.AddDays(2), closes: today.AddDays(20));
        var archived = await Applicants.ProgramAsync(app, status: ProgramStatus.Archived);
        var person = Applicants.NewPerson();
        var client = app.CreateClient();

        var toClosed = await Applicants.ApplyAsync(client, Applicants.Body(closed, person));
        var toLater = await Applicants.ApplyAsync(client, Applicants.Body(later, person));
        var toArchived = await Applicants.ApplyAsync(client, Applicants.Body(archived, person));

        Assert.Equal(HttpStatusCode.BadRequest, toClosed.StatusCode);
        Assert.Contains("sudah ditutup pada " + today.AddDays(-1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            (await Applicants.JsonAsync(toClosed)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, toLater.StatusCode);
        Assert.Contains("dibuka pada " + today.AddDays(2).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            (await Applicants.JsonAsync(toLater)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, toArchived.StatusCode);
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, person.Nik));
    }

    [Fact]
    public async Task AnUnknownOrDraftProgramIsNotFound()
    {
        var draft = await Applicants.ProgramAsync(app, status: ProgramStatus.Draft);
        var person = Applicants.NewPerson();
        var client = app.CreateClient();
        var unknown = Applicants.Body(draft, person);
        unknown["programId"] = 987_654;

        var toDraft = await Applicants.ApplyAsync(client, Applicants.Body(draft, person));
        var toUnknown = await Applicants.ApplyAsync(client, unknown);

        Assert.Equal(HttpStatusCode.NotFound, toDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, toUnknown.StatusCode);
        Assert.Equal("Program pelatihan ini tidak ada atau tidak dibuka untuk umum.", (await Applicants.JsonAsync(toUnknown)).GetProperty("title").GetString());
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, person.Nik));
    }

    [Fact]
    public async Task ADomicileOutsideTheProgramsCityIsAWarningNotARefusal()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();

        var response = await Applicants.ApplyAsync(app.CreateClient(), Applicants.Body(program, person, village: "35.05.01.2001"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var domicile = (await Applicants.JsonAsync(response)).GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "domicile");
        Assert.False(domicile.GetProperty("passed").GetBoolean());
        Assert.Contains("Jaten (35.05.01.2001)", domicile.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManChoosingATrackForWomenOnlyIsWarned()
    {
        var program = await Applicants.ProgramAsync(app, womenOnlyTrack: true);
        var man = Applicants.NewPerson(female: false);

        var response = await Applicants.ApplyAsync(app.CreateClient(), Applicants.Body(program, man, track: 1, second: null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var track = (await Applicants.JsonAsync(response)).GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "track");
        Assert.False(track.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task TwoHundredConcurrentSubmissionsAllGetTheRightAnswerAndNothingIsLostOrDoubled()
    {
        var program = await Applicants.ProgramAsync(app);
        var people = Enumerable.Range(0, 150).Select(_ => Applicants.NewPerson()).ToList();
        var known = people.Take(20).ToList();
        foreach (var p in known)
        {
            await Applicants.RegisterAsync(app, p);
        }
        // 150 persons, 50 of them twice: 200 requests at once, in a shuffled order.
        var submissions = people.Concat(people.Take(50)).OrderBy(_ => Random.Shared.Next()).ToList();
        var client = app.CreateClient();

        var responses = await Task.WhenAll(submissions.Select(async p =>
        {
            var response = await Applicants.ApplyAsync(client, Applicants.Body(program, p));
            var text = await response.Content.ReadAsStringAsync();
            var number = JsonDocument.Parse(text).RootElement.TryGetProperty("registrationNumber", out var n) ? n.GetString()! : text;
            return (Person: p, response.StatusCode, Number: number);
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{r.StatusCode}: {r.Number}"));
        Assert.Equal(150, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var byPerson = responses.GroupBy(r => r.Person.Nik).ToList();
        Assert.All(byPerson, g => Assert.Single(g.Select(r => r.Number).Distinct()));
        Assert.Equal(150, byPerson.Select(g => g.First().Number).Distinct().Count());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var stored = await db.Applications.AsNoTracking().Where(a => a.ProgramId == program.Id)
            .Join(db.Persons, a => a.PersonId, p => p.Id, (a, p) => new { p.Nik, a.RegistrationNumber }).ToListAsync();
        Assert.Equal(150, stored.Count);
        Assert.All(byPerson, g => Assert.Equal(g.First().Number, stored.Single(s => s.Nik == g.Key).RegistrationNumber));
        var niks = people.Select(p => p.Nik).ToList();
        Assert.Equal(150, await db.Persons.CountAsync(p => niks.Contains(p.Nik)));
        Assert.Equal(130, await db.Persons.CountAsync(p => niks.Contains(p.Nik) && p.Origin == PersonOrigin.SelfRegistered));
    }

    [Fact]
    public async Task TheOpenProgramsAreListedWithTracksDatesAndTheConsentText()
    {
        var open = await Applicants.ProgramAsync(app);
        var draft = await Applicants.ProgramAsync(app, status: ProgramStatus.Draft);
        var client = app.CreateClient();

        var programs = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/programs");

        var listed = programs.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == open.Id);
        Assert.True(listed.GetProperty("registrationOpen").GetBoolean());
        Assert.Equal(["Jajanan", "Menjahit Kaos Konveksi", "Produk Rumah Tangga"], listed.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.StartsWith("Tunas memakai NIK", listed.GetProperty("consentPurpose").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", listed.GetProperty("registrationCloses").GetString()!);
        Assert.DoesNotContain(programs.EnumerateArray(), p => p.GetProperty("id").GetInt32() == draft.Id);
    }

    [Fact]
    public async Task NoNikEverReachesALogLine()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var client = app.CreateClient();

        await Applicants.ApplyAsync(client, Applicants.Body(program, person));
        await Applicants.ApplyAsync(client, Applicants.Body(program, person));
        var bad = Applicants.Body(program, person);
        bad["birthDate"] = "1950-01-01";
        await Applicants.ApplyAsync(client, bad);

        Assert.NotEmpty(app.LogLines);
        Assert.DoesNotContain(app.LogLines, l => l.Contains(person.Nik, StringComparison.Ordinal) || l.Contains(person.FamilyCard, StringComparison.Ordinal));
    }

    [GeneratedRegex("^TNS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex NumberPattern();
}
