using Tunas.Web.Infrastructure;
using static Tunas.Web.Infrastructure.Roles;

namespace Tunas.IntegrationTests.Security;

/// <summary>How a caller is refused.</summary>
public enum Refusal
{
    /// <summary>Nobody is refused: the endpoint is for the anonymous public too.</summary>
    None,

    /// <summary>The API: 401 for the anonymous, 403 for a signed-in role without the policy.</summary>
    Status,

    /// <summary>A page: the anonymous are sent to /Account/Login, a role without the policy to /Account/AccessDenied.</summary>
    Redirect,
}

/// <summary>
/// One row of the table: a method on a route pattern (a page post names its handler), the roles allowed (null: the
/// anonymous too; empty: no role at all), how everyone else is refused, and the roles bound to rows they own
/// (a kelurahan operator's residents, a provider's tracks): for them a row they do not own answers 404.
/// </summary>
public sealed record Expectation(string Method, string Route, IReadOnlySet<string>? Allowed, Refusal Refusal, IReadOnlySet<string> Owners)
{
    public EndpointKey Key => new(Method, Route);

    /// <summary>The status an allowed caller gets when that status is the endpoint's own answer (a 403 page), not a refusal.</summary>
    public int? Answer { get; init; }

    /// <summary>The status for a row the caller does not own: 404 unless the row says otherwise.</summary>
    public int NotOwned { get; init; } = 404;

    public bool Allows(string? role) => Allowed is null || (role is not null && Allowed.Contains(role));

    public override string ToString() => Key.ToString();
}

/// <summary>
/// Who may call what: one row per endpoint of the app (route pattern + method), for the anonymous and the seven
/// roles, with the row owners where an endpoint is row-scoped. <see cref="AuthorizationSuiteTests"/> fails when the
/// app serves an endpoint that has no row here, or a row names an endpoint the app no longer serves: a new feature
/// adds its rows to this table.
/// </summary>
public static class AccessTable
{
    private static readonly string[] Registry = [Administrator, ProgramOfficer, VillageOperator];
    private static readonly string[] Officers = [Administrator, ProgramOfficer];
    private static readonly string[] AdminOnly = [Administrator];
    private static readonly string[] OperatorRows = [VillageOperator];
    private static readonly string[] Trainers = [Administrator, ProgramOfficer, ProviderStaff];
    private static readonly string[] ProviderRows = [ProviderStaff];

    public static readonly IReadOnlyList<Expectation> Rows =
    [
        // Anyone, signed in or not: the home page, language, sign-in and first-run setup, the public application
        // and results, health, the API description and the region directory.
        Public("GET", "/"), Public("GET", "/About"), Public("GET", "/Error"),
        Public("GET", "/Culture"), Public("POST", "/Culture"),
        Public("GET", "/Account/Login"), Public("POST", "/Account/Login"), Public("GET", "/Account/AccessDenied") with { Answer = 403 },
        Public("GET", "/Account/Logout"), Public("POST", "/Account/Logout"),
        Public("GET", "/Setup"), Public("POST", "/Setup"),
        Public("GET", "/Apply"), Public("POST", "/Apply"), Public("GET", "/Status"), Public("POST", "/Status"),
        Public("GET", "/Appeal"), Public("POST", "/Appeal"), Public("GET", "/Results/{programId:int?}"),
        Public("POST", "/api/v1/auth/token") with { Answer = 401 }, // the suite sends no credentials
        Public("GET", "/api/v1/public/programs"), Public("POST", "/api/v1/public/applications"),
        Public("POST", "/api/v1/public/applications/status"), Public("GET", "/api/v1/public/programs/{id:int}/results"),
        Public("POST", "/api/v1/public/appeals"),
        Public("GET", "/api/v1/regions/"), Public("GET", "/api/v1/regions/stats"),
        Public("GET", "/api/v1/regions/{code}"), Public("GET", "/api/v1/regions/{code}/children"),
        Public("*", "/health"), Public("GET", "/openapi/{documentName}.json"), Public("GET", "/docs/{documentName?}"),
        Public("GET", "/docs/favicon.svg"), Public("GET", "/docs/scalar.js"), Public("GET", "/docs/scalar.aspnetcore.js"),
        Public("*", "/{*path}"),

        // Any signed-in role: the region browser.
        Page("GET", "/Regions", [.. All]),

        // Users and the agency: the administrator only.
        Page("GET", "/Users", AdminOnly), Page("GET", "/Users/Create", AdminOnly), Page("POST", "/Users/Create", AdminOnly),
        Page("GET", "/Users/Edit/{id}", AdminOnly), Page("POST", "/Users/Edit/{id}", AdminOnly),
        Api("GET", "/api/v1/users/", AdminOnly), Api("POST", "/api/v1/users/", AdminOnly),
        Page("GET", "/Agency", AdminOnly), Page("POST", "/Agency", AdminOnly),
        Page("GET", "/Audit", AdminOnly),

        // The registry: officers and kelurahan operators, an operator only their own kelurahan's residents.
        Page("GET", "/Registry", Registry), Page("POST", "/Registry?handler=Nik", Registry),
        Page("GET", "/Registry/CheckNik", Registry), Page("POST", "/Registry/CheckNik", Registry),
        Page("GET", "/Registry/Create", Registry), Page("POST", "/Registry/Create", Registry),
        Page("GET", "/Registry/Details/{id:long}", Registry, OperatorRows),
        Page("POST", "/Registry/Details/{id:long}?handler=ShowNik", Registry, OperatorRows),
        Page("GET", "/Registry/Edit/{id:long}", Registry, OperatorRows),
        Page("POST", "/Registry/Edit/{id:long}", Registry, OperatorRows),
        Page("POST", "/Registry/Edit/{id:long}?handler=ShowFamilyCard", Registry, OperatorRows),
        Api("POST", "/api/v1/nik/check", Registry),
        Api("POST", "/api/v1/persons/", Registry), Api("POST", "/api/v1/persons/search", Registry),
        Api("GET", "/api/v1/persons/{id:long}", Registry, OperatorRows),
        Api("PUT", "/api/v1/persons/{id:long}", Registry, OperatorRows),
        // The registry as Excel: an operator's holds their own kelurahan only (Registry/Exports tests).
        Api("GET", "/api/v1/persons.xlsx", Registry),

        // Imports: officers and operators; an operator sees only the imports they started.
        Page("GET", "/Registry/Imports", Registry), Page("POST", "/Registry/Imports", Registry),
        Page("GET", "/Registry/Imports/{id:guid}", Registry, OperatorRows),
        Page("GET", "/Registry/Imports/Map/{id:guid}", Registry, OperatorRows),
        Page("POST", "/Registry/Imports/Map/{id:guid}", Registry, OperatorRows),
        // Cancelling a job that is not theirs does nothing and returns to the list, as for a job that does not exist.
        Page("POST", "/Registry/Imports/Map/{id:guid}?handler=Cancel", Registry, OperatorRows) with { NotOwned = 302 },
        Api("POST", "/api/v1/imports/persons", Registry),
        Api("GET", "/api/v1/imports/{id:guid}", Registry, OperatorRows),
        Api("GET", "/api/v1/imports/{id:guid}/errors.csv", Registry, OperatorRows),
        Api("GET", "/api/v1/imports/{id:guid}/errors.xlsx", Registry, OperatorRows),

        // Suspected duplicates: officers.
        Page("GET", "/Registry/Duplicates", Officers),
        Page("POST", "/Registry/Duplicates?handler=Dismiss", Officers), Page("POST", "/Registry/Duplicates?handler=Merge", Officers),
        Api("GET", "/api/v1/duplicates/", Officers),
        Api("POST", "/api/v1/duplicates/{id:long}/dismiss", Officers), Api("POST", "/api/v1/duplicates/{id:long}/merge", Officers),

        // Programs, tracks, quotas, rules and providers: officers.
        Page("GET", "/Programs", Officers), Page("GET", "/Programs/Create", Officers), Page("POST", "/Programs/Create", Officers),
        Page("GET", "/Programs/{id:int}", Officers),
        Page("POST", "/Programs/{id:int}?handler=Activate", Officers), Page("POST", "/Programs/{id:int}?handler=Archive", Officers),
        Page("POST", "/Programs/{id:int}?handler=Providers", Officers),
        Page("GET", "/Programs/{id:int}/Edit", Officers), Page("POST", "/Programs/{id:int}/Edit", Officers),
        Page("GET", "/Programs/{id:int}/Quotas", Officers),
        Page("POST", "/Programs/{id:int}/Quotas?handler=Propose", Officers), Page("POST", "/Programs/{id:int}/Quotas?handler=Save", Officers),
        Page("GET", "/Programs/{id:int}/Rules", Officers), Page("POST", "/Programs/{id:int}/Rules", Officers),
        Page("GET", "/Programs/{id:int}/Tracks/Create", Officers), Page("POST", "/Programs/{id:int}/Tracks/Create", Officers),
        Page("GET", "/Programs/{id:int}/Tracks/{trackId:int}", Officers), Page("POST", "/Programs/{id:int}/Tracks/{trackId:int}", Officers),
        Page("POST", "/Programs/{id:int}/Tracks/{trackId:int}?handler=Delete", Officers),
        Page("GET", "/Programs/Providers", Officers), Page("GET", "/Programs/Providers/Create", Officers),
        Page("POST", "/Programs/Providers/Create", Officers),
        Page("GET", "/Programs/Providers/{id:int}", Officers), Page("POST", "/Programs/Providers/{id:int}", Officers),
        Api("GET", "/api/v1/programs/", Officers), Api("POST", "/api/v1/programs/", Officers),
        Api("GET", "/api/v1/programs/{id:int}", Officers), Api("PUT", "/api/v1/programs/{id:int}", Officers),
        Api("GET", "/api/v1/programs/{id:int}/rules", Officers), Api("PUT", "/api/v1/programs/{id:int}/rules", Officers),
        Api("GET", "/api/v1/programs/{id:int}/quotas", Officers), Api("PUT", "/api/v1/programs/{id:int}/quotas", Officers),
        Api("POST", "/api/v1/programs/{id:int}/quotas/proposal", Officers),
        Api("POST", "/api/v1/programs/{id:int}/tracks", Officers),
        Api("PUT", "/api/v1/programs/{id:int}/tracks/{trackId:int}", Officers),
        Api("PUT", "/api/v1/programs/{id:int}/tracks/{trackId:int}/providers", Officers),
        Api("DELETE", "/api/v1/programs/{id:int}/tracks/{trackId:int}", Officers),
        Api("GET", "/api/v1/providers/", Officers), Api("POST", "/api/v1/providers/", Officers),
        Api("GET", "/api/v1/providers/{id:int}", Officers), Api("PUT", "/api/v1/providers/{id:int}", Officers),

        // Applications: officers and operators (an operator's list holds their own kelurahan only).
        Page("GET", "/Applications", Registry), Page("GET", "/Applications/Create", Registry), Page("POST", "/Applications/Create", Registry),
        Page("GET", "/Applications/{applicationId:long}", Registry, OperatorRows),
        Api("GET", "/api/v1/programs/{programId:int}/applications/", Registry),
        Api("POST", "/api/v1/programs/{programId:int}/applications/", Registry),
        Api("GET", "/api/v1/programs/{programId:int}/applications.xlsx", Registry),
        Page("GET", "/Applications/Receipt/{applicationId:long}", Registry, OperatorRows),

        // Selection: officers.
        Page("GET", "/Selection/{programId:int?}", Officers), Page("POST", "/Selection/{programId:int?}?handler=Run", Officers),
        Page("GET", "/Selection/{programId:int}/Appeals", Officers), Page("POST", "/Selection/{programId:int}/Appeals?handler=Answer", Officers),
        Page("GET", "/Selection/{programId:int}/Runs/{runId:long}", Officers),
        Page("POST", "/Selection/{programId:int}/Runs/{runId:long}?handler=Publish", Officers),
        Page("POST", "/Selection/{programId:int}/Runs/{runId:long}?handler=Withdraw", Officers),
        Api("GET", "/api/v1/programs/{id:int}/selection-runs", Officers), Api("POST", "/api/v1/programs/{id:int}/selection-runs", Officers),
        Api("GET", "/api/v1/programs/{id:int}/selection-runs/{runId:long}", Officers),
        Api("GET", "/api/v1/programs/{id:int}/selection-runs/{runId:long}/results.xlsx", Officers),
        Api("GET", "/api/v1/programs/{id:int}/selection-runs/{runId:long}/report.pdf", Officers),
        Api("POST", "/api/v1/programs/{id:int}/selection-runs/{runId:long}/publish", Officers),
        Api("POST", "/api/v1/programs/{id:int}/applications/{applicationId:long}/withdraw", Officers),
        Api("GET", "/api/v1/programs/{id:int}/appeals", Officers),
        Api("POST", "/api/v1/programs/{id:int}/appeals/{appealId:long}/answer", Officers),

        // Messages: officers and operators, an operator only the messages of their own kelurahan's applications.
        Page("GET", "/Messages", Registry), Page("POST", "/Messages?handler=Sent", Registry),
        Page("POST", "/Messages?handler=SentAll", Registry), Page("POST", "/Messages?handler=Retry", Registry),
        Api("GET", "/api/v1/messages/", Registry),
        Api("GET", "/api/v1/messages/{id:long}", Registry, OperatorRows),
        Api("GET", "/api/v1/messages/{id:long}/open", Registry, OperatorRows), Api("GET", "/api/v1/messages/progress", Registry),
        Api("POST", "/api/v1/messages/{id:long}/sent", Registry, OperatorRows),
        Api("POST", "/api/v1/messages/{id:long}/retry", Registry, OperatorRows),

        // The staff's home (every signed-in role; what it shows depends on the role), and what waits on it: held
        // records (an operator sees their own kelurahan's as awaiting a check), their resolution and the verify action.
        Page("GET", "/Beranda", [.. Roles.All]),
        Page("GET", "/Registry/Held", Officers),
        Page("GET", "/Registry/Held/{id:long}", Officers), Page("POST", "/Registry/Held/{id:long}", Officers),
        Page("GET", "/Registry/Verify/{id:long?}", Officers), Page("POST", "/Registry/Verify/{id:long?}", Officers),
        Page("GET", "/Applications/Held", Officers),
        Page("POST", "/Applications/Held?handler=Release", Officers), Page("POST", "/Applications/Held?handler=Reject", Officers),
        Api("POST", "/api/v1/persons/held/{id:long}/resolve", Officers),
        Api("POST", "/api/v1/persons/{id:long}/verify", Officers),

        // Training: officers manage cohorts; provider staff see and mark attendance in their own provider's cohorts only.
        Page("GET", "/Training", Trainers), Page("POST", "/Training?handler=Place", Officers),
        Page("GET", "/Training/Create", Officers), Page("POST", "/Training/Create", Officers),
        Page("GET", "/Training/{id:int}", Trainers, ProviderRows),
        Page("POST", "/Training/{id:int}?handler=Move", Officers), Page("POST", "/Training/{id:int}?handler=DropOut", Officers),
        Page("POST", "/Training/{id:int}?handler=Generate", Officers),
        Page("GET", "/Training/{id:int}/Edit", Officers), Page("POST", "/Training/{id:int}/Edit", Officers),
        Page("GET", "/Training/{id:int}/Sessions/{sessionId:long}", Officers), Page("POST", "/Training/{id:int}/Sessions/{sessionId:long}", Officers),
        Page("GET", "/Training/{id:int}/Attendance/{sessionId:long}", Trainers, ProviderRows),
        Page("POST", "/Training/{id:int}/Attendance/{sessionId:long}", Trainers, ProviderRows),
        Api("GET", "/api/v1/programs/{programId:int}/cohorts/", Officers), Api("POST", "/api/v1/programs/{programId:int}/cohorts/", Officers),
        Api("POST", "/api/v1/programs/{programId:int}/cohorts/placements", Officers),
        Api("GET", "/api/v1/cohorts/{id:int}", Trainers, ProviderRows), Api("PUT", "/api/v1/cohorts/{id:int}", Officers),
        Api("POST", "/api/v1/cohorts/{id:int}/participants/{participantId:long}/move", Officers),
        Api("POST", "/api/v1/cohorts/{id:int}/participants/{participantId:long}/drop-out", Officers),
        Api("POST", "/api/v1/cohorts/{id:int}/sessions/generate", Officers),
        Api("PUT", "/api/v1/cohorts/{id:int}/sessions/{sessionId:long}", Officers),
        Api("GET", "/api/v1/cohorts/{id:int}/sessions/{sessionId:long}/attendance", Trainers, ProviderRows),
        Api("PUT", "/api/v1/cohorts/{id:int}/sessions/{sessionId:long}/attendance", Trainers, ProviderRows),
    ];

    private static Expectation Public(string method, string route) => new(method, route, null, Refusal.None, new HashSet<string>());

    private static Expectation Page(string method, string route, string[] allowed, string[]? owners = null) =>
        new(method, route, allowed.ToHashSet(), Refusal.Redirect, (owners ?? []).ToHashSet());

    private static Expectation Api(string method, string route, string[] allowed, string[]? owners = null) =>
        new(method, route, allowed.ToHashSet(), Refusal.Status, (owners ?? []).ToHashSet());
}
