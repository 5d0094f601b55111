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
    private static readonly string[] ParticipantOnly = [Participant];
    private static readonly string[] BusinessReaders = [Administrator, ProgramOfficer, VillageOperator, Facilitator];
    private static readonly string[] BusinessRows = [VillageOperator, Facilitator];
    private static readonly string[] Visitors = [Administrator, ProgramOfficer, Facilitator];
    private static readonly string[] FacilitatorRows = [Facilitator];
    private static readonly string[] ProductEditors = [Administrator, ProgramOfficer, Participant];
    private static readonly string[] Dashboard = [Administrator, ProgramOfficer, Leadership];

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

        // Participants: sign-in without e-mail (the suite sends no PIN: 400), codes from their trainer or an officer, their own page.
        Public("GET", "/Account/Participant"), Public("POST", "/Account/Participant"),
        Public("POST", "/api/v1/auth/participant") with { Answer = 400 },
        Page("POST", "/Training/{id:int}?handler=Code", Trainers, ProviderRows),
        Page("GET", "/Training/{id:int}/Codes", Trainers, ProviderRows), Page("POST", "/Training/{id:int}/Codes", Trainers, ProviderRows),
        Api("POST", "/api/v1/cohorts/{id:int}/participants/{participantId:long}/sign-in-code", Trainers, ProviderRows),
        Page("GET", "/me", ParticipantOnly), Page("POST", "/me?handler=Rate", ParticipantOnly),
        Api("GET", "/api/v1/me/", ParticipantOnly), Api("POST", "/api/v1/me/rating", ParticipantOnly),
        // Transport allowance and starter kits: trainers of the cohort's provider see the list and hand kits over; officers
        // mark payouts paid, void hand-overs, and keep templates, stock and the program's money.
        Page("GET", "/Training/{id:int}/Allowances", Trainers, ProviderRows), Page("POST", "/Training/{id:int}/Allowances?handler=Paid", Officers),
        Page("GET", "/Training/{id:int}/Kits", Trainers, ProviderRows), Page("POST", "/Training/{id:int}/Kits?handler=Void", Officers),
        Page("GET", "/Training/{id:int}/Kits/{participantId:long}", Trainers, ProviderRows),
        Page("POST", "/Training/{id:int}/Kits/{participantId:long}", Trainers, ProviderRows),
        Page("GET", "/Training/Programs/{programId:int}/Money", Officers),
        Page("POST", "/Training/Programs/{programId:int}/Money?handler=Template", Officers),
        Page("POST", "/Training/Programs/{programId:int}/Money?handler=Stock", Officers),
        Api("GET", "/api/v1/cohorts/{id:int}/allowances/", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/allowances/pdf", Trainers, ProviderRows),
        Api("POST", "/api/v1/cohorts/{id:int}/allowances/paid", Officers),
        Api("PUT", "/api/v1/programs/{id:int}/tracks/{trackId:int}/kit", Officers),
        Api("PUT", "/api/v1/programs/{id:int}/kit-stock", Officers),
        Api("GET", "/api/v1/programs/{id:int}/kits", Officers),
        Api("POST", "/api/v1/cohorts/{id:int}/participants/{participantId:long}/kit-handover", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/kit-handovers", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/kit-handovers/{handoverId:long}/receipt", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/kit-handovers/{handoverId:long}/proof", Trainers, ProviderRows),
        Api("POST", "/api/v1/cohorts/{id:int}/kit-handovers/{handoverId:long}/void", Officers),
        // The cashbook: the participant's own (her placement from the sign-in, no id to try); officers see only the
        // monthly totals she agreed to share, never an entry.
        Page("GET", "/me/kas", ParticipantOnly),
        Api("POST", "/api/v1/me/cashbook/entries", ParticipantOnly), Api("GET", "/api/v1/me/cashbook/entries", ParticipantOnly),
        Api("PUT", "/api/v1/me/cashbook/entries/{clientId}", ParticipantOnly), Api("DELETE", "/api/v1/me/cashbook/entries/{clientId}", ParticipantOnly),
        Api("POST", "/api/v1/me/cashbook/sync", ParticipantOnly), Api("GET", "/api/v1/me/cashbook/summary", ParticipantOnly),
        Api("GET", "/api/v1/me/cashbook/debtors", ParticipantOnly),
        Api("GET", "/api/v1/me/cashbook/sharing", ParticipantOnly), Api("PUT", "/api/v1/me/cashbook/sharing", ParticipantOnly),
        Api("GET", "/api/v1/me/cashbook.xlsx", ParticipantOnly),
        Api("GET", "/api/v1/cohorts/{cohortId:int}/participants/{participantId:long}/monthly-totals", Officers),
        Api("GET", "/api/v1/businesses/{id:long}/monthly-totals", Officers),
        // Assessment and completion: the cohort's own trainers and officers. Certificates: officers issue and revoke;
        // trainers download their provider's; a participant only their own; anyone checks one by its code.
        Page("GET", "/Training/{id:int}/Assessments", Trainers, ProviderRows), Page("POST", "/Training/{id:int}/Assessments", Trainers, ProviderRows),
        Page("GET", "/Training/{id:int}/Certificates", Officers),
        Page("POST", "/Training/{id:int}/Certificates?handler=Issue", Officers), Page("POST", "/Training/{id:int}/Certificates?handler=Revoke", Officers),
        Api("PUT", "/api/v1/cohorts/{id:int}/participants/{participantId:long}/assessment", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/completion", Trainers, ProviderRows),
        Api("POST", "/api/v1/cohorts/{id:int}/certificates", Officers),
        Api("POST", "/api/v1/certificates/{id:long}/revoke", Officers),
        Api("GET", "/api/v1/certificates/{id:long}/pdf", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/certificates.zip", Trainers, ProviderRows),
        Api("GET", "/api/v1/me/certificate.pdf", [Participant]),
        Public("GET", "/verify/{code}"), Public("GET", "/api/v1/public/certificates/{code}"),
        // Businesses: officers manage them; an operator reads their own kelurahan's, a facilitator those assigned to them.
        Page("GET", "/Usaha", BusinessReaders), Page("GET", "/Usaha/Create", Officers), Page("POST", "/Usaha/Create", Officers),
        Page("GET", "/Usaha/{id:long}", BusinessReaders, BusinessRows),
        Page("POST", "/Usaha/{id:long}?handler=Worker", Officers), Page("POST", "/Usaha/{id:long}?handler=Permit", Officers),
        Page("POST", "/Usaha/{id:long}?handler=Photo", Officers),
        Page("GET", "/Usaha/{id:long}/Edit", Officers), Page("POST", "/Usaha/{id:long}/Edit", Officers),
        Page("GET", "/Usaha/Kategori", Officers), Page("POST", "/Usaha/Kategori?handler=Add", Officers),
        Page("POST", "/Usaha/Kategori?handler=Change", Officers),
        Page("GET", "/Usaha/Angkatan/{cohortId:int}", Officers),
        Api("GET", "/api/v1/businesses/", BusinessReaders), Api("POST", "/api/v1/businesses/", Officers),
        Api("GET", "/api/v1/businesses/{id:long}", BusinessReaders, BusinessRows), Api("PUT", "/api/v1/businesses/{id:long}", Officers),
        Api("POST", "/api/v1/businesses/{id:long}/photos", Officers),
        Api("GET", "/api/v1/businesses/{id:long}/photos/{photoId:long}", BusinessReaders, BusinessRows),
        Api("DELETE", "/api/v1/businesses/{id:long}/photos/{photoId:long}", Officers),
        Api("GET", "/api/v1/businesses/{id:long}/workers", BusinessReaders, BusinessRows),
        Api("POST", "/api/v1/businesses/{id:long}/workers", Officers),
        Api("PUT", "/api/v1/businesses/{id:long}/workers/{workerId:long}", Officers),
        Api("PUT", "/api/v1/businesses/{id:long}/permits/{kind}", Officers),
        Api("POST", "/api/v1/businesses/{id:long}/permits/{kind}/document", Officers),
        Api("GET", "/api/v1/businesses/{id:long}/permits/{kind}/document", BusinessReaders, BusinessRows),
        Api("GET", "/api/v1/business-categories/", BusinessReaders), Api("POST", "/api/v1/business-categories/", Officers),
        Api("PUT", "/api/v1/business-categories/{id:int}", Officers),
        Api("GET", "/api/v1/cohorts/{id:int}/permits", Officers),
        // Follow-ups (issue 14): a facilitator the rows assigned to them (another's answers 404), officers all of the
        // agency's; officers plan them and assign facilitators.
        Page("GET", "/Kunjungan", Visitors), Page("GET", "/Kunjungan/{id:long}", Visitors, FacilitatorRows),
        Page("POST", "/Kunjungan/{id:long}", Visitors, FacilitatorRows),
        Page("GET", "/Kunjungan/Rencana", Officers), Page("POST", "/Kunjungan/Rencana?handler=Plan", Officers),
        Page("POST", "/Kunjungan/Rencana?handler=Assign", Officers),
        Api("GET", "/api/v1/followups/", Visitors), Api("GET", "/api/v1/followups/{id:long}", Visitors, FacilitatorRows),
        Api("POST", "/api/v1/followups/{id:long}/visit", Visitors, FacilitatorRows),
        Api("GET", "/api/v1/followups/{id:long}/photo", Visitors, FacilitatorRows),
        Api("POST", "/api/v1/followups/assign", Officers), Api("POST", "/api/v1/programs/{programId:int}/followups/plan", Officers),
        // The catalogue (issue 14): the public list, its order button and photos for anyone; products changed by officers
        // and by the business's own owner (any other business is not found); curation, bulk orders and the city's
        // spending by officers; an owner's own products and offers.
        Public("GET", "/Katalog"), Public("GET", "/api/v1/public/catalog"),
        Public("GET", "/Katalog/pesan/{productId:long}"), Public("GET", "/Katalog/foto/{photoId:long}"),
        Page("GET", "/Usaha/{id:long}/Produk", Officers), Page("POST", "/Usaha/{id:long}/Produk?handler=Add", Officers),
        Page("POST", "/Usaha/{id:long}/Produk?handler=Photo", Officers), Page("POST", "/Usaha/{id:long}/Produk?handler=Curate", Officers),
        Page("GET", "/Katalog/Kelola", Officers), Page("POST", "/Katalog/Kelola?handler=Order", Officers),
        Page("POST", "/Katalog/Kelola?handler=Answer", Officers),
        Api("GET", "/api/v1/businesses/{id:long}/products/", ProductEditors, ParticipantOnly),
        Api("POST", "/api/v1/businesses/{id:long}/products/", ProductEditors, ParticipantOnly),
        Api("PUT", "/api/v1/businesses/{id:long}/products/{productId:long}", ProductEditors, ParticipantOnly),
        Api("POST", "/api/v1/businesses/{id:long}/products/{productId:long}/photos", ProductEditors, ParticipantOnly),
        Api("GET", "/api/v1/businesses/{id:long}/products/{productId:long}/photos/{photoId:long}", ProductEditors, ParticipantOnly),
        Api("PUT", "/api/v1/businesses/{id:long}/products/{productId:long}/curation", Officers),
        Api("GET", "/api/v1/me/products", ParticipantOnly),
        Api("GET", "/api/v1/bulk-orders/", Officers), Api("POST", "/api/v1/bulk-orders/", Officers),
        Api("GET", "/api/v1/bulk-orders/{id:long}", Officers), Api("POST", "/api/v1/bulk-orders/{id:long}/offers/{offerId:long}/answer", Officers),
        Api("GET", "/api/v1/catalogue/spending", Officers),
        Api("GET", "/api/v1/me/bulk-offers/", ParticipantOnly), Api("POST", "/api/v1/me/bulk-offers/{offerId:long}/answer", ParticipantOnly),
        // The owner's own catalogue pages on her phone: her products, consent and clicks; the offers to her businesses.
        Page("GET", "/me/produk", ParticipantOnly), Page("POST", "/me/produk?handler=Save", ParticipantOnly),
        Page("POST", "/me/produk?handler=Photo", ParticipantOnly), Page("POST", "/me/produk?handler=Consent", ParticipantOnly),
        Page("GET", "/me/pesanan", ParticipantOnly), Page("POST", "/me/pesanan?handler=Answer", ParticipantOnly),
        // Self check-in (issue 13): the trainer's rotating QR screen, its live list and QR, and the paper sheet for
        // their own provider's cohorts; the scan for participants only. The link the camera opens is public: the
        // anonymous go to the participant sign-in, staff are told it is for participants and nothing is marked.
        Page("GET", "/Training/{id:int}/CheckIn/{sessionId:long?}", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/sessions/{sessionId:long}/check-ins", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/sessions/{sessionId:long}/check-in.svg", Trainers, ProviderRows),
        Api("GET", "/api/v1/cohorts/{id:int}/attendance-sheet.pdf", Trainers, ProviderRows),
        Api("POST", "/api/v1/check-in", [Participant]),
        Public("GET", "/hadir/{token}"),
        // The impact dashboard (issue 15): aggregates only, for Leadership and officers; its page, API and exports.
        Page("GET", "/Dampak", Dashboard),
        Api("GET", "/api/v1/dashboard/", Dashboard), Api("GET", "/api/v1/dashboard/export.xlsx", Dashboard),
        Api("GET", "/api/v1/dashboard/open-data.csv", Dashboard), Api("GET", "/api/v1/dashboard/report.pdf", Dashboard),
    ];

    private static Expectation Public(string method, string route) => new(method, route, null, Refusal.None, new HashSet<string>());

    private static Expectation Page(string method, string route, string[] allowed, string[]? owners = null) =>
        new(method, route, allowed.ToHashSet(), Refusal.Redirect, (owners ?? []).ToHashSet());

    private static Expectation Api(string method, string route, string[] allowed, string[]? owners = null) =>
        new(method, route, allowed.ToHashSet(), Refusal.Status, (owners ?? []).ToHashSet());
}
