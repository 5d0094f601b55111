using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses;

public sealed class PermitsTests(BusinessApp app) : IClassFixture<BusinessApp>
{
    [Theory]
    [InlineData("nib", "123456789012", "NIB dari OSS tepat 13 angka")]
    [InlineData("nib", "12345678901AB", "NIB dari OSS tepat 13 angka")]
    [InlineData("pirt", "12345678901234", "Nomor PIRT tepat 15 angka")]
    public async Task AMalformedNumberIsRefusedWithAClearMessageAndNothingIsStored(string kind, string number, string message)
    {
        var id = await app.BusinessAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.PutAsJsonAsync($"/api/v1/businesses/{id}/permits/{kind}", new { status = "inProgress", number });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await BusinessesApiTests.Error(response, "number"), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.Set<BusinessPermit>().CountAsync(p => p.BusinessId == id)));
    }

    [Fact]
    public async Task PirtIsGrantedOnlyAfterTheCounsellingAndHalalOnlyAfterTheNib()
    {
        var id = await app.BusinessAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        Task<HttpResponseMessage> PutAsync(string kind, object body) => officer.PutAsJsonAsync($"/api/v1/businesses/{id}/permits/{kind}", body);

        var pirtEarly = await PutAsync("pirt", new { status = "granted", number = "123456789012345", issuedOn = "2026-02-01" });
        var halalEarly = await PutAsync("halal", new { status = "granted" });
        Assert.Equal(HttpStatusCode.BadRequest, pirtEarly.StatusCode);
        Assert.StartsWith("SPP-IRT (PIRT) baru dapat terbit setelah sertifikat penyuluhan keamanan pangan", await BusinessesApiTests.Error(pirtEarly, "status"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, halalEarly.StatusCode);
        Assert.StartsWith("Pernyataan halal mandiri baru dapat terbit setelah NIB", await BusinessesApiTests.Error(halalEarly, "status"), StringComparison.Ordinal);

        // The kind is read ignoring case.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("FOODSAFETY", new { status = "granted", issuedOn = "2026-01-20" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("pirt", new { status = "granted", number = "1234-5678-9012-345", issuedOn = "2026-02-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("Nib", new { status = "granted", number = "1234567890123" })).StatusCode);
        var halal = await PutAsync("halal", new { status = "inProgress", blockedBy = "Menunggu pendamping PPH" });
        Assert.Equal(HttpStatusCode.OK, halal.StatusCode);
        Assert.Equal("Menunggu pendamping PPH", (await halal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("blockedBy").GetString());

        // A step another granted step needs stays granted.
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync("foodSafety", new { status = "rejected" })).StatusCode);
        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}");
        var statuses = read.GetProperty("permits").EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("granted", statuses["foodSafety"]);
        Assert.Equal("granted", statuses["pirt"]);
        Assert.Equal("123456789012345", read.GetProperty("permits").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "pirt").GetProperty("number").GetString());
    }

    [Fact]
    public async Task AnUnknownKindIsNotFound()
    {
        var id = await app.BusinessAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsJsonAsync($"/api/v1/businesses/{id}/permits/sertifikat", new { status = "granted" })).StatusCode);
    }

    [Fact]
    public async Task ADocumentIsAPdfOrAnImageAndIsServedToStaff()
    {
        var id = await app.BusinessAsync();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        using var text = Upload("bukan dokumen"u8.ToArray(), "catatan.txt");
        var refused = await officer.PostAsync($"/api/v1/businesses/{id}/permits/nib/document", text);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("Dokumen harus PDF atau gambar", await BusinessesApiTests.Error(refused, "file"), StringComparison.Ordinal);

        var pdf = "%PDF-1.4\n% uji\n"u8.ToArray();
        using var form = Upload(pdf, "nib.pdf");
        var stored = await officer.PostAsync($"/api/v1/businesses/{id}/permits/nib/document", form);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var url = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentUrl").GetString()!;
        var served = await officer.GetAsync(url);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(Roles.VillageOperator)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TheCohortViewCountsHowFarItsGraduatesGot()
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var before = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{app.CohortId}/permits");
        var id = await app.BusinessAsync();
        await officer.PutAsJsonAsync($"/api/v1/businesses/{id}/permits/nib", new { status = "granted", number = "1234567890123" });
        await officer.PutAsJsonAsync($"/api/v1/businesses/{id}/permits/foodSafety", new { status = "inProgress" });

        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{app.CohortId}/permits");

        int Step(JsonElement view, string kind, string status) => view.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == kind).GetProperty(status).GetInt32();
        Assert.Equal(before.GetProperty("businesses").GetInt32() + 1, after.GetProperty("businesses").GetInt32());
        Assert.Equal(Step(before, "nib", "granted") + 1, Step(after, "nib", "granted"));
        Assert.Equal(Step(before, "foodSafety", "inProgress") + 1, Step(after, "foodSafety", "inProgress"));
        Assert.Equal(Step(before, "halal", "notStarted") + 1, Step(after, "halal", "notStarted"));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/cohorts/999999/permits")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(Roles.VillageOperator)).GetAsync($"/api/v1/cohorts/{app.CohortId}/permits")).StatusCode);
    }

    internal static MultipartFormDataContent Upload(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        return form;
    }
}
