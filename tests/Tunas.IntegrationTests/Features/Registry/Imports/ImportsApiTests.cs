using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpreadCheetah;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Imports;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;
using static Tunas.IntegrationTests.Features.Registry.Imports.ImportFiles;

namespace Tunas.IntegrationTests.Features.Registry.Imports;

[Collection(ImportsAppGroup.Name)]
public sealed partial class ImportsApiTests(ImportsApp app)
{
    private const string Header = "NIK;NO_KK;NAMA_LENGKAP;JK;TGL_LAHIR;ALAMAT;RT;RW;KELURAHAN;DESIL;NO_HP;SHDK";

    private static readonly Encoding Windows1252 = CodePages();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static string Line(string nik, DateOnly birth, bool female, string name, string village = "Kauman", string? kk = null,
        string relation = "", string phone = "0812-3456-7890", string address = "Jl. Mawar 5", string decile = "2") =>
        $"{nik};{kk};{name};{(female ? "P" : "L")};{Date(birth)};{address};3;4;{village};{decile};{phone};{relation}";

    [Fact]
    public async Task ASemicolonCsvInWindows1252IsImportedAndEachBadRowIsReportedInIndonesian()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var a = NewNik(female: true);
        var b = NewNik();
        var c = NewNik();
        var d = NewNik(female: true);
        var e = NewNik();
        var csv = string.Join("\r\n",
            Header,
            Line(a.Nik, a.Birth, true, "Sumarni Ñ", village: "Kepanjen Kidul"),
            Line(b.Nik, b.Birth, false, "Budi Santoso", village: "35.72.01.1004"),
            Line(c.Nik, c.Birth, false, "Joko", village: "Atlantis"),
            Line(a.Nik, a.Birth, true, "Sumarni Lagi"),
            Line(d.Nik, d.Birth.AddDays(1), true, "Dewi"),
            Line(e.Nik, e.Birth, false, "Eko Prasetyo", village: "KAUMAN", phone: "0812 999 888 77"),
            "");

        var job = await ImportAsync(client, Csv(csv, Windows1252), "warga kauman.csv");

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((6, 6, 3, 3), (Count(job, "totalRows"), Count(job, "processedRows"), Count(job, "inserted"), Count(job, "rejected")));
        Assert.Equal(0, Count(job, "updated") + Count(job, "unchanged"));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var sumarni = await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == a.Nik);
            Assert.Equal("Sumarni Ñ", sumarni.FullName);
            Assert.Equal("35.72.01.1001", sumarni.VillageCode);
            Assert.Equal(PersonOrigin.Imported, sumarni.Origin);
            Assert.Equal(job.GetProperty("id").GetGuid(), sumarni.ImportJobId);
            Assert.Equal("+6281299988877", (await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == e.Nik)).Phone);
            Assert.True(await db.PersonNameTokens.AnyAsync(t => t.PersonId == sumarni.Id && t.Token == "sumarni"));
        }

        var report = await ErrorsCsvAsync(client, job.GetProperty("id").GetGuid());
        Assert.Equal(["Baris", "Kolom", "Isi", "Masalah", "Yang harus dilakukan"], report[0]);
        var rows = report.Skip(1).ToList();
        Assert.Equal([4, 5, 6], rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
        Assert.Equal(["KELURAHAN", "Atlantis"], rows[0][1..3]);
        Assert.Contains("Kota Blitar", rows[0][3], StringComparison.Ordinal);
        Assert.Equal(["NIK", Nik.Mask(a.Nik)], rows[1][1..3]);
        Assert.Contains("baris 2", rows[1][3], StringComparison.Ordinal);
        Assert.Equal("TGL_LAHIR", rows[2][1]);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r[4])));
        Assert.DoesNotContain(app.LogLines, l => l.Contains(a.Nik, StringComparison.Ordinal) || l.Contains(b.Nik, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnXlsxWithANikInANumberCellRefusesThatRowAndReadsDateCells()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var good = NewNik(female: true);
        var damaged = NewNik();
        using var file = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(file))
        {
            await book.StartWorksheetAsync("Data DTKS");
            await book.AddRowAsync([new DataCell("DATA PENDUDUK KELURAHAN KAUMAN")]);
            await book.AddRowAsync([new DataCell("NIK"), new DataCell("Nama Lengkap"), new DataCell("Tgl Lahir"), new DataCell("Desa/Kelurahan"), new DataCell("Desil")]);
            await book.AddRowAsync([new DataCell(good.Nik), new DataCell("Siti Aminah"), new DataCell(good.Birth.ToDateTime(TimeOnly.MinValue)), new DataCell("Kauman"), new DataCell(1)]);
            await book.AddRowAsync([new DataCell(double.Parse(damaged.Nik, CultureInfo.InvariantCulture)), new DataCell("Agus"), new DataCell(Date(damaged.Birth)), new DataCell("Kauman"), new DataCell(4)]);
            await book.FinishAsync();
        }

        var job = await ImportAsync(client, file.ToArray(), "dtks.xlsx");

        Assert.Equal((2, 1, 1), (Count(job, "totalRows"), Count(job, "inserted"), Count(job, "rejected")));
        var response = await client.GetAsync($"/api/v1/imports/{job.GetProperty("id").GetGuid()}/errors.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var report = await ReadXlsxAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Baris", "Kolom", "Isi", "Masalah", "Yang harus dilakukan"], report[0]);
        Assert.Equal(["4", "NIK"], report[1][..2]);
        Assert.DoesNotContain(damaged.Nik[..12], report[1][2], StringComparison.Ordinal);
        Assert.Contains("Excel", report[1][3], StringComparison.Ordinal);
        Assert.Contains("Teks", report[1][4], StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal(good.Birth, (await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == good.Nik)).BirthDate);
        Assert.False(await db.Persons.AnyAsync(p => p.FullName == "Agus" && p.VillageCode == "35.72.01.1004" && p.BirthDate == damaged.Birth));
    }

    [Fact]
    public async Task AnOldXlsFileFromAKelurahanIsImported()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Features", "Registry", "Imports", "Fixtures", "residents.xls");

        var job = await ImportAsync(client, await File.ReadAllBytesAsync(path), "residents.xls");

        Assert.Equal((3, 2, 1), (Count(job, "totalRows"), Count(job, "inserted"), Count(job, "rejected")));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var sri = await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == "3572014107900911");
        Assert.Equal((new DateOnly(1990, 7, 1), 3, "35.72.01.1004"), (sri.BirthDate, sri.WelfareDecile, sri.VillageCode));
        Assert.Equal("35.72.01.1006", (await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == "3572015203880913")).VillageCode);
        var error = await db.ImportRowErrors.AsNoTracking().SingleAsync(x => x.ImportJobId == job.GetProperty("id").GetGuid());
        Assert.Equal((3, "NIK", Nik.ExcelDamagedMessage), (error.RowNumber, error.Column, error.Problem));
    }

    [Fact]
    public async Task ImportingTheSameFileAgainChangesNothing()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var people = Enumerable.Range(0, 7).Select(i => NewNik(i % 2 == 0)).ToList();
        var kk = "3572010101200" + people[0].Nik[^3..];
        var csv = string.Join("\r\n", [Header, .. people.Select((p, i) => Line(p.Nik, p.Birth, p.Female, "Warga " + i, kk: kk, relation: i == 0 ? "Kepala Keluarga" : "Anak"))]);
        var bytes = Csv(csv, new UTF8Encoding(true));

        var first = await ImportAsync(client, bytes, "keluarga.csv");
        var again = await ImportAsync(client, bytes, "keluarga.csv");

        Assert.Equal((7, 0), (Count(first, "inserted"), Count(first, "rejected")));
        Assert.Equal((0, 0, 7, 0), (Count(again, "inserted"), Count(again, "updated"), Count(again, "unchanged"), Count(again, "rejected")));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.FamilyCardNumber == kk);
        var head = await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == people[0].Nik);
        Assert.Equal(head.Id, household.HeadPersonId);
        Assert.Equal(7, await db.Persons.CountAsync(p => p.HouseholdId == household.Id));
        var ids = await db.Persons.Where(p => p.HouseholdId == household.Id).Select(p => p.Id).ToListAsync();
        var entityIds = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.False(await db.AuditEntries.AnyAsync(x => x.EntityType == "Person" && entityIds.Contains(x.EntityId!)));
        Assert.Equal(2, await db.AuditEntries.CountAsync(x => x.Action == "import.completed" &&
            (x.EntityId == first.GetProperty("id").GetGuid().ToString() || x.EntityId == again.GetProperty("id").GetGuid().ToString())));
    }

    [Fact]
    public async Task AChangedRowUpdatesOnlyWhatChangedAndIsAuditedWithOldAndNewValues()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var a = NewNik();
        var b = NewNik(female: true);
        await ImportAsync(client, Csv(string.Join("\r\n", Header, Line(a.Nik, a.Birth, false, "Slamet"), Line(b.Nik, b.Birth, true, "Endang")), Encoding.UTF8), "v1.csv");

        // Slamet's phone changed; his address cell is empty this time, which keeps the address the registry has.
        var job = await ImportAsync(client, Csv(string.Join("\r\n", Header,
            Line(a.Nik, a.Birth, false, "Slamet", phone: "0813-1111-2222", address: ""), Line(b.Nik, b.Birth, true, "Endang")), Encoding.UTF8), "v2.csv");

        Assert.Equal((0, 1, 1), (Count(job, "inserted"), Count(job, "updated"), Count(job, "unchanged")));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var slamet = await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == a.Nik);
        Assert.Equal(("+6281311112222", "Jl. Mawar 5"), (slamet.Phone, slamet.Address));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(x => x.Action == "person.changed" && x.EntityId == slamet.Id.ToString(CultureInfo.InvariantCulture));
        var changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(entry.Details!)!;
        Assert.Equal(["phone"], changes.Keys);
        Assert.Equal(["+6281234567890", "+6281311112222"], changes["phone"].Select(v => v ?? ""));
        Assert.Equal(TunasFactory.EmailOf(Roles.ProgramOfficer), entry.ActorName);
    }

    [Fact]
    public async Task AHeadWhoMovesToAnotherFamilyCardLeavesTheOldOneWithoutAHeadAndHeadsTheNewOne()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var people = Enumerable.Range(0, 4).Select(i => NewNik(i % 2 == 1)).ToList();
        var oldCard = "3572010101201" + people[0].Nik[^3..];
        var newCard = "3572010101202" + people[0].Nik[^3..];
        var otherCard = "3572010101203" + people[0].Nik[^3..];
        await ImportAsync(client, Csv(string.Join("\r\n", Header,
            Line(people[0].Nik, people[0].Birth, false, "Budi", kk: oldCard, relation: "Kepala Keluarga"),
            Line(people[1].Nik, people[1].Birth, true, "Sri", kk: oldCard, relation: "Istri"),
            Line(people[2].Nik, people[2].Birth, false, "Agus", kk: otherCard, relation: "Kepala Keluarga"),
            Line(people[3].Nik, people[3].Birth, true, "Wati", kk: otherCard, relation: "Istri")), Encoding.UTF8), "kk-lama.csv");

        // Budi moves to a new family card and heads it; Agus stays on his card but is no longer its head, Wati is.
        var job = await ImportAsync(client, Csv(string.Join("\r\n", Header,
            Line(people[0].Nik, people[0].Birth, false, "Budi", kk: newCard, relation: "Kepala Keluarga"),
            Line(people[2].Nik, people[2].Birth, false, "Agus", kk: otherCard, relation: "Anak"),
            Line(people[3].Nik, people[3].Birth, true, "Wati", kk: otherCard, relation: "Kepala Keluarga")), Encoding.UTF8), "kk-baru.csv");

        Assert.Equal((0, 3, 0), (Count(job, "inserted"), Count(job, "updated"), Count(job, "rejected")));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var heads = await db.Households.AsNoTracking().Where(h => h.FamilyCardNumber == oldCard || h.FamilyCardNumber == newCard || h.FamilyCardNumber == otherCard)
            .ToDictionaryAsync(h => h.FamilyCardNumber, h => h.HeadPersonId);
        var ids = await db.Persons.AsNoTracking().Where(p => p.Nik == people[0].Nik || p.Nik == people[3].Nik).ToDictionaryAsync(p => p.Nik, p => p.Id);
        Assert.Null(heads[oldCard]);
        Assert.Equal(ids[people[0].Nik], heads[newCard]);
        Assert.Equal(ids[people[3].Nik], heads[otherCard]);
    }

    [Fact]
    public async Task ASecondHeadOfAFamilyCardIsARefusedRow()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var father = NewNik();
        var mother = NewNik(female: true);
        var kk = "3572010101200" + father.Nik[^3..];

        var job = await ImportAsync(client, Csv(string.Join("\r\n", Header,
            Line(father.Nik, father.Birth, false, "Heru", kk: kk, relation: "Kepala Keluarga"),
            Line(mother.Nik, mother.Birth, true, "Yuli", kk: kk, relation: "KK")), Encoding.UTF8), "dua-kepala.csv");

        Assert.Equal((1, 1), (Count(job, "inserted"), Count(job, "rejected")));
        var report = await ErrorsCsvAsync(client, job.GetProperty("id").GetGuid());
        Assert.Equal(["3", "SHDK", "KK"], report[1][..3]);
        Assert.Contains(Nik.Mask(father.Nik), report[1][3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAmbiguousKelurahanNameIsRefusedUnlessTheKecamatanTellsWhichOneItIs()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var a = NewNik();
        var b = NewNik();
        var csv = string.Join("\r\n", "NIK,NAMA,KELURAHAN,KECAMATAN", $"{a.Nik},Tri,Sukorejo,", $"{b.Nik},Wahyu,Sukorejo,Wates");

        var job = await ImportAsync(client, Csv(csv, Encoding.UTF8), "kabupaten.csv", regencyCode: "35.05");

        Assert.Equal((1, 1), (Count(job, "inserted"), Count(job, "rejected")));
        var report = await ErrorsCsvAsync(client, job.GetProperty("id").GetGuid());
        Assert.Equal(["2", "KELURAHAN", "Sukorejo"], report[1][..3]);
        Assert.Contains("KECAMATAN", report[1][4], StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal("35.05.20.2006", (await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == b.Nik)).VillageCode);
    }

    [Fact]
    public async Task ARenameByImportIsWhatTheNameSearchFindsAndSortsBy()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var a = NewNik();
        var first = await ImportAsync(client, Csv($"NIK,NAMA,DESA\r\n{a.Nik},Gendhiswara Sekarwangi,Kauman", Encoding.UTF8), "nama-lama.csv");
        var second = await ImportAsync(client, Csv($"NIK,NAMA,DESA\r\n{a.Nik},Gendhiswara Arumdalu,Kauman", Encoding.UTF8), "nama-baru.csv");

        Assert.Equal((1, 1), (Count(first, "inserted"), Count(second, "updated")));
        var byNew = await (await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "gendhiswara arum" })).Content.ReadFromJsonAsync<JsonElement>();
        var byOld = await (await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "sekarwangi" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Gendhiswara Arumdalu", Assert.Single(byNew.GetProperty("items").EnumerateArray()).GetProperty("fullName").GetString());
        Assert.Equal(0, byOld.GetProperty("total").GetInt32());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == a.Nik);
        var tokens = await db.PersonNameTokens.AsNoTracking().Where(t => t.PersonId == person.Id).ToListAsync();
        Assert.Equal(["arumdalu", "gendhiswara"], tokens.Select(t => t.Token).Order(StringComparer.Ordinal));
        Assert.All(tokens, t => Assert.Equal("gendhiswara arumdalu", t.NameKey));
    }

    [Fact]
    public async Task TheCallerCanCorrectTheGuessedColumns()
    {
        var client = await app.ApiClientAsync(Roles.Administrator);
        var a = NewNik();
        var csv = string.Join("\r\n", "NOMOR INDUK,NAMA,NAMA PANGGILAN,DESA", $"{a.Nik},Bambang Hidayat,Pak Bambang,Kauman");

        var job = await ImportAsync(client, Csv(csv, Encoding.UTF8), "kolom.csv", columns: """{"nik": "NOMOR INDUK"}""");

        Assert.Equal(1, Count(job, "inserted"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal("Bambang Hidayat", (await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == a.Nik)).FullName);
    }
    private async Task<int> JobCountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().ImportJobs.CountAsync();
    }

    private static async Task<List<string[]>> ReadXlsxAsync(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            using var reader = SheetReader.Open(path, "errors.xlsx");
            return [.. reader.ReadFirst(1000).Select(r => r.Cells.Select(c => c.Text).ToArray())];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
