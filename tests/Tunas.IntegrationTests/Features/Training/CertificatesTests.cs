using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Shared.Exports;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Training.Certificates;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

public sealed partial class CertificatesTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    /// <summary>Two participants: the first completed, the second attended one session.</summary>
    private async Task<(CertificateScenario S, long Done, long NotDone)> FinishedAsync(int providerId)
    {
        var s = await CertificateScenario.CreateAsync(app, 2, providerId);
        await s.AttendAsync(app, s.Participants[0], s.Sessions.Count);
        await s.AttendAsync(app, s.Participants[1], 1);
        await s.AssessAsync(app, s.Participants[0], "competent");
        await s.AssessAsync(app, s.Participants[1], "competent");
        return (s, s.Participants[0], s.Participants[1]);
    }

    private async Task<JsonElement> IssueAsync(int cohort)
    {
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await officer.PostAsync($"/api/v1/cohorts/{cohort}/certificates", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task OnlyThoseWhoCompletedGetACertificateAndASecondIssueIssuesNone()
    {
        var (s, done, notDone) = await FinishedAsync(app.ProviderA);

        var first = await IssueAsync(s.Cohort);
        var second = await IssueAsync(s.Cohort);

        var issued = Assert.Single(first.GetProperty("issued").EnumerateArray());
        Assert.Equal(done, issued.GetProperty("participantId").GetInt64());
        Assert.Matches(NumberPattern(), issued.GetProperty("number").GetString());
        Assert.EndsWith("/0001", issued.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{16}$", issued.GetProperty("verificationCode").GetString());
        var notEligible = Assert.Single(first.GetProperty("notEligible").EnumerateArray());
        Assert.Equal(notDone, notEligible.GetProperty("participantId").GetInt64());
        Assert.StartsWith("Kehadiran 1 dari ", notEligible.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(second.GetProperty("issued").EnumerateArray());
        Assert.Equal(1, await app.DbAsync(db => db.Set<Certificate>().CountAsync(c => c.CohortId == s.Cohort)));
        Assert.False(await app.DbAsync(db => db.Set<Certificate>().AnyAsync(c => c.ParticipantId == notDone)));
    }

    [Fact]
    public async Task TwoProgramsOfOneYearWithTheSameTrackNeverPrintTheSameNumber()
    {
        var (a, _, _) = await FinishedAsync(app.ProviderA);
        var (b, _, _) = await FinishedAsync(app.ProviderA);

        var first = (await IssueAsync(a.Cohort)).GetProperty("issued")[0].GetProperty("number").GetString()!;
        var second = (await IssueAsync(b.Cohort)).GetProperty("issued")[0].GetProperty("number").GetString()!;

        Assert.EndsWith("/0001", first, StringComparison.Ordinal);
        Assert.EndsWith("/0001", second, StringComparison.Ordinal);
        Assert.Equal(first.Split('/')[3], second.Split('/')[3]); // the same track code
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    public async Task OnlyOfficersIssueAndRevoke(string role)
    {
        var (s, _, _) = await FinishedAsync(app.ProviderA);
        var client = await app.ApiClientAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/cohorts/{s.Cohort}/certificates", null)).StatusCode);
        var id = (await IssueAsync(s.Cohort)).GetProperty("issued")[0].GetProperty("certificateId").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = "Coba" })).StatusCode);
        Assert.Null(await app.DbAsync(db => db.Set<Certificate>().Where(c => c.Id == id).Select(c => c.RevokedOn).SingleAsync()));
    }

    [PdfToTextFact]
    public async Task TheCertificateIsAPdfWithTheNameAndALinkToItsPublicCheck()
    {
        var (s, done, _) = await FinishedAsync(app.ProviderA);
        var issued = (await IssueAsync(s.Cohort)).GetProperty("issued")[0];
        var (id, code) = (issued.GetProperty("certificateId").GetInt64(), issued.GetProperty("verificationCode").GetString()!);
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);

        var response = await staff.GetAsync($"/api/v1/certificates/{id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        var text = Words(await ExportFiles.PdfTextAsync(bytes));
        Assert.Contains(await CertificateScenario.NameAsync(app, done), text, StringComparison.Ordinal);
        Assert.Contains("SERTIFIKAT", text, StringComparison.Ordinal);
        Assert.Contains("Modes Al Amin", text, StringComparison.Ordinal);
        Assert.Matches(@"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}", text);
        // The QR code's link annotation carries the public check's absolute address with the code as the API gave it.
        Assert.Matches("/URI ?\\(https?://[^)]+/verify/" + code + "\\)", Encoding.Latin1.GetString(bytes));
        Assert.Contains("/verify/" + code, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATrainerOfAnotherProviderAndParticipantsCannotDownloadAnothersCertificate()
    {
        var (s, done, notDone) = await FinishedAsync(app.ProviderB);
        var id = (await IssueAsync(s.Cohort)).GetProperty("issued")[0].GetProperty("certificateId").GetInt64();
        var staff = await app.ApiClientAsync(Roles.ProviderStaff);
        var other = await app.ParticipantClientAsync(notDone);
        var holder = await app.ParticipantClientAsync(done);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/certificates/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/cohorts/{s.Cohort}/certificates.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/certificates/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/me/certificate.pdf")).StatusCode);
        var own = await holder.GetAsync("/api/v1/me/certificate.pdf");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/me/certificate.pdf")).StatusCode);
    }

    [Fact]
    public async Task TheCohortsCertificatesComeAsOneZipOfPdfs()
    {
        var s = await CertificateScenario.CreateAsync(app, 3, app.ProviderA);
        foreach (var p in s.Participants)
        {
            await s.AttendAsync(app, p, s.Sessions.Count);
            await s.AssessAsync(app, p, "competent");
        }
        await IssueAsync(s.Cohort);
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var response = await officer.GetAsync($"/api/v1/cohorts/{s.Cohort}/certificates.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(3, zip.Entries.Count);
        Assert.All(zip.Entries, e => Assert.EndsWith(".pdf", e.Name, StringComparison.Ordinal));
        Assert.Equal(3, zip.Entries.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public async Task ThePublicCheckShowsValidThenRevokedAtOnceAndNothingMore()
    {
        var (s, done, _) = await FinishedAsync(app.ProviderA);
        var issued = (await IssueAsync(s.Cohort)).GetProperty("issued")[0];
        var (id, code) = (issued.GetProperty("certificateId").GetInt64(), issued.GetProperty("verificationCode").GetString()!);
        var anonymous = app.CreateClient();
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var valid = await anonymous.GetAsync($"/api/v1/public/certificates/{code}");
        var page = await anonymous.GetAsync($"/verify/{code}");

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.True(valid.Headers.CacheControl?.NoStore);
        var body = await valid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["endsOn", "holderName", "number", "provider", "revokedOn", "startsOn", "status", "track"],
            body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("valid", body.GetProperty("status").GetString());
        Assert.Equal(await CertificateScenario.NameAsync(app, done), body.GetProperty("holderName").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Contains("Sertifikat ini sah.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noReason = await officer.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Isi alasan pencabutan.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/certificates/{id}/revoke", new { reason = "Data kehadiran keliru" })).StatusCode);

        var revoked = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/certificates/{code}");
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal(ProgramToday(), revoked.GetProperty("revokedOn").GetString());
        Assert.Contains("Sertifikat ini dicabut pada", await anonymous.GetStringAsync($"/verify/{code}"), StringComparison.Ordinal);
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "certificate.revoked" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0000000000000000")] // well formed, never issued
    [InlineData("ILOU000000000000")] // letters no code has
    [InlineData("00000000000000000")]
    public async Task AnUnknownOrMalformedCodeIsNotFound(string code)
    {
        var anonymous = app.CreateClient();

        var api = await anonymous.GetAsync($"/api/v1/public/certificates/{code}");
        var page = await anonymous.GetAsync($"/verify/{code}");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.True(api.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task AnIssuedCertificateIsTheLastTrainingSelectionReads()
    {
        var (s, done, notDone) = await FinishedAsync(app.ProviderA);
        await IssueAsync(s.Cohort);
        using var scope = app.Services.CreateScope();
        var history = scope.ServiceProvider.GetRequiredService<ITrainingHistory>();
        var db = scope.ServiceProvider.GetRequiredService<Tunas.Web.Data.TunasDb>();
        var agency = (await db.Agencies.FirstAsync()).Id;
        var person = await PersonAsync(db, done);
        var endsOn = await db.Set<Tunas.Web.Features.Training.Cohort>().Where(c => c.Id == s.Cohort).Select(c => c.EndsOn).SingleAsync();

        var other = await history.LastCompletedAsync(agency, exceptProgramId: s.ProgramId + 1000);
        var same = await history.LastCompletedAsync(agency, exceptProgramId: s.ProgramId);

        Assert.Equal(endsOn, other[person]);
        Assert.False(other.ContainsKey(await PersonAsync(db, notDone)));
        Assert.False(same.ContainsKey(person));
    }

    private static Task<long> PersonAsync(Tunas.Web.Data.TunasDb db, long participant) => (
        from x in db.Set<Tunas.Web.Features.Training.CohortParticipant>()
        where x.Id == participant
        join a in db.Applications on x.ApplicationId equals a.Id
        select a.PersonId).SingleAsync();

    private static string ProgramToday() => Tunas.IntegrationTests.Features.Selection.ProgramScenario.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Words(string? text) => string.Join(' ', (text ?? "").Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^TNS/\d{4}/\d{3,}/[A-Z]{3}/\d{4}$")]
    private static partial Regex NumberPattern();
}
