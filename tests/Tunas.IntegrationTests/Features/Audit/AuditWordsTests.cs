using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Tunas.IntegrationTests.Features.Programs;
using Tunas.IntegrationTests.Features.Registry;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Audit;

/// <summary>
/// The audit trail reads in plain Indonesian: every field of every entry has a label (never its code), states and
/// roles in words, dates as people write them. A fresh app, so that every entry on the page comes from this test.
/// </summary>
public sealed partial class AuditWordsTests : IAsyncLifetime
{
    private readonly TunasFactory _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task EveryFieldOfAProgramsAndUsersHistoryHasAWordAndNoCodeOrIsoDateShows()
    {
        var id = await Arrange.ProgramAsync(_app);
        var officer = await _app.ApiClientAsync(Roles.ProgramOfficer);
        var changed = await officer.PutAsJsonAsync($"/api/v1/programs/{id}", new
        {
            name = "Pelatihan Kata Audit",
            year = 2030,
            budget = 160_000_000L,
            registrationOpens = "2030-10-01",
            registrationCloses = "2030-10-20",
            targetSize = 80,
            status = "active",
        });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        var rules = await officer.PutAsJsonAsync($"/api/v1/programs/{id}/rules", new { minAge = 18, maxAge = 45, maxDesil = 4, domicileRegencyCode = TunasFactory.AgencyRegency });
        Assert.True(rules.IsSuccessStatusCode, await rules.Content.ReadAsStringAsync());
        await Arrange.TrackAsync(_app, id, "Jajanan");
        await Arrange.ProviderAsync(_app);
        var admin = await _app.PageClientAsync(Roles.Administrator);

        var html = await Residents.PageAsync(admin, "/Audit");

        var lines = FieldLine().Matches(html).Select(m => (Label: m.Groups["label"].Value.Trim(), Field: m.Groups["field"].Value)).ToList();
        Assert.Contains(lines, l => l.Field == "status");
        Assert.Contains(lines, l => l.Field == "minAge");
        Assert.Contains(lines, l => l.Field == "Role");
        Assert.All(lines, l => Assert.NotEqual(l.Field, l.Label));
        var entries = html[html.IndexOf("data-testid=\"audit-entries\"", StringComparison.Ordinal)..];
        Assert.DoesNotMatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", entries);
        foreach (var code in new[] { ">Draft<", ">Active<", "VillageOperator", "ProgramOfficer", ">true<", ">false<" })
        {
            Assert.DoesNotContain(code, entries, StringComparison.Ordinal);
        }
        Assert.Contains("20/10/2030", entries, StringComparison.Ordinal);
        Assert.DoesNotContain("User #", entries, StringComparison.Ordinal);
        Assert.Contains("Pengguna #", entries, StringComparison.Ordinal);
    }

    [GeneratedRegex("<dt class=\"col-5 col-md-3 fw-normal text-muted\">(?<label>[^<]*)</dt>\\s*<dd[^>]*data-field=\"(?<field>[^\"]+)\"")]
    private static partial Regex FieldLine();
}
