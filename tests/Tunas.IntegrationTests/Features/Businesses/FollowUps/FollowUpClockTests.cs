using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Businesses.FollowUps;

/// <summary>Overdue is not stored: a due row becomes overdue when the app's clock passes its date.</summary>
public sealed class FollowUpClockTests(FollowUpApp app) : IClassFixture<FollowUpApp>
{
    [Fact]
    public async Task ADueVisitBecomesOverdueWhenTheClockPassesItsDate()
    {
        // The 1-month round falls in five days.
        var program = await app.ProgramAsync(app.Today.AddMonths(-1).AddDays(5));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        var facilitator = await app.ApiClientAsync(Roles.Facilitator);
        (await officer.PostAsync($"/api/v1/programs/{program.ProgramId}/followups/plan", null)).EnsureSuccessStatusCode();
        var first = await app.DbAsync(db => db.Set<FollowUp>().Where(f => f.ProgramId == program.ProgramId && f.MonthsAfter == 1).Select(f => f.Id).ToListAsync());
        (await officer.PostAsJsonAsync("/api/v1/followups/assign", new { followUpIds = first, facilitatorId = await app.UserIdAsync(Roles.Facilitator) })).EnsureSuccessStatusCode();

        async Task<List<long>> OverdueAsync() => [.. (await facilitator.GetFromJsonAsync<JsonElement>("/api/v1/followups?status=overdue"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

        Assert.Empty(await OverdueAsync());
        Assert.Contains("data-overdue=\"0\"", await (await app.PageClientAsync(Roles.Facilitator)).GetStringAsync("/Beranda"), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(6));

        Assert.Equal(first.Order(), (await OverdueAsync()).Order());
        // A sign-in of the moved day: the home page counts what is overdue now.
        Assert.Contains($"data-overdue=\"{first.Count}\"", await (await app.PageClientAsync(Roles.Facilitator)).GetStringAsync("/Beranda"), StringComparison.Ordinal);
    }
}
