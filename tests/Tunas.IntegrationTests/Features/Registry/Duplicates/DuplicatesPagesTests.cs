using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Registry.Duplicates;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Registry.Duplicates;

[Collection(SharedApp.Name)]
public sealed class DuplicatesPagesTests(TunasFactory app)
{
    [Fact]
    public async Task TwoResidentsWithTheSameNameAndBirthDateAreListedSideBySide()
    {
        var a = await Residents.CreateAsync(app, "3572024506887701", "Siti Kembar Rahayu");
        var b = await Residents.CreateAsync(app, "3572024506887702", "Siti  Kembar Rahayu", village: "35.72.01.1003");
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var html = await Residents.PageAsync(client, "/Registry/Duplicates");

        var pair = PairSection(html, a, b);
        Assert.Contains($"data-person=\"{a}\"", pair, StringComparison.Ordinal);
        Assert.Contains($"data-person=\"{b}\"", pair, StringComparison.Ordinal);
        Assert.Contains("3572••••••••7701", pair, StringComparison.Ordinal);
        Assert.Contains("3572••••••••7702", pair, StringComparison.Ordinal);
        Assert.Contains("05/06/1988", pair, StringComparison.Ordinal);
        Assert.Contains("Sentul", pair, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]{16}", html);
    }

    [Fact]
    public async Task DismissingAPairClosesItAndIsAudited()
    {
        var a = await Residents.CreateAsync(app, "3572024606887703", "Lina Dua Orang");
        var b = await Residents.CreateAsync(app, "3572024606887704", "Lina Dua Orang");
        var pairId = await PairIdAsync(a, b);
        var client = await app.PageClientAsync(Roles.Administrator);

        var response = await client.PostAsync($"/Registry/Duplicates?handler=Dismiss&id={pairId}", await TunasFactory.FormAsync(client, "/Registry/Duplicates", []));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain($"data-pair=\"{pairId}\"", await Residents.PageAsync(client, "/Registry/Duplicates"), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var pair = await db.SuspectedDuplicates.AsNoTracking().SingleAsync(d => d.Id == pairId);
        Assert.Equal(DuplicateStatus.Dismissed, pair.Status);
        Assert.Equal(TunasFactory.EmailOf(Roles.Administrator), pair.ReviewedBy);
        Assert.NotNull(pair.ReviewedAt);
        var key = pairId.ToString(CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "duplicate.dismissed" && e.EntityType == "SuspectedDuplicate" && e.EntityId == key));
        Assert.True(await db.Persons.AnyAsync(p => p.Id == a) && await db.Persons.AnyAsync(p => p.Id == b));
    }

    [Fact]
    public async Task AMergeKeepsOneRecordFillsItsEmptyFieldsAndAuditsBothPersons()
    {
        var kept = await Residents.CreateAsync(app, "3572024706887705", "Tutik Digabung Sari", decile: null, phone: null, address: "Jl. Anggrek 3");
        var removed = await Residents.CreateAsync(app, "3572024706887706", "Tutik Digabung Sari", decile: 2, phone: "081233334444", address: "Jl. Lain 9");
        var pairId = await PairIdAsync(kept, removed);
        var client = await app.PageClientAsync(Roles.ProgramOfficer);

        var response = await client.PostAsync($"/Registry/Duplicates?handler=Merge&id={pairId}",
            await TunasFactory.FormAsync(client, "/Registry/Duplicates", new() { ["keep"] = kept.ToString(CultureInfo.InvariantCulture) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Registry/Details/{kept}", response.Headers.Location!.OriginalString);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == kept);
        Assert.Equal("+6281233334444", person.Phone);
        Assert.Equal(2, person.WelfareDecile);
        Assert.Equal("DTKS", person.WelfareSource);
        Assert.Equal("Jl. Anggrek 3", person.Address); // the kept record's own value wins
        Assert.False(await db.Persons.AnyAsync(p => p.Id == removed));
        Assert.False(await db.PersonNameTokens.AnyAsync(t => t.PersonId == removed));
        var merged = await db.SuspectedDuplicates.AsNoTracking().SingleAsync(d => d.PersonAId == removed || d.PersonBId == removed);
        Assert.Equal(pairId, merged.Id);
        Assert.Equal(DuplicateStatus.Merged, merged.Status);
        Assert.Equal(TunasFactory.EmailOf(Roles.ProgramOfficer), merged.ReviewedBy);

        var keptKey = kept.ToString(CultureInfo.InvariantCulture);
        var removedKey = removed.ToString(CultureInfo.InvariantCulture);
        var onKept = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == keptKey && e.Action == "person.merged");
        var onRemoved = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == removedKey && e.Action == "person.merged");
        using (var details = JsonDocument.Parse(onKept.Details!))
        {
            Assert.Equal(removedKey, details.RootElement.GetProperty("removedPersonId").GetString());
            var changes = details.RootElement.GetProperty("changes");
            Assert.Equal("+6281233334444", changes.GetProperty("phone")[1].GetString());
            Assert.Equal("2", changes.GetProperty("welfareDecile")[1].GetString());
            Assert.False(changes.TryGetProperty("address", out _));
        }
        using (var details = JsonDocument.Parse(onRemoved.Details!))
        {
            Assert.Equal(keptKey, details.RootElement.GetProperty("keptPersonId").GetString());
            Assert.Equal("Jl. Lain 9", details.RootElement.GetProperty("removed").GetProperty("address").GetString());
            Assert.Equal("3572024706887706", details.RootElement.GetProperty("removed").GetProperty("nik").GetString());
        }

        var page = await Residents.PageAsync(client, $"/Registry/Details/{kept}");
        Assert.Contains("data-action=\"person.merged\"", page, StringComparison.Ordinal);
        Assert.Contains("data-field=\"phone\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registry/Details/{removed}")).StatusCode);
    }

    [Fact]
    public async Task AMergeMovesTheHeadOfHouseholdRoleToTheKeptRecord()
    {
        var kept = await Residents.CreateAsync(app, "3572020808707707", "Slamet Kepala Ganda", kk: null);
        var removed = await Residents.CreateAsync(app, "3572020808707708", "Slamet Kepala Ganda", kk: "3572020101207707", relation: "Kepala Keluarga");
        var pairId = await PairIdAsync(kept, removed);
        var client = await app.ApiClientAsync(Roles.Administrator);

        var response = await client.PostAsJsonAsync($"/api/v1/duplicates/{pairId}/merge", new { keepPersonId = kept });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == kept);
        Assert.Equal("3572020101207707", person.FamilyCardNumber);
        Assert.Equal(HouseholdRelation.Head, person.HouseholdRelation);
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == person.HouseholdId);
        Assert.Equal(kept, household.HeadPersonId);
    }

    [Fact]
    public async Task AMergeMovesTheRemovedPersonsOtherPairsWithTheirDecisions()
    {
        var kept = await Residents.CreateAsync(app, "3572025006887711", "Wagiyem Tiga Kali");
        var removed = await Residents.CreateAsync(app, "3572025006887712", "Wagiyem Tiga Kali", kk: "3572020101207710");
        var sister = await Residents.CreateAsync(app, "3572025007907711", "Wagiyem Tiga Kali", kk: "3572020101207710");
        var sisterPair = await PairIdAsync(removed, sister);
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/duplicates/{sisterPair}/dismiss", null)).StatusCode);

        var merged = await api.PostAsJsonAsync($"/api/v1/duplicates/{await PairIdAsync(kept, removed)}/merge", new { keepPersonId = kept });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var moved = await db.SuspectedDuplicates.AsNoTracking().SingleAsync(d => d.Id == sisterPair);
        Assert.Equal((kept, sister), (moved.PersonAId, moved.PersonBId));
        Assert.Equal(DuplicateStatus.Dismissed, moved.Status);
        Assert.Equal(DuplicateReason.SameNameInHousehold, moved.Reason);
    }

    [Fact]
    public async Task TheApiListsOpenPairsWithMaskedNiksAndRefusesAWrongChoice()
    {
        var a = await Residents.CreateAsync(app, "3572025106887712", "Api Kembar Lestari");
        var b = await Residents.CreateAsync(app, "3572025106887713", "Api Kembar Lestari");
        var pairId = await PairIdAsync(a, b);
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/duplicates?pageSize=100");
        var wrongKeep = await client.PostAsJsonAsync($"/api/v1/duplicates/{pairId}/merge", new { keepPersonId = 1 });
        var noKeep = await client.PostAsJsonAsync($"/api/v1/duplicates/{pairId}/merge", new { });
        var dismissed = await client.PostAsync($"/api/v1/duplicates/{pairId}/dismiss", null);
        var again = await client.PostAsJsonAsync($"/api/v1/duplicates/{pairId}/merge", new { keepPersonId = a });
        var unknown = await client.PostAsync("/api/v1/duplicates/987654321/dismiss", null);

        var item = Assert.Single(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == pairId);
        Assert.Equal("3572••••••••7712", item.GetProperty("a").GetProperty("nik").GetString());
        Assert.Equal("3572••••••••7713", item.GetProperty("b").GetProperty("nik").GetString());
        Assert.Equal("1988-06-11", item.GetProperty("a").GetProperty("birthDate").GetString());
        Assert.Equal("sameNameAndBirthDate", item.GetProperty("reason").GetString());
        Assert.DoesNotMatch("[0-9]{16}", list.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, wrongKeep.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noKeep.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    public async Task OnlyAdministratorsAndProgramOfficersReviewDuplicates(string role)
    {
        var pages = await app.PageClientAsync(role);
        var api = await app.ApiClientAsync(role);

        var page = await pages.GetAsync("/Registry/Duplicates");
        var list = await api.GetAsync("/api/v1/duplicates");
        var dismiss = await api.PostAsync("/api/v1/duplicates/1/dismiss", null);
        var merge = await api.PostAsJsonAsync("/api/v1/duplicates/1/merge", new { keepPersonId = 1 });

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dismiss.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
    }

    [Fact]
    public async Task AMergeMovesTheRemovedPersonsApplicationsToTheKeptOne()
    {
        var kept = await Residents.CreateAsync(app, "3572024806887707", "Rina Pindah Daftar");
        var removed = await Residents.CreateAsync(app, "3572024806887708", "Rina Pindah Daftar");
        var program = await Tunas.IntegrationTests.Features.Selection.ProgramScenario.CreateAsync(app);
        var applicationId = await ApplyAsync(program.ProgramId, program.TrackA, removed, "TNS-MRG1-0001");
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);

        var merged = await api.PostAsJsonAsync($"/api/v1/duplicates/{await PairIdAsync(kept, removed)}/merge", new { keepPersonId = kept });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.Equal(kept, await db.Applications.Where(a => a.Id == applicationId).Select(a => a.PersonId).SingleAsync());
    }

    [Fact]
    public async Task TwoRecordsThatBothAppliedToOneProgramAreNotMerged()
    {
        var kept = await Residents.CreateAsync(app, "3572025206887721", "Wati Daftar Dua");
        var removed = await Residents.CreateAsync(app, "3572025206887722", "Wati Daftar Dua");
        var program = await Tunas.IntegrationTests.Features.Selection.ProgramScenario.CreateAsync(app);
        await ApplyAsync(program.ProgramId, program.TrackA, kept, "TNS-MRG2-0001");
        await ApplyAsync(program.ProgramId, program.TrackA, removed, "TNS-MRG2-0002");
        var pairId = await PairIdAsync(kept, removed);
        var api = await app.ApiClientAsync(Roles.ProgramOfficer);

        var merged = await api.PostAsJsonAsync($"/api/v1/duplicates/{pairId}/merge", new { keepPersonId = kept });

        Assert.Equal(HttpStatusCode.Conflict, merged.StatusCode);
        Assert.Contains("tidak dapat digabungkan", (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.True(await db.Persons.AnyAsync(p => p.Id == removed));
        Assert.Equal(DuplicateStatus.Open, await db.SuspectedDuplicates.Where(d => d.Id == pairId).Select(d => d.Status).SingleAsync());
    }

    private async Task<long> ApplyAsync(int programId, int trackId, long personId, string number)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var application = new Tunas.Web.Features.Applications.Application
        {
            AgencyId = await db.Programs.Where(p => p.Id == programId).Select(p => p.AgencyId).SingleAsync(),
            ProgramId = programId,
            PersonId = personId,
            RegistrationNumber = number,
            FirstTrackId = trackId,
            VillageCode = TunasFactory.OperatorVillage,
            ConsentPurpose = "uji",
            Consent = true,
            SubmittedAt = DateTime.UtcNow,
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task<long> PairIdAsync(long one, long other)
    {
        var (a, b) = one < other ? (one, other) : (other, one);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        return await db.SuspectedDuplicates.Where(d => d.PersonAId == a && d.PersonBId == b).Select(d => d.Id).SingleAsync();
    }

    private static string PairSection(string html, long a, long b)
    {
        foreach (Match m in Regex.Matches(html, "<section class=\"card mb-3\" data-pair=\"[0-9]+\">(.*?)</section>", RegexOptions.Singleline))
        {
            if (m.Value.Contains($"data-person=\"{a}\"", StringComparison.Ordinal) && m.Value.Contains($"data-person=\"{b}\"", StringComparison.Ordinal))
            {
                return m.Value;
            }
        }
        Assert.Fail($"No pair of {a} and {b} on the page.");
        return "";
    }
}
