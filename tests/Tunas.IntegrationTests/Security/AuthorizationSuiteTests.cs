using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;
using Xunit.Abstractions;

namespace Tunas.IntegrationTests.Security;

/// <summary>
/// The generated authorization suite (issue 10): every endpoint the app serves has a row in <see cref="AccessTable"/>,
/// and every row is called as the anonymous and as each of the seven roles (and, where rows are owned, with a row the
/// caller owns and one it does not), each answer held to the row.
/// </summary>
public sealed partial class AuthorizationSuiteTests(AuthorizationApp app, ITestOutputHelper output) : IClassFixture<AuthorizationApp>
{
    private static readonly string?[] Principals = [null, .. Roles.All];

    [Fact]
    public async Task EveryEndpointTheAppServesHasARowAndEveryRowAnEndpoint()
    {
        var coverage = Coverage.Of(await Endpoints.OfAsync(app.Services), AccessTable.Rows);

        Assert.True(coverage.Complete, coverage.ToString());
        Assert.Equal(AccessTable.Rows.Count, AccessTable.Rows.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public async Task AnEndpointWithoutARowOrARowWithoutAnEndpointFailsTheSuite()
    {
        var served = await Endpoints.OfAsync(app.Services);
        var added = new EndpointKey("GET", "/api/v1/new-feature/{id:long}");

        var unlisted = Coverage.Of([.. served, added], AccessTable.Rows);
        var stale = Coverage.Of(served.Where(k => k != AccessTable.Rows[^1].Key), AccessTable.Rows);

        Assert.False(unlisted.Complete);
        Assert.Equal([added], unlisted.WithoutRow);
        Assert.False(stale.Complete);
        Assert.Equal([AccessTable.Rows[^1].Key], stale.WithoutEndpoint);
    }

    [Fact]
    public async Task EveryRowAnswersEachRoleAsDeclared()
    {
        var callers = new Callers(app);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var watch = Stopwatch.StartNew();
        var calls = 0;
        foreach (var role in Principals)
        {
            await callers.SessionAsync(role);
        }
        // Reads run for all callers at once; writes after them, one caller at a time from the least to the most
        // privileged, so that an officer's merge or withdrawal cannot take away a row an operator is tested on.
        var reads = AccessTable.Rows.Where(r => r.Method is "GET" or "*").ToList();
        var writes = AccessTable.Rows.Where(r => r.Method is not ("GET" or "*")).ToList();
        await Task.WhenAll(Principals.Select(role => CallAsync(reads, role)));
        foreach (var role in Principals.OrderBy(Rank))
        {
            await CallAsync(writes, role);
        }
        output.WriteLine($"{AccessTable.Rows.Count} rows x {Principals.Length} callers: {calls} calls in {watch.Elapsed.TotalSeconds:0.0} s ({Tunas.IntegrationTests.Infrastructure.TunasFactory.ProviderName}).");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));

        async Task CallAsync(List<Expectation> rows, string? role)
        {
            var session = await callers.SessionAsync(role);
            foreach (var row in rows)
            {
                foreach (var (ids, owned) in Targets(row, role))
                {
                    var url = Url(row.Route, ids);
                    var method = row.Method == "*" ? "GET" : row.Method;
                    using var response = url.StartsWith("/api/", StringComparison.Ordinal)
                        ? await callers.ApiAsync(session, method, url)
                        : await callers.PageAsync(session, method, url);
                    Interlocked.Increment(ref calls);
                    var problem = Judge(row, role, owned, response);
                    if (problem is null && role == Roles.Leadership)
                    {
                        problem = NikIn(await response.Content.ReadAsStringAsync(), masked: row.Allowed is not null);
                    }
                    if (problem is not null)
                    {
                        failures.Enqueue($"{method} {url} as {role ?? "anonymous"}: {problem}");
                    }
                }
            }
        }
    }

    /// <summary>What is wrong with an answer, or null when it is what the row says.</summary>
    private static string? Judge(Expectation row, string? role, bool owned, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var toLogin = status == 302 && location.Contains("/Account/Login", StringComparison.Ordinal);
        var denied = status == 302 && location.Contains("/Account/AccessDenied", StringComparison.Ordinal);
        if (!row.Allows(role))
        {
            var expected = (row.Refusal, role) switch
            {
                (Refusal.Status, null) => status == 401,
                (Refusal.Status, _) => status == 403,
                (_, null) => toLogin,
                _ => denied,
            };
            return expected ? null : $"expected to be refused ({row.Refusal}), got {status} {location}";
        }
        if (!owned)
        {
            return status == row.NotOwned ? null : $"a row this {role} does not own must answer {row.NotOwned}, got {status} {location}";
        }
        if (row.Answer is { } answer)
        {
            return status == answer ? null : $"expected its own answer {answer}, got {status} {location}";
        }
        if (status is 401 or 403 || toLogin || denied)
        {
            return $"expected to be allowed, got {status} {location}";
        }
        return status >= 500 ? $"allowed, but the app failed with {status}" : null;
    }

    /// <summary>The ids to call a row with: for an owner role its own row and another's; for the rest another's.</summary>
    private IEnumerable<(SeedIds Ids, bool Owned)> Targets(Expectation row, string? role)
    {
        if (role is not null && row.Owners.Contains(role))
        {
            yield return (app.Own, true);
            yield return (app.Other, false);
            yield break;
        }
        yield return (app.Other, true);
    }

    private static int Rank(string? role) => role switch
    {
        null => 0,
        Roles.Administrator => 9,
        Roles.ProgramOfficer => 8,
        Roles.VillageOperator => 7,
        _ => 1,
    };

    /// <summary>The route with its parameters filled from the seed; which entity an <c>{id}</c> is follows the path.</summary>
    internal string Url(string route, SeedIds ids) => RouteParameter().Replace(route, m =>
    {
        var name = m.Groups[1].Value;
        return name switch
        {
            "programId" => Text(app.ProgramId),
            "trackId" => Text(app.TrackId),
            "runId" => Text(app.RunId),
            "applicationId" => Text(ids.Application),
            "sessionId" => Text(ids.Session),
            "participantId" => Text(ids.Participant),
            "handoverId" => "0", // none: an allowed caller is answered 404, a refused one is refused before
            "cohortId" => Text(ids.Cohort),
            "clientId" => "kas-tidak-ada",
            "appealId" => Text(app.AppealId),
            "photoId" => Text(ids.Photo),
            "workerId" => Text(ids.Worker),
            "productId" or "offerId" => "0", // none: an allowed caller is answered 404, a refused one is refused before
            "kind" => "nib",
            "code" => "35.72",
            "documentName" => "v1",
            "path" => "tidak-ada",
            "token" => "1.2.3.palsu",
            "id" => IdFor(route, ids),
            _ => throw new InvalidOperationException("No seed value for {" + name + "} in " + route + ": add one here."),
        };
    });

    private string IdFor(string route, SeedIds ids)
    {
        bool Has(params string[] parts) => parts.Any(p => route.Contains(p, StringComparison.Ordinal));
        return true switch
        {
            _ when Has("/persons/", "/Registry/Details/", "/Registry/Edit/", "/Registry/Held/", "/Registry/Verify/") => Text(ids.Person),
            _ when Has("/duplicates/") => Text(app.DuplicateId),
            _ when Has("/bulk-orders/") => "0",
            _ when Has("/cohorts/", "/Training/") => Text(ids.Cohort),
            _ when Has("/certificates/") => Text(ids.Certificate),
            _ when Has("/businesses/", "/Usaha/") => Text(ids.Business),
            _ when Has("/followups/", "/Kunjungan/") => Text(ids.FollowUp),
            _ when Has("/business-categories/") => Text(app.CategoryId),
            _ when Has("/messages/") => Text(ids.Message),
            _ when Has("/imports/", "/Registry/Imports/") => ids.Import.ToString(),
            _ when Has("/providers/", "/Programs/Providers/") => Text(app.ProviderId),
            _ when Has("/Users/Edit/") => app.UserId,
            _ when Has("/programs/", "/Programs/") => Text(app.ProgramId),
            _ => throw new InvalidOperationException("No seed value for {id} in " + route + ": add one here."),
        };
    }

    /// <summary>Leadership never sees a NIK: never a full one, and off the public pages not even a masked one.</summary>
    private string? NikIn(string body, bool masked)
    {
        var text = WebUtility.HtmlDecode(body).Replace("\\u2022", "•", StringComparison.Ordinal);
        foreach (var nik in app.Niks)
        {
            if (text.Contains(nik, StringComparison.Ordinal) || (masked && text.Contains(Nik.Mask(nik), StringComparison.Ordinal)))
            {
                return "the answer shows a NIK to Leadership";
            }
        }
        return null;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{\*?([A-Za-z]+)(?::[a-z]+)?\??\}")]
    private static partial Regex RouteParameter();
}
