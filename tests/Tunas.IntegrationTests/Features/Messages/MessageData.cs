using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.IntegrationTests.Features.Messages;

/// <summary>
/// Rows the message tests need, inserted straight into the database (programs, applications and selection belong
/// to other features): a program with a track, residents with an application in a given kelurahan, messages.
/// </summary>
internal static class MessageData
{
    public const string OtherVillage = "35.72.01.1003";

    private static int _serial = 5000;

    public sealed record ProgramRows(int AgencyId, int ProgramId, int TrackId, string Name);

    public sealed record ApplicationRows(long ApplicationId, string RegistrationNumber, string FullName, string Phone);

    public static async Task<ProgramRows> ProgramAsync(TunasFactory app, string? name = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agencyId = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var serial = Next();
        var program = new TrainingProgram
        {
            AgencyId = agencyId,
            Name = name ?? $"Pelatihan Wirausaha Uji {serial}",
            Year = 2025,
            Budget = 250_000_000,
            TargetSize = 80,
            Status = ProgramStatus.Active,
            RegistrationOpens = new DateOnly(2025, 9, 1),
            RegistrationCloses = new DateOnly(2025, 9, 30),
            Seed = "seed-" + serial.ToString(CultureInfo.InvariantCulture),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        program.Tracks.Add(new Track { Name = "Jajanan", SortOrder = 1 });
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return new ProgramRows(agencyId, program.Id, program.Tracks[0].Id, program.Name);
    }

    /// <summary>A resident of <paramref name="village"/> and their application to the program.</summary>
    public static async Task<ApplicationRows> ApplicationAsync(TunasFactory app, ProgramRows program, string village, string fullName)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var serial = Next();
        var nik = string.Create(CultureInfo.InvariantCulture, $"357203150893{serial:0000}");
        var phone = string.Create(CultureInfo.InvariantCulture, $"+628123{serial:0000}{serial % 100:00}1");
        var person = new Person
        {
            AgencyId = program.AgencyId,
            Nik = nik,
            FullName = fullName,
            NameKey = SearchText.Fold(fullName),
            Sex = Sex.Male,
            BirthDate = new DateOnly(1993, 8, 15),
            VillageCode = village,
            Phone = phone,
            Origin = PersonOrigin.Entered,
            Verified = true,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        var application = new Application
        {
            AgencyId = person.AgencyId,
            ProgramId = program.ProgramId,
            PersonId = person.Id,
            RegistrationNumber = string.Create(CultureInfo.InvariantCulture, $"TNS-25-UJI{serial:0000}"),
            FirstTrackId = program.TrackId,
            VillageCode = village,
            Phone = phone,
            Consent = true,
            ConsentPurpose = "Seleksi pelatihan",
            ConsentAt = DateTime.UtcNow,
            Channel = ApplicationChannel.Operator,
            Status = ApplicationStatus.Submitted,
            SubmittedAt = DateTime.UtcNow,
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return new ApplicationRows(application.Id, application.RegistrationNumber, fullName, phone);
    }

    /// <summary>A selection-result draft for the application, by the program's texts.</summary>
    public static MessageDraft Draft(ProgramRows program, ApplicationRows application, string? email = null, string? phone = "", string? key = null) => new(
        program.AgencyId,
        MessageKind.SelectionResult,
        key ?? $"selection:{program.ProgramId}:{application.RegistrationNumber}",
        phone == "" ? application.Phone : phone,
        email,
        application.FullName,
        $"Hasil seleksi {program.Name}",
        $"Selamat, Anda terpilih sebagai peserta {program.Name}. No. pendaftaran: {application.RegistrationNumber}. Cek status di /Status",
        application.ApplicationId,
        program.ProgramId);

    /// <summary>Stores the draft through the outbox as a feature would; the id of the stored message, or null if not added.</summary>
    public static async Task<long?> AddAsync(TunasFactory app, MessageDraft draft)
    {
        using var scope = app.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        if (!await outbox.AddAsync(draft))
        {
            return null;
        }
        await db.SaveChangesAsync();
        return await db.OutboxMessages.Where(m => m.DedupeKey == draft.DedupeKey).Select(m => m.Id).SingleAsync();
    }

    /// <summary>A message row as it is, for states the outbox does not produce by itself (a failed e-mail, ...).</summary>
    public static async Task<long> InsertAsync(TunasFactory app, OutboxMessage message)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static async Task<OutboxMessage> LoadAsync(TunasFactory app, long id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static async Task<string> UserIdAsync(TunasFactory app, string role)
    {
        using var scope = app.Services.CreateScope();
        var email = TunasFactory.EmailOf(role);
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static int Next() => Interlocked.Increment(ref _serial);
}
