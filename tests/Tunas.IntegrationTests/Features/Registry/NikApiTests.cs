using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry;

[Collection(SharedApp.Name)]
public sealed class NikApiTests(TunasFactory app)
{
    [Fact]
    public async Task AValidNikTellsSexBirthDateAndRegion()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var body = await (await client.PostAsJsonAsync("/api/v1/nik/check", new { nik = "3572014107900001" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal("F", body.GetProperty("sex").GetString());
        Assert.Equal("1990-07-01", body.GetProperty("birthDate").GetString());
        Assert.Equal("35.72.01", body.GetProperty("districtCode").GetString());
        Assert.Equal("Kepanjenkidul", body.GetProperty("districtName").GetString());
        Assert.Equal("Kota Blitar", body.GetProperty("regencyName").GetString());
        Assert.Equal("Jawa Timur", body.GetProperty("provinceName").GetString());
        Assert.Empty(body.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task AnInvalidNikListsItsErrorsInIndonesian()
    {
        var client = await app.ApiClientAsync(Roles.VillageOperator);

        var body = await (await client.PostAsJsonAsync("/api/v1/nik/check", new { nik = "3572013213900000" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(body.GetProperty("valid").GetBoolean());
        var codes = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("month-invalid", codes);
        Assert.Contains("serial-zero", codes);
        var messages = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains("4 digit terakhir NIK tidak boleh 0000.", messages);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("sex").ValueKind);
    }

    [Fact]
    public async Task AnOldDistrictCodeIsAWarningNotAnError()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var body = await (await client.PostAsJsonAsync("/api/v1/nik/check", new { nik = "3572990101900001" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(body.GetProperty("valid").GetBoolean());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("district-unknown", warning.GetProperty("code").GetString());
        Assert.Contains("35.72.99", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExcelDamagedNikSaysSo()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var body = await (await client.PostAsJsonAsync("/api/v1/nik/check", new { nik = "3.57201E+15" })).Content.ReadFromJsonAsync<JsonElement>();

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("excel-damaged", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task MessagesAreInEnglishWhenTheUserChoseEnglish()
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en-US|uic=en-US");

        var body = await (await client.PostAsJsonAsync("/api/v1/nik/check", new { nik = "123" })).Content.ReadFromJsonAsync<JsonElement>();

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("A NIK must have exactly 16 digits; this one has 3.", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    public async Task RolesThatDoNotRegisterPeopleCannotCheckNiks(string role)
    {
        var client = await app.ApiClientAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/nik/check", new { nik = "3572014107900001" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousCannotCheckNiks()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/nik/check", new { nik = "3572014107900001" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ANikNeverReachesALogLine()
    {
        const string nik = "3572015508850007";
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        await api.PostAsJsonAsync("/api/v1/nik/check", new { nik });
        var page = await app.PageClientAsync(Roles.ProgramOfficer);
        await page.PostAsync("/Registry/CheckNik", await TunasFactory.FormAsync(page, "/Registry/CheckNik", new() { ["Nik"] = nik }));

        Assert.NotEmpty(app.LogLines);
        Assert.DoesNotContain(app.LogLines, line => line.Contains(nik, StringComparison.Ordinal));
    }
}
