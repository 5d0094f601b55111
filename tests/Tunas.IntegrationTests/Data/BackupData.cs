using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Applications;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;

namespace Tunas.IntegrationTests.Data;

/// <summary>The rows an operator checks in a backup, read the same way from the live database and from the copy.</summary>
internal sealed record TableCounts(long Persons, long Households, long Programs, long Applications, long Users, long OrphanApplications);

/// <summary>Applicants for the backup tests, sent through the app's own intake; and the counts of a database.</summary>
internal static class BackupData
{
    /// <summary>
    /// The <paramref name="i"/>-th applicant, a new resident of Sukorejo (NIK 357202…): a date of birth and serial
    /// unique per <paramref name="i"/> (up to 10,080 per serial), and a name of letters that differs with it.
    /// </summary>
    public static ApplicationInput Applicant(Applicants.Program program, int i)
    {
        var day = 1 + (i % 28);
        var month = 1 + (i / 28 % 12);
        var year = 1970 + (i / 336 % 30);
        var serial = 1 + (i / 10_080);
        string[] syllables = ["ka", "ri", "mu", "to", "sa", "le", "no", "wi", "da", "pu"];
        var name = string.Concat(i.ToString(CultureInfo.InvariantCulture).Select(c => syllables[c - '0']));
        return new ApplicationInput
        {
            ProgramId = program.Id,
            Nik = string.Create(CultureInfo.InvariantCulture, $"357202{day + 40:00}{month:00}{year % 100:00}{serial:0000}"),
            FamilyCardNumber = string.Create(CultureInfo.InvariantCulture, $"3572020101{year % 100:00}{1 + (i % 9999):0000}"),
            FullName = "Warga Cadangan " + char.ToUpperInvariant(name[0]) + name[1..],
            BirthDate = string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}"),
            VillageCode = Applicants.Kauman,
            Phone = "0812-3456-7890",
            FirstTrackId = program.Tracks[0],
            Consent = true,
        };
    }

    /// <summary>Applicants <paramref name="from"/>, <paramref name="from"/> + <paramref name="step"/>, … through the intake until cancelled or <paramref name="until"/>.</summary>
    public static async Task ApplyAsync(TunasFactory app, Applicants.Program program, int from, int step, int until, Action created, CancellationToken ct)
    {
        var intake = app.Services.GetRequiredService<ApplicationIntake>();
        for (var i = from; i < until && !ct.IsCancellationRequested; i += step)
        {
            var result = await intake.SubmitAsync(Applicant(program, i), Submitter.Public, "uji cadangan", CancellationToken.None);
            Assert.True(result.Outcome == IntakeOutcome.Created, $"{result.Outcome}: {string.Join(' ', result.Errors.Select(e => e.Message))}");
            created();
        }
    }

    public static async Task<TableCounts> CountAsync(TunasFactory app)
    {
        using var scope = app.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<TunasDb>().Database.GetDbConnection();
        await connection.OpenAsync();
        return await CountAsync(connection);
    }

    /// <summary>One statement, so that the counts agree with each other on a database being written.</summary>
    public static async Task<TableCounts> CountAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM "Persons"), (SELECT count(*) FROM "Households"), (SELECT count(*) FROM "Programs"),
                   (SELECT count(*) FROM "Applications"), (SELECT count(*) FROM "AspNetUsers"),
                   (SELECT count(*) FROM "Applications" a WHERE NOT EXISTS (SELECT 1 FROM "Persons" p WHERE p."Id" = a."PersonId"))
            """;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new TableCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    public static async Task<List<string>> MigrationsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """;
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
