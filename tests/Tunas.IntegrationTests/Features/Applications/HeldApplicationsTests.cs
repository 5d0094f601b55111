using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>An officer resolves held applications: the claimant verified (submitted, their phone trusted) or rejected, audited (decision 0021).</summary>
[Collection(ApplicationsAppGroup.Name)]
public sealed class HeldApplicationsTests(ApplicationsApp app)
{
    private async Task<(Applicants.Program Program, Applicants.Person Resident, string Number)> HeldAsync(bool ownerApplies = false)
    {
        var program = await Applicants.ProgramAsync(app);
        var resident = Applicants.NewPerson();
        await Applicants.RegisterAsync(app, resident, desil: 1, familyCard: resident.FamilyCard, phone: "+6281234567890");
        var client = app.CreateClient();
        if (ownerApplies)
        {
            await Applicants.NumberAsync(await Applicants.ApplyAsync(client, Applicants.Body(program, resident)));
        }
        var claim = Applicants.Body(program, resident);
        claim["familyCardNumber"] = Applicants.NewPerson().FamilyCard;
        claim["phone"] = "0813-5555-0000";
        return (program, resident, await Applicants.NumberAsync(await Applicants.ApplyAsync(client, claim)));
    }

    private async Task<Application> ApplicationAsync(string number)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().Applications.AsNoTracking().SingleAsync(a => a.RegistrationNumber == number);
    }

    private async Task<string?> AuditAsync(string action, long id)
    {
        using var scope = app.Services.CreateScope();
        var key = id.ToString(CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<TunasDb>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == action && a.EntityId == key).Select(a => a.Details).SingleOrDefaultAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, long id, string note) =>
        await client.PostAsync($"/Applications/Held?handler={handler}", await TunasFactory.FormAsync(client, "/Applications/Held",
            new() { ["id"] = id.ToString(CultureInfo.InvariantCulture), ["note"] = note }));

    [Fact]
    public async Task AVerifiedClaimantIsReleasedToTheSelectionWithTheirPhone()
    {
        var (_, _, number) = await HeldAsync();
        var held = await ApplicationAsync(number);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);

        var list = await officer.GetStringAsync("/Applications/Held");
        var noNote = await PostAsync(officer, "Release", held.Id, "");
        var response = await PostAsync(officer, "Release", held.Id, "Ditelepon ke nomor tercatat, KK dilihat");

        Assert.Contains($"data-held-application=\"{held.Id}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var released = await ApplicationAsync(number);
        Assert.Equal(ApplicationStatus.Submitted, released.Status);
        Assert.Equal("+6281355550000", released.Phone);
        Assert.Null(released.UnverifiedPhone);
        Assert.Contains("KK dilihat", await AuditAsync("application.held-released", held.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedClaimStaysOutOfTheSelectionAndIsAudited()
    {
        var (_, _, number) = await HeldAsync();
        var held = await ApplicationAsync(number);
        var officer = await app.PageClientAsync(Roles.Administrator);

        var response = await PostAsync(officer, "Reject", held.Id, "Nomor KK tidak cocok");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationStatus.Rejected, (await ApplicationAsync(number)).Status);
        Assert.Contains("tidak cocok", await AuditAsync("application.held-rejected", held.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedClaimReadsAsRejectedOnTheStatusPageAndInTheApi()
    {
        var (_, resident, number) = await HeldAsync();
        var held = await ApplicationAsync(number);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        var api = app.CreateClient();
        var page = await app.PageClientAsync(null);
        var lookup = new { registrationNumber = number, birthDate = resident.BirthIso };
        var whileHeld = await (await api.PostAsJsonAsync("/api/v1/public/applications/status", lookup)).Content.ReadFromJsonAsync<JsonElement>();

        await PostAsync(officer, "Reject", held.Id, "Nomor KK tidak cocok");
        var status = await api.PostAsJsonAsync("/api/v1/public/applications/status", lookup);
        var html = await Applicants.TextAsync(await page.PostAsync("/Status", await TunasFactory.FormAsync(page, "/Status",
            new() { ["RegistrationNumber"] = number, ["BirthDate"] = resident.BirthIso })));

        Assert.Equal("submitted", whileHeld.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadAsStringAsync();
        Assert.Equal("rejected", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        Assert.Matches("data-testid=\"application-status\">\\s*Ditolak\\s*<", html);
        Assert.Contains("Petugas Dinas sudah memeriksa pendaftaran ini dan tidak menerimanya", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-result\"", html, StringComparison.Ordinal);
        // Nothing of the officer's check or of the registry's person is told: neither the note nor a word of holding.
        foreach (var text in new[] { body, html })
        {
            Assert.DoesNotContain("tidak cocok", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ditahan", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("held", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AHeldClaimNeitherBlocksNorIsLostInAMergeOfThePersonItClaims()
    {
        var (program, _, number) = await HeldAsync();
        var claimed = (await ApplicationAsync(number)).PersonId;
        var twin = Applicants.NewPerson();
        var kept = await Applicants.RegisterAsync(app, twin, desil: 1, familyCard: twin.FamilyCard, phone: "+6281234567891");
        await Applicants.NumberAsync(await Applicants.ApplyAsync(app.CreateClient(), Applicants.Body(program, twin)));
        long pair;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
            var duplicate = new Tunas.Web.Features.Registry.Duplicates.SuspectedDuplicate
            {
                AgencyId = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
                PersonAId = Math.Min(claimed, kept),
                PersonBId = Math.Max(claimed, kept),
                Reason = Tunas.Web.Features.Registry.Duplicates.DuplicateReason.SameNameAndBirthDate,
                DetectedAt = DateTime.UtcNow,
            };
            db.SuspectedDuplicates.Add(duplicate);
            await db.SaveChangesAsync();
            pair = duplicate.Id;
        }
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);

        var merge = await officer.PostAsJsonAsync($"/api/v1/duplicates/{pair}/merge", new { keepPersonId = kept });

        // A claim is no application of the person's own (decision 0016): it follows the person, still held for an officer.
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var held = await ApplicationAsync(number);
        Assert.Equal(kept, held.PersonId);
        Assert.Equal(ApplicationStatus.Held, held.Status);
    }

    [Fact]
    public async Task AClaimIsNotReleasedBesideTheOwnersOwnApplication()
    {
        var (_, _, number) = await HeldAsync(ownerApplies: true);
        var held = await ApplicationAsync(number);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await PostAsync(officer, "Release", held.Id, "coba");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sudah punya pendaftaran", await Applicants.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Held, (await ApplicationAsync(number)).Status);
        Assert.Null(await AuditAsync("application.held-released", held.Id));
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    public async Task OnlyOfficersResolveHeldApplications(string role)
    {
        var (_, _, number) = await HeldAsync();
        var held = await ApplicationAsync(number);
        var client = await app.PageClientAsync(role);

        var view = await client.GetAsync("/Applications/Held");

        Assert.Contains("/Account/AccessDenied", view.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Held, (await ApplicationAsync(number)).Status);
        Assert.Null(await AuditAsync("application.held-released", held.Id));
    }
}
