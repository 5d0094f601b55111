using System.Net;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Account;

/// <summary>
/// Which role is refused which staff page, and that the anonymous are sent to sign in: one table for the pages of
/// every feature (the refusal comes before any data is read, so the ids need not exist).
/// </summary>
[Collection(SharedApp.Name)]
public sealed class PageAccessTests(TunasFactory app)
{
    private static readonly string[] ProgramPages =
    [
        "/Programs", "/Programs/Create", "/Programs/1", "/Programs/1/Edit", "/Programs/1/Quotas", "/Programs/1/Rules",
        "/Programs/1/Tracks/Create", "/Programs/1/Tracks/1", "/Programs/Providers", "/Programs/Providers/Create", "/Programs/Providers/1",
    ];

    private static readonly string[] RegistryPages =
        ["/Registry", "/Registry/Create", "/Registry/Details/1", "/Registry/Edit/1", "/Registry/Duplicates", "/Audit"];

    /// <summary>(page, role) pairs that must be refused.</summary>
    public static TheoryData<string, string> RefusedPages()
    {
        var data = new TheoryData<string, string>();
        Add(data, ProgramPages, Roles.VillageOperator, Roles.Leadership, Roles.ProviderStaff);
        Add(data, RegistryPages, Roles.Leadership, Roles.ProviderStaff, Roles.Facilitator, Roles.Participant);
        Add(data, ["/Registry/Duplicates", "/Audit"], Roles.VillageOperator);
        Add(data, ["/Audit"], Roles.ProgramOfficer);
        return data;
    }

    public static TheoryData<string> SignInPages() =>
    [
        "/Programs", "/Programs/Create", "/Programs/1", "/Programs/1/Quotas", "/Programs/Providers",
        "/Registry", "/Registry/Create", "/Registry/Details/1", "/Registry/Duplicates", "/Audit",
    ];

    [Theory]
    [MemberData(nameof(RefusedPages))]
    public async Task ARoleWithoutThePageIsRefused(string path, string role)
    {
        var client = await app.PageClientAsync(role);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SignInPages))]
    public async Task AnonymousVisitorsAreSentToSignIn(string path)
    {
        var response = await (await app.PageClientAsync(null)).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static void Add(TheoryData<string, string> data, string[] paths, params string[] roles)
    {
        foreach (var role in roles)
        {
            foreach (var path in paths)
            {
                data.Add(path, role);
            }
        }
    }
}
