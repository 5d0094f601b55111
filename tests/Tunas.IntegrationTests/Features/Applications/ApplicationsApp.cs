using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>
/// The app for the application tests: rate limits off (every test posts from the same address), programs read
/// afresh on every request (tests create them as they go), and its own database, so the counts of one test are not
/// another feature's business.
/// </summary>
public sealed class ApplicationsApp : TunasFactory
{
    public ApplicationsApp()
    {
        Settings["RateLimiting:Enabled"] = "false";
        Settings["Applications:ProgramCacheSeconds"] = "0";
    }
}

[CollectionDefinition(Name)]
public sealed class ApplicationsAppGroup : ICollectionFixture<ApplicationsApp>
{
    public const string Name = "applications";
}

/// <summary>Programs, residents and request bodies for the application tests; every call takes NIKs no other test uses.</summary>
internal static class Applicants
{
    public const string Kauman = TunasFactory.OperatorVillage;
    public const string Sentul = "35.72.01.1003";

    private static int _serial = 5000;

    public sealed record Program(int Id, int[] Tracks, string Name);

    public sealed record Person(string Nik, DateOnly Birth, string FamilyCard, string Name)
    {
        public string BirthIso => Birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>A valid NIK of Kepanjenkidul (35.72.01), unique in the test run, with its birth date and a family card.</summary>
    public static Person NewPerson(bool female = true, string? name = null)
    {
        var serial = Interlocked.Increment(ref _serial);
        var birth = new DateOnly(1970 + (serial % 35), 1 + (serial % 12), 1 + (serial % 28));
        var day = birth.Day + (female ? 40 : 0);
        var nik = string.Create(CultureInfo.InvariantCulture, $"357201{day:00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}");
        var kk = string.Create(CultureInfo.InvariantCulture, $"3572010101{birth.Year % 100:00}{serial:0000}");
        return new Person(nik, birth, kk, name ?? "Warga Uji " + Words(serial));
    }

    /// <summary>A name that differs per serial in letters (a name of digits only is refused).</summary>
    private static string Words(int serial)
    {
        string[] syllables = ["ka", "ri", "mu", "to", "sa", "le", "no", "wi", "da", "pu"];
        var word = string.Concat(serial.ToString(CultureInfo.InvariantCulture).Select(c => syllables[c - '0']));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    public static async Task<Program> ProgramAsync(TunasFactory app, ProgramStatus status = ProgramStatus.Active, DateOnly? opens = null, DateOnly? closes = null,
        string? domicile = TunasFactory.AgencyRegency, bool womenOnlyTrack = false)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var today = TimeProvider.System.TodayInIndonesia();
        var now = DateTime.UtcNow;
        var program = new TrainingProgram
        {
            AgencyId = agency,
            Name = "Pelatihan Wirausaha " + Guid.NewGuid().ToString("N")[..6],
            Year = today.Year,
            Status = status,
            RegistrationOpens = opens ?? today.AddDays(-1),
            RegistrationCloses = closes ?? today.AddDays(30),
            PublicationOn = today.AddDays(40),
            DomicileRegencyCode = domicile,
            Seed = "uji",
            CreatedAt = now,
            UpdatedAt = now,
            Tracks =
            [
                new Track { Name = "Jajanan", SortOrder = 1 },
                new Track { Name = "Menjahit Kaos Konveksi", SortOrder = 2, WomenOnly = womenOnlyTrack },
                new Track { Name = "Produk Rumah Tangga", SortOrder = 3 },
            ],
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return new Program(program.Id, [.. program.Tracks.OrderBy(t => t.SortOrder).Select(t => t.Id)], program.Name);
    }

    /// <summary>A person already in the registry, verified, with a desil (and a No. KK and phone when given).</summary>
    public static async Task<long> RegisterAsync(TunasFactory app, Person person, string village = Kauman, int? desil = 2, string? familyCard = null, string? phone = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var nik = Nik.Check(person.Nik, TimeProvider.System.TodayInIndonesia()).Nik!.Value;
        var row = new Tunas.Web.Features.Registry.Person
        {
            AgencyId = agency,
            Nik = person.Nik,
            FamilyCardNumber = familyCard,
            Phone = phone,
            FullName = person.Name,
            NameKey = PersonNames.Key(person.Name),
            Sex = nik.Sex,
            BirthDate = nik.BirthDate,
            VillageCode = village,
            WelfareDecile = desil,
            Origin = PersonOrigin.Entered,
            Verified = true,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Persons.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public static Dictionary<string, object?> Body(Program program, Person person, string village = Kauman, int track = 0, int? second = 1) => new()
    {
        ["programId"] = program.Id,
        ["nik"] = person.Nik,
        ["familyCardNumber"] = person.FamilyCard,
        ["fullName"] = person.Name,
        ["birthDate"] = person.BirthIso,
        ["villageCode"] = village,
        ["phone"] = "0812-3456-7890",
        ["firstTrackId"] = program.Tracks[track],
        ["secondTrackId"] = second is { } s ? program.Tracks[s] : null,
        ["motivation"] = "Ingin membuka usaha jajanan di rumah.",
        ["consent"] = true,
    };

    /// <summary>The form of the Apply and Create pages.</summary>
    public static Dictionary<string, string> Form(Program program, Person person, string village = Kauman) => new()
    {
        ["Input.ProgramId"] = program.Id.ToString(CultureInfo.InvariantCulture),
        ["Input.Nik"] = person.Nik,
        ["Input.FamilyCardNumber"] = person.FamilyCard,
        ["Input.FullName"] = person.Name,
        ["Input.BirthDate"] = person.BirthIso,
        ["Input.VillageCode"] = village,
        ["Input.Phone"] = "0812-3456-7890",
        ["Input.FirstTrackId"] = program.Tracks[0].ToString(CultureInfo.InvariantCulture),
        ["Input.SecondTrackId"] = program.Tracks[1].ToString(CultureInfo.InvariantCulture),
        ["Input.Motivation"] = "Ingin menjahit kaos untuk dijual.",
        ["Input.Consent"] = "true",
    };

    public static Task<HttpResponseMessage> ApplyAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/public/applications", body);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<string> NumberAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.Created)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await JsonAsync(response)).GetProperty("registrationNumber").GetString()!;
    }

    public static async Task<int> ApplicationsOfAsync(TunasFactory app, string nik)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return await db.Applications.CountAsync(a => db.Persons.Any(p => p.Id == a.PersonId && p.Nik == nik));
    }

    public static async Task<int> PersonsWithAsync(TunasFactory app, string nik)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return await db.Persons.CountAsync(p => p.Nik == nik);
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The form that posts to <paramref name="action"/> carries its own anti-forgery token (a browser sends only that form's fields).</summary>
    public static void AssertFormHasToken(string html, string action)
    {
        var start = html.IndexOf($"<form method=\"post\" action=\"{action}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "No form posts to " + action);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        Assert.Contains("name=\"__RequestVerificationToken\"", form, StringComparison.Ordinal);
    }
}
