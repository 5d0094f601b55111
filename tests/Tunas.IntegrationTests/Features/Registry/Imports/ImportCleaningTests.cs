using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

/// <summary>A file's names as Excel and copy-paste leave them, and a NIK of a region that cannot be.</summary>
[Collection(ImportsAppGroup.Name)]
public sealed class ImportCleaningTests(ImportsApp app)
{
    private const string Header = "NIK;NAMA_LENGKAP;JK;TGL_LAHIR;KELURAHAN";

    private static string Line(string nik, DateOnly birth, bool female, string name) =>
        $"{nik};{name};{(female ? "P" : "L")};{Date(birth)};Kauman";

    [Fact]
    public async Task ReImportingTheSamePeopleWithExcelsApostropheCountsNoChange()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        string[] names = ["Ma'rifah", "Nur'aini Fitri", "Sa'adah", "Mu'amalah", "Siti Aminah"];
        var people = names.Select((_, i) => NewNik(female: true)).ToList();
        string File(Func<string, string> spell) =>
            string.Join("\r\n", [Header, .. people.Select((p, i) => Line(p.Nik, p.Birth, true, spell(names[i])))]);

        var first = await ImportAsync(client, Csv(File(n => n), new UTF8Encoding(true)), "warga.csv");
        // The same people as Excel types them: ’ for ', a stray direction mark, a non-breaking space.
        var again = await ImportAsync(client, Csv(File(n => n.Replace('\'', '\u2019').Replace(" ", "\u00A0", StringComparison.Ordinal) + "\u200E"), new UTF8Encoding(true)), "warga-excel.csv");

        Assert.Equal((5, 0), (Count(first, "inserted"), Count(first, "rejected")));
        Assert.Equal((0, 0, 5, 0), (Count(again, "inserted"), Count(again, "updated"), Count(again, "unchanged"), Count(again, "rejected")));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var niks = people.Select(p => p.Nik).ToList();
        var stored = await db.Persons.AsNoTracking().Where(p => niks.Contains(p.Nik)).Select(p => p.FullName).ToListAsync();
        Assert.Equal(names.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NamesWithControlAndDirectionCharactersAreStoredClean()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var a = NewNik(female: true);

        var job = await ImportAsync(client, Csv(string.Join("\r\n", Header, Line(a.Nik, a.Birth, true, "\u202EEndang\u0007 Sri\u2066wati")), new UTF8Encoding(true)), "rlo.csv");

        Assert.Equal(1, Count(job, "inserted"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal("Endang Sriwati", (await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == a.Nik)).FullName);
    }

    [Fact]
    public async Task ARowWithANikOfRegionZeroZeroIsRefused()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var good = NewNik();
        var bad = NewNik();
        var zero = "357200" + bad.Nik[6..];

        var job = await ImportAsync(client, Csv(string.Join("\r\n", Header, Line(good.Nik, good.Birth, false, "Slamet"), Line(zero, bad.Birth, false, "Slamet Nol")), new UTF8Encoding(true)), "nol.csv");

        Assert.Equal((1, 1), (Count(job, "inserted"), Count(job, "rejected")));
        var report = await ErrorsCsvAsync(client, job.GetProperty("id").GetGuid());
        var row = Assert.Single(report.Skip(1));
        Assert.Equal(3, int.Parse(row[0], CultureInfo.InvariantCulture));
        Assert.Equal("NIK", row[1]);
        Assert.Contains("Kode wilayah 35.72.00 pada NIK ini memuat 00", row[3], StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.AnyAsync(p => p.Nik == zero));
    }
}
