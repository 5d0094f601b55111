using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Selection;

/// <summary>
/// The app for the selection tests, with a database of its own (outbox counts are theirs alone), and rate limits off:
/// every test posts its appeals from the same address (the limits have tests of their own, in RateLimitTests).
/// </summary>
public sealed class SelectionApp : TunasFactory
{
    public SelectionApp() => Settings["RateLimiting:Enabled"] = "false";
}

[CollectionDefinition(Name)]
public sealed class SelectionAppGroup : ICollectionFixture<SelectionApp>
{
    public const string Name = "selection";
}

/// <summary>A program ready for selection, built straight in the database: tracks, quotas, applicants.</summary>
internal sealed class ProgramScenario
{
    public const string Village1 = "35.72.02.1001";
    public const string Village2 = "35.72.02.1002";

    private static int _serial = 7000;

    public required int ProgramId { get; init; }
    public required int TrackA { get; init; }
    public required int TrackB { get; init; }
    public Dictionary<string, (long ApplicationId, long PersonId, DateOnly BirthDate)> Applicants { get; } = [];

    public static DateOnly Today => TimeProvider.System.TodayInIndonesia();

    /// <summary>A program whose registration closed yesterday and whose appeal window is open.</summary>
    public static async Task<ProgramScenario> CreateAsync(TunasFactory app, Action<TrainingProgram>? configure = null, int? agencyId = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = agencyId ?? (await db.Agencies.OrderBy(a => a.Id).FirstAsync()).Id;
        var program = new TrainingProgram
        {
            AgencyId = agency,
            Name = "Pelatihan Uji " + Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture),
            Year = Today.Year,
            Budget = 150_000_000,
            TargetSize = 2,
            Status = ProgramStatus.Active,
            RegistrationOpens = Today.AddDays(-30),
            RegistrationCloses = Today.AddDays(-1),
            AppealOpens = Today.AddDays(-1),
            AppealCloses = Today.AddDays(5),
            MaxDesil = 4,
            SpillOver = SpillOverRule.None,
            Seed = "uji-seed",
            Tracks = [new Track { Name = "Jajanan" }, new Track { Name = "Menjahit" }],
        };
        configure?.Invoke(program);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        var scenario = new ProgramScenario { ProgramId = program.Id, TrackA = program.Tracks[0].Id, TrackB = program.Tracks[1].Id };
        return scenario;
    }

    public async Task QuotasAsync(TunasFactory app, params (string Village, int? Track, int Size)[] quotas)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Programs.Where(p => p.Id == ProgramId).Select(p => p.AgencyId).FirstAsync();
        db.ProgramQuotas.AddRange(quotas.Select(q => new ProgramQuota { AgencyId = agency, ProgramId = ProgramId, RegionCode = q.Village, TrackId = q.Track, Size = q.Size }));
        await db.SaveChangesAsync();
    }

    /// <summary>Adds a resident and their application; <paramref name="key"/> names them in the test.</summary>
    public async Task<string> ApplyAsync(TunasFactory app, string key, string village, int? desil, int track, bool female = true, string? phone = "+6281234567890")
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Programs.Where(p => p.Id == ProgramId).Select(p => p.AgencyId).FirstAsync();
        var serial = Interlocked.Increment(ref _serial);
        var birth = new DateOnly(1990 + (serial % 10), 1 + (serial % 12), 1 + (serial % 28));
        var nik = string.Create(CultureInfo.InvariantCulture, $"357202{birth.Day + (female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{serial % 10000:0000}");
        var name = "Warga " + key + " Uji";
        var person = new Person
        {
            AgencyId = agency,
            Nik = nik,
            FullName = name,
            NameKey = SearchText.Fold(name),
            Sex = female ? Sex.Female : Sex.Male,
            BirthDate = birth,
            VillageCode = village,
            WelfareDecile = desil,
            Origin = PersonOrigin.Entered,
            Verified = true,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        var hex = serial.ToString("X8", CultureInfo.InvariantCulture);
        var number = $"TNS-{hex[..4]}-{hex[4..]}"; // the public format (Crockford base32 letters only)
        var application = new Application
        {
            AgencyId = agency,
            ProgramId = ProgramId,
            PersonId = person.Id,
            RegistrationNumber = number,
            FirstTrackId = track,
            VillageCode = village,
            Phone = phone,
            Consent = true,
            ConsentPurpose = "uji",
            ConsentAt = DateTime.UtcNow,
            Channel = ApplicationChannel.Public,
            Status = ApplicationStatus.Submitted,
            SubmittedAt = DateTime.UtcNow.AddMinutes(-serial),
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        Applicants[key] = (application.Id, person.Id, birth);
        return number;
    }

    public string Nik(TunasFactory app, string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var id = Applicants[key].PersonId;
        return db.Persons.Where(p => p.Id == id).Select(p => p.Nik).First();
    }
}
