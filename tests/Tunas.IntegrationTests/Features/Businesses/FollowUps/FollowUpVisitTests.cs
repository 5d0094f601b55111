using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses.FollowUps;

/// <summary>The facilitator's work list and the visit form: only their own rows, bad answers refused with nothing stored.</summary>
public sealed class FollowUpVisitTests(FollowUpApp app) : IClassFixture<FollowUpApp>
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A planned program whose graduates' rows are the facilitator's and whose comparison rows are nobody's.</summary>
    private async Task<(FollowUpProgram Program, List<FollowUp> Mine, List<FollowUp> NotMine)> PlannedAsync(int endedDaysAgo = 40)
    {
        var program = await app.ProgramAsync(app.Today.AddDays(-endedDaysAgo));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).EnsureSuccessStatusCode();
        var facilitator = await app.UserIdAsync(Roles.Facilitator);
        var rows = await app.DbAsync(db => db.Set<FollowUp>().Where(f => f.ProgramId == program.ProgramId).OrderBy(f => f.Id).ToListAsync());
        var mine = rows.Where(r => r.Group == FollowUpGroup.Participant).ToList();
        (await officer.PostAsJsonAsync("/api/v1/followups/assign", new { followUpIds = mine.Select(r => r.Id), facilitatorId = facilitator })).EnsureSuccessStatusCode();
        return (program, mine, [.. rows.Where(r => r.Group == FollowUpGroup.Comparison)]);
    }

    private static object Answers(string visitedOn, long revenue = 1_200_000, long profit = 400_000, int workers = 1) => new
    {
        channel = "visit",
        visitedOn,
        businessActive = true,
        monthlyRevenue = revenue,
        monthlyProfit = profit,
        workers,
        householdMonthlyIncome = 2_500_000,
        needs = new[] { "capital", "permits" },
        problems = "Bahan baku mahal.",
    };

    /// <summary>Every id of the list, page by page (other tests of the class add rows of their own).</summary>
    private static async Task<List<long>> IdsAsync(HttpClient client, string status)
    {
        var ids = new List<long>();
        for (var page = 1; ; page++)
        {
            var answer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/followups?status={status}&page={page}");
            ids.AddRange(answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            if (ids.Count >= answer.GetProperty("total").GetInt32())
            {
                return ids;
            }
        }
    }

    [Fact]
    public async Task AFacilitatorListsOnlyTheirOwnRowsOverdueFirstAndAnOfficerListsAll()
    {
        var (_, mine, notMine) = await PlannedAsync();
        var facilitator = await app.ApiClientAsync(Roles.Facilitator);
        var facilitatorId = await app.UserIdAsync(Roles.Facilitator);

        var due = await IdsAsync(facilitator, "due");
        Assert.Subset(due.ToHashSet(), mine.Select(r => r.Id).ToHashSet());
        Assert.Empty(due.Intersect(notMine.Select(r => r.Id)));
        Assert.Equal(due.Count, await app.DbAsync(db => db.Set<FollowUp>().CountAsync(f => due.Contains(f.Id) && f.FacilitatorId == facilitatorId)));
        // Ended 40 days ago: the 1-month rounds are overdue, the later ones are not yet.
        var overdue = await IdsAsync(facilitator, "overdue");
        Assert.Equal(mine.Where(r => r.MonthsAfter == 1).Select(r => r.Id).Order(), overdue.Intersect(mine.Select(r => r.Id)).Order());
        var page = await facilitator.GetFromJsonAsync<JsonElement>("/api/v1/followups?status=due");
        var flags = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("overdue").GetBoolean()).ToList();
        Assert.Equal(flags.OrderByDescending(f => f), flags);

        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        Assert.Subset((await IdsAsync(officer, "due")).ToHashSet(), mine.Concat(notMine).Select(r => r.Id).ToHashSet());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/v1/followups?status=kemarin")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    public async Task OtherRolesAreRefusedTheListAndTheVisit(string role)
    {
        var (_, mine, _) = await PlannedAsync();
        var client = await app.ApiClientAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/followups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/followups/{mine[0].Id}/visit", Answers(Day(app.Today)))).StatusCode);
        var page = await app.PageClientAsync(role);
        var answer = await page.GetAsync($"/Kunjungan/{mine[0].Id}");
        Assert.Contains("/Account/AccessDenied", answer.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Due, await app.DbAsync(db => db.Set<FollowUp>().Where(f => f.Id == mine[0].Id).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task AFacilitatorIsNotFoundARowNotAssignedToThemOnTheApiAndThePage()
    {
        var (_, _, notMine) = await PlannedAsync();
        var facilitator = await app.ApiClientAsync(Roles.Facilitator);
        var id = notMine[0].Id;
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetAsync($"/api/v1/followups/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.PostAsJsonAsync($"/api/v1/followups/{id}/visit", Answers(Day(app.Today)))).StatusCode);
        var page = await app.PageClientAsync(Roles.Facilitator);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Kunjungan/{id}")).StatusCode);
        var own = (await app.DbAsync(db => db.Set<FollowUp>().Where(f => f.FacilitatorId != null).Select(f => f.Id).FirstAsync()));
        var form = await TunasFactory.FormAsync(page, $"/Kunjungan/{own}", new()
        {
            ["Input.VisitedOn"] = Day(app.Today),
            ["Input.BusinessActive"] = "false",
        });
        Assert.Equal(HttpStatusCode.NotFound, (await page.PostAsync($"/Kunjungan/{id}", form)).StatusCode);
        Assert.Equal(FollowUpStatus.Due, await app.DbAsync(db => db.Set<FollowUp>().Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task AVisitIsRecordedAuditedAndListedAsDone()
    {
        var (_, mine, _) = await PlannedAsync();
        var facilitator = await app.ApiClientAsync(Roles.Facilitator);
        var row = mine.First(r => r.MonthsAfter == 1);

        var response = await facilitator.PostAsJsonAsync($"/api/v1/followups/{row.Id}/visit", Answers(Day(app.Today.AddDays(-2)), profit: -50_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.DbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == row.Id));
        Assert.Equal((FollowUpStatus.Done, true, 1_200_000L, -50_000L, 1), (stored.Status, stored.BusinessActive!.Value, stored.MonthlyRevenue!.Value, stored.MonthlyProfit!.Value, stored.Workers!.Value));
        Assert.Equal(FollowUpNeeds.Capital | FollowUpNeeds.Permits, stored.Needs);
        Assert.Equal(await app.UserIdAsync(Roles.Facilitator), stored.VisitedById);
        Assert.Contains(row.Id, await IdsAsync(facilitator, "done"));
        Assert.DoesNotContain(row.Id, await IdsAsync(facilitator, "due"));
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "followup.visit-recorded" && e.EntityId == row.Id.ToString(CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("revenue", "monthlyRevenue", "negatif")]
    [InlineData("profit", "monthlyProfit", "lebih besar dari omzet")]
    [InlineData("workers", "workers", "pekerja")]
    [InlineData("future", "visitedOn", "setelah hari ini")]
    public async Task BadAnswersAreRefusedInIndonesianAndNothingIsStored(string slip, string field, string words)
    {
        var (_, mine, _) = await PlannedAsync();
        var facilitator = await app.ApiClientAsync(Roles.Facilitator);
        var row = mine.First(r => r.MonthsAfter == 1);
        var today = Day(app.Today);
        var body = slip switch
        {
            "revenue" => Answers(today, revenue: -1),
            "profit" => Answers(today, revenue: 500_000, profit: 600_000),
            "workers" => Answers(today, workers: -2),
            _ => Answers(Day(app.Today.AddDays(1))),
        };

        var response = await facilitator.PostAsJsonAsync($"/api/v1/followups/{row.Id}/visit", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(words, errors.GetProperty(field)[0].GetString(), StringComparison.OrdinalIgnoreCase);
        var stored = await app.DbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == row.Id));
        Assert.Equal((FollowUpStatus.Due, (long?)null, (DateOnly?)null), (stored.Status, stored.MonthlyRevenue, stored.VisitedOn));
    }

    [Fact]
    public async Task ThePageKeepsWhatWasTypedWhenAFieldIsRefusedAndSavesAPhotoShrunk()
    {
        var (_, mine, _) = await PlannedAsync();
        var row = mine.First(r => r.MonthsAfter == 1);
        var page = await app.PageClientAsync(Roles.Facilitator);
        Assert.Contains("Kunjungan pendampingan", await page.GetStringAsync("/Kunjungan"), StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Input.VisitedOn"] = Day(app.Today),
            ["Input.Channel"] = "visit",
            ["Input.BusinessActive"] = "true",
            ["Input.MonthlyRevenue"] = "750.000",
            ["Input.MonthlyProfit"] = "-80.000",
            ["Input.Workers"] = "-1",
            ["Input.Problems"] = "Pembeli sering berutang.",
        };

        var refused = await page.PostAsync($"/Kunjungan/{row.Id}", await TunasFactory.FormAsync(page, $"/Kunjungan/{row.Id}", new(fields)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("value=\"750.000\"", html, StringComparison.Ordinal);
        Assert.Contains("Pembeli sering berutang.", html, StringComparison.Ordinal);
        Assert.Contains("Jumlah pekerja adalah bilangan bulat", html, StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Due, await app.DbAsync(db => db.Set<FollowUp>().Where(f => f.Id == row.Id).Select(f => f.Status).SingleAsync()));

        fields["Input.Workers"] = "2";
        var encoded = await (await TunasFactory.FormAsync(page, $"/Kunjungan/{row.Id}", new(fields))).ReadAsStringAsync();
        using var multipart = new MultipartFormDataContent();
        foreach (var pair in encoded.Split('&').Select(p => p.Split('=')))
        {
            multipart.Add(new StringContent(WebUtility.UrlDecode(pair[1])), WebUtility.UrlDecode(pair[0]));
        }
        var photo = new ByteArrayContent(PhotosTests.PhonePhoto(1600, 1200));
        photo.Headers.ContentType = new("image/jpeg");
        multipart.Add(photo, "photo", "kunjungan.jpg");
        var saved = await page.PostAsync($"/Kunjungan/{row.Id}", multipart);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.DbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == row.Id));
        Assert.Equal((FollowUpStatus.Done, 750_000L, -80_000L, 2), (stored.Status, stored.MonthlyRevenue!.Value, stored.MonthlyProfit!.Value, stored.Workers!.Value));
        Assert.NotNull(stored.PhotoFile);
        var jpeg = await (await app.ApiClientAsync(Roles.Facilitator)).GetByteArrayAsync($"/api/v1/followups/{row.Id}/photo");
        Assert.InRange(jpeg.Length, 1, 200 * 1024);
    }

    [Fact]
    public async Task NotReachedIsKeptWithoutAnswers()
    {
        var (_, mine, _) = await PlannedAsync();
        var facilitator = await app.ApiClientAsync(Roles.Facilitator);
        var row = mine.First(r => r.MonthsAfter == 1);
        var response = await facilitator.PostAsJsonAsync($"/api/v1/followups/{row.Id}/visit", new { channel = "phone", visitedOn = Day(app.Today), notReached = true, monthlyRevenue = 100 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.DbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == row.Id));
        Assert.Equal((FollowUpStatus.NotReached, (long?)null, (bool?)null), (stored.Status, stored.MonthlyRevenue, stored.BusinessActive));
    }
}
