using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

[Collection(SharedApp.Name)]
public sealed partial class RegistryPagesTests(TunasFactory app)
{
    private const string Sentul = "35.72.01.1003";

    [Fact]
    public async Task AnOfficerRegistersAResidentWithTheFormAndLandsOnTheDetails()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572034107880701", "Ayu Lestari Wulandari", kk: "3572030101200701", relation: "Spouse")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/Registry/Details/[0-9]+$", location);
        var html = await Residents.PageAsync(client, location);
        Assert.Contains("Ayu Lestari Wulandari", html, StringComparison.Ordinal);
        Assert.Contains("3572••••••••0701", html, StringComparison.Ordinal);
        Assert.DoesNotContain("3572034107880701", html, StringComparison.Ordinal);
        Assert.Contains("Kauman", html, StringComparison.Ordinal);
        Assert.Contains("Perempuan", html, StringComparison.Ordinal);
        Assert.Contains("01/07/1988", html, StringComparison.Ordinal);
        Assert.Contains("+6281234567890", html, StringComparison.Ordinal);
        Assert.Contains("SLTA/sederajat", html, StringComparison.Ordinal);
        Assert.Contains("Istri/suami", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"person.created\"", html, StringComparison.Ordinal);
        Residents.AssertNoNikInLinks(html, "3572034107880701", "3572030101200701");
    }

    [Fact]
    public async Task AWrongFormSaysWhatIsWrongInIndonesianAndStoresNothing()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var form = Residents.Form("3572034107880702", "");
        form["Input.BirthDate"] = "1988-07-02";
        form["Input.Sex"] = "L";
        form["Input.Rt"] = "12345";
        form["Input.Phone"] = "telepon saya";
        form["Input.WelfareDecile"] = "11";

        var response = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Residents.TextAsync(response);
        Assert.Contains("data-testid=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("Isi nama lengkap.", html, StringComparison.Ordinal);
        Assert.Contains("Tanggal lahir 02-07-1988 tidak sama dengan NIK, yang tertulis 01-07-1988.", html, StringComparison.Ordinal);
        Assert.Contains("Periksa KTP-nya: tanggal lahir atau NIK salah ketik.", html, StringComparison.Ordinal);
        Assert.Contains("Jenis kelamin tidak sama dengan NIK", html, StringComparison.Ordinal);
        Assert.Contains("RT dan RW berupa angka sampai 3 digit, seperti 004; '12345' bukan.", html, StringComparison.Ordinal);
        Assert.Contains("'telepon saya' bukan nomor telepon.", html, StringComparison.Ordinal);
        Assert.Contains("Desil kesejahteraan berupa bilangan bulat 1 sampai 10; '11' bukan.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"3572034107880702\"", html, StringComparison.Ordinal); // what was typed stays in the form
        Assert.False(await Residents.ExistsAsync(app, "3572034107880702"));
    }

    [Fact]
    public async Task ASecondHeadOnOneFamilyCardIsRefusedAndNothingIsStored()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572030503750703", "Bambang Kepala Satu", kk: "3572030101200703", relation: "Head")));

        var response = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572030603750704", "Bambang Kepala Dua", kk: "3572030101200703", relation: "Head")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Input.HouseholdRelation", await Residents.TextAsync(response), StringComparison.Ordinal);
        Assert.True(await Residents.ExistsAsync(app, "3572030503750703"));
        Assert.False(await Residents.ExistsAsync(app, "3572030603750704"));
    }

    [Fact]
    public async Task AnOldDistrictCodeIsAWarningThatDoesNotStopTheSave()
    {
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572094107880730", "Sumiati Kode Lama")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await Residents.PageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("Kode kecamatan 35.72.09 pada NIK ini tidak ada dalam daftar wilayah terbaru", html, StringComparison.Ordinal);
        Assert.True(await Residents.ExistsAsync(app, "3572094107880730"));
    }

    [Fact]
    public async Task TheSameNikTwiceLinksToTheResidentWhoHasIt()
    {
        var id = await Residents.CreateAsync(app, "3572034107880705", "Sulastri Purnamasari");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync("/Registry/Create", await TunasFactory.FormAsync(client, "/Registry/Create",
            Residents.Form("3572034107880705", "Sulastri Lain")));

        var html = await Residents.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("NIK ini sudah ada di data penduduk.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Registry/Details/{id}\" data-testid=\"existing-person\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await Residents.CountAsync(app, "3572034107880705"));
    }

    [Fact]
    public async Task AnEditIsShownFieldByFieldInTheHistory()
    {
        var id = await Residents.CreateAsync(app, "3572034107880706", "Rukmini Handayani", decile: 3);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);
        var editForm = await Residents.PageAsync(client, $"/Registry/Edit/{id}");
        Assert.DoesNotContain("3572034107880706", editForm, StringComparison.Ordinal); // the NIK is typed only to correct it
        var form = Residents.Form("", "Rukmini Handayani", decile: "1");

        var response = await client.PostAsync($"/Registry/Edit/{id}", await TunasFactory.FormAsync(client, $"/Registry/Edit/{id}", form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await Residents.PageAsync(client, $"/Registry/Details/{id}");
        Assert.Contains("data-action=\"person.changed\"", html, StringComparison.Ordinal);
        var changed = Regex.Match(html, "data-action=\"person.changed\"(.*?)</li>", RegexOptions.Singleline).Groups[1].Value;
        var decile = Regex.Match(changed, "data-field=\"welfareDecile\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(">3</span>", decile, StringComparison.Ordinal);
        Assert.Contains("<span>1</span>", decile, StringComparison.Ordinal);
        Assert.Contains(TunasFactory.EmailOf(Roles.ProgramOfficer), changed, StringComparison.Ordinal);
        Assert.Contains(" WIB", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("data-field=\"fullName\"", changed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorrectedNikIsMaskedInTheHistory()
    {
        var id = await Residents.CreateAsync(app, "3572034107880707", "Suwarni Kusumawati");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        await client.PostAsync($"/Registry/Edit/{id}", await TunasFactory.FormAsync(client, $"/Registry/Edit/{id}",
            Residents.Form("3572034107880708", "Suwarni Kusumawati")));

        var html = await Residents.PageAsync(client, $"/Registry/Details/{id}");
        Assert.Contains("3572••••••••0707", html, StringComparison.Ordinal);
        Assert.Contains("3572••••••••0708", html, StringComparison.Ordinal);
        Assert.DoesNotContain("3572034107880707", html, StringComparison.Ordinal);
        Assert.DoesNotContain("3572034107880708", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNikIsMaskedUntilShowIsPostedAndThatViewIsAudited()
    {
        var id = await Residents.CreateAsync(app, "3572034107880709", "Endang Sriwahyuni");
        var client = await app.PageClientAsync(Roles.VillageOperator);
        var before = await Residents.PageAsync(client, $"/Registry/Details/{id}");
        Assert.Contains("3572••••••••0709", before, StringComparison.Ordinal);
        Assert.DoesNotContain("3572034107880709", before, StringComparison.Ordinal);

        var response = await client.PostAsync($"/Registry/Details/{id}?handler=ShowNik",
            await TunasFactory.FormAsync(client, $"/Registry/Details/{id}", []));

        var html = await Residents.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"full-nik\">3572034107880709<", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"person.nik-viewed\"", html, StringComparison.Ordinal);
        Residents.AssertNoNikInLinks(html, "3572034107880709");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var viewed = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == key && a.Action == "person.nik-viewed").ToListAsync();
        var entry = Assert.Single(viewed);
        Assert.Equal(TunasFactory.EmailOf(Roles.VillageOperator), entry.ActorName);
        Assert.Contains("\"page\"", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDetailsListTheOtherMembersOfTheFamilyCard()
    {
        var head = await Residents.CreateAsync(app, "3572030909700710", "Sugeng Riyadi", kk: "3572030101200710", relation: "Kepala Keluarga");
        var wife = await Residents.CreateAsync(app, "3572035009720711", "Sri Mulyani Riyadi", kk: "3572030101200710", relation: "Istri");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var html = await Residents.PageAsync(client, $"/Registry/Details/{wife}");

        var household = Regex.Match(html, "data-testid=\"household\"(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"href=\"/Registry/Details/{head}\"", household, StringComparison.Ordinal);
        Assert.Contains("Sugeng Riyadi", household, StringComparison.Ordinal);
        Assert.Contains("3572••••••••0710", household, StringComparison.Ordinal);
        Assert.Contains("Kepala keluarga", household, StringComparison.Ordinal);
        Assert.DoesNotContain("3572030909700710", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListFindsResidentsByNameKelurahanAndDesil()
    {
        var kauman = await Residents.CreateAsync(app, "3572034107880712", "Dwi Kencanasari", decile: 1);
        var sentul = await Residents.CreateAsync(app, "3572034107880713", "Tri Kencanasari", village: Sentul, decile: 4);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var byName = Residents.Rows(await Residents.PageAsync(client, "/Registry?q=kencana"));
        var byVillage = Residents.Rows(await Residents.PageAsync(client, $"/Registry?q=kencanasari&village={Sentul}"));
        var byDecile = Residents.Rows(await Residents.PageAsync(client, "/Registry?q=kencanasari&desil=1"));
        var byWords = Residents.Rows(await Residents.PageAsync(client, "/Registry?q=tri+kenc"));

        Assert.Equal(new[] { kauman, sentul }, byName.Order());
        Assert.Equal(new[] { sentul }, byVillage);
        Assert.Equal(new[] { kauman }, byDecile);
        Assert.Equal(new[] { sentul }, byWords);
    }

    [Fact]
    public async Task TheListIsPagedAndMasksEveryNik()
    {
        for (var i = 0; i < 27; i++)
        {
            await Residents.CreateAsync(app, "35720341078807" + (20 + i).ToString("00", CultureInfo.InvariantCulture), "Halaman Paginasi " + i.ToString(CultureInfo.InvariantCulture));
        }
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var first = await Residents.PageAsync(client, "/Registry?q=paginasi");
        var second = await Residents.PageAsync(client, "/Registry?q=paginasi&p=2");
        var pastTheEnd = await Residents.PageAsync(client, "/Registry?q=paginasi&p=9");

        Assert.Equal(25, Residents.Rows(first).Count);
        Assert.Equal(2, Residents.Rows(second).Count);
        Assert.Equal(Residents.Rows(second), Residents.Rows(pastTheEnd));
        Assert.Contains("26–27 dari 27 penduduk", System.Net.WebUtility.HtmlDecode(pastTheEnd), StringComparison.Ordinal);
        Assert.Contains("href=\"/Registry?q=paginasi&p=2\"", first, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]{16}", first);
        Assert.Contains("3572••••••••0720", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExactNikIsSearchedWithAPostedFormOnly()
    {
        var id = await Residents.CreateAsync(app, "3572034107880714", "Nur Hidayati Salsabila");
        await Residents.CreateAsync(app, "3572034107880715", "Nur Hidayati Salsabilla");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync("/Registry?handler=Nik", await TunasFactory.FormAsync(client, "/Registry", new() { ["Nik"] = "3572034107880714" }));
        var viaAddress = await Residents.PageAsync(client, "/Registry?q=salsabila&nik=3572034107880714");
        var withoutNik = await Residents.PageAsync(client, "/Registry?q=salsabila");

        var html = await Residents.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { id }, Residents.Rows(html));
        Assert.Contains("data-testid=\"nik-result\"", html, StringComparison.Ordinal);
        Assert.Contains("3572••••••••0714", html, StringComparison.Ordinal);
        Residents.AssertNoNikInLinks(html, "3572034107880714");
        // A NIK in the address is no way to search: it is ignored.
        Assert.Equal(Residents.Rows(withoutNik), Residents.Rows(viaAddress));
        Assert.DoesNotContain("data-testid=\"nik-result\"", viaAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedNikInTheSearchSaysWhatIsWrong()
    {
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var response = await client.PostAsync("/Registry?handler=Nik", await TunasFactory.FormAsync(client, "/Registry", new() { ["Nik"] = "357203410788" }));

        Assert.Contains("NIK harus 16 digit; yang diisi 12 digit.", await Residents.TextAsync(response), StringComparison.Ordinal);
    }
}

/// <summary>Residents for the registry's page tests, created through the API as an officer would.</summary>
internal static partial class Residents
{
    public static Dictionary<string, string> Form(string nik, string name, string village = TunasFactory.OperatorVillage, string? kk = null, string? relation = null, string decile = "2") => new()
    {
        ["Input.Nik"] = nik,
        ["Input.FamilyCardNumber"] = kk ?? "",
        ["Input.FullName"] = name,
        ["Input.BirthPlace"] = "Blitar",
        ["Input.Address"] = "Jl. Mawar 7",
        ["Input.Rt"] = "3",
        ["Input.Rw"] = "1",
        ["Input.VillageCode"] = village,
        ["Input.Phone"] = "0812-3456-7890",
        ["Input.Education"] = "SeniorSecondary",
        ["Input.Occupation"] = "Penjahit",
        ["Input.EmploymentStatus"] = "Homemaker",
        ["Input.MaritalStatus"] = "Married",
        ["Input.HouseholdRelation"] = relation ?? "",
        ["Input.Disability"] = "false",
        ["Input.WelfareDecile"] = decile,
        ["Input.WelfareSource"] = "DTKS",
        ["Input.WelfareAsOf"] = "2025-06-30",
    };

    public static async Task<long> CreateAsync(TunasFactory app, string nik, string name, string village = TunasFactory.OperatorVillage,
        string? kk = null, string? relation = null, int? decile = 2, string? phone = null, string? address = "Jl. Melati 1")
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await client.PostAsJsonAsync("/api/v1/persons", new
        {
            nik,
            familyCardNumber = kk,
            fullName = name,
            villageCode = village,
            householdRelation = relation,
            welfareDecile = decile,
            welfareSource = decile is null ? null : "DTKS",
            phone,
            address,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await Residents.TextAsync(response));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>A page's HTML with character references decoded (Razor writes • as &amp;#x2022;).</summary>
    public static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<int> CountAsync(TunasFactory app, string nik)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Persons.CountAsync(p => p.Nik == nik);
    }

    public static async Task<bool> ExistsAsync(TunasFactory app, string nik) => await CountAsync(app, nik) > 0;

    /// <summary>The ids of the residents a list page shows.</summary>
    public static List<long> Rows(string html) =>
        [.. PersonRow().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    /// <summary>No address the page links to or posts to may carry a NIK (or a No. KK).</summary>
    public static void AssertNoNikInLinks(string html, params string[] numbers)
    {
        var addresses = Address().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(addresses);
        foreach (var number in numbers)
        {
            Assert.DoesNotContain(addresses, a => a.Contains(number, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(addresses, a => SixteenDigits().IsMatch(a));
    }

    [GeneratedRegex("<tr data-person=\"([0-9]+)\"")]
    private static partial Regex PersonRow();

    [GeneratedRegex("(?:href|action|src|formaction)=\"([^\"]*)\"")]
    private static partial Regex Address();

    [GeneratedRegex("[0-9]{16}")]
    private static partial Regex SixteenDigits();
}
