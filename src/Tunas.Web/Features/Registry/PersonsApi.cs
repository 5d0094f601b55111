using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Registry.Held;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

/// <summary>
/// A person as the API and the Create and Edit pages take it (see issue 3 for the field names): typed where JSON
/// has a type; <see cref="ToInput"/> turns it into the text the rules share with the importer.
/// </summary>
public sealed record PersonDto
{
    public string? Nik { get; init; }
    public string? FamilyCardNumber { get; init; }
    public string? FullName { get; init; }
    public string? Sex { get; init; }
    public string? BirthPlace { get; init; }
    public string? BirthDate { get; init; }
    public string? Address { get; init; }
    public string? Rt { get; init; }
    public string? Rw { get; init; }
    public string? VillageCode { get; init; }
    public string? Phone { get; init; }
    public string? Education { get; init; }
    public string? Occupation { get; init; }
    public string? EmploymentStatus { get; init; }
    public string? MaritalStatus { get; init; }
    public string? HouseholdRelation { get; init; }
    public bool? Disability { get; init; }
    public int? WelfareDecile { get; init; }
    public string? WelfareSource { get; init; }
    public string? WelfareAsOf { get; init; }

    public PersonInput ToInput() => new()
    {
        Nik = Nik,
        FamilyCardNumber = FamilyCardNumber,
        FullName = FullName,
        Sex = Sex,
        BirthPlace = BirthPlace,
        BirthDate = BirthDate,
        Address = Address,
        Rt = Rt,
        Rw = Rw,
        VillageCode = VillageCode,
        Phone = Phone,
        Education = Education,
        Occupation = Occupation,
        EmploymentStatus = EmploymentStatus,
        MaritalStatus = MaritalStatus,
        HouseholdRelation = HouseholdRelation,
        Disability = Disability is { } d ? (d ? "ya" : "tidak") : null,
        WelfareDecile = WelfareDecile?.ToString(CultureInfo.InvariantCulture),
        WelfareSource = WelfareSource,
        WelfareAsOf = WelfareAsOf,
    };
}

public sealed record PersonRead(
    long Id, string Nik, string? FamilyCardNumber, string FullName, string Sex, string? BirthPlace, string BirthDate,
    string? Address, string? Rt, string? Rw, string VillageCode, string? Phone, Education? Education, string? Occupation,
    EmploymentStatus? EmploymentStatus, MaritalStatus? MaritalStatus, HouseholdRelation? HouseholdRelation, bool Disability,
    int? WelfareDecile, string? WelfareSource, string? WelfareAsOf, PersonOrigin Origin, bool Verified, long? HouseholdId)
{
    public static PersonRead From(Person p) => new(
        p.Id, p.Nik, p.FamilyCardNumber, p.FullName, p.Sex == Shared.Sex.Female ? "F" : "M", p.BirthPlace, DateText.Iso(p.BirthDate),
        p.Address, p.Rt, p.Rw, p.VillageCode, p.Phone, p.Education, p.Occupation, p.EmploymentStatus, p.MaritalStatus,
        p.HouseholdRelation, p.Disability, p.WelfareDecile, p.WelfareSource, p.WelfareAsOf is { } d ? DateText.Iso(d) : null,
        p.Origin, p.Verified, p.HouseholdId);
}

public sealed record PersonCreated(long Id, IReadOnlyList<IssueDto> Warnings);

public sealed record PersonSearchRequest(string? Name, string? Nik, string? VillageCode, int? WelfareDecile, int? Page, int? PageSize);

public static class PersonsApi
{
    public static IEndpointRouteBuilder MapPersons(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/persons").WithTags("Persons").RequireAuthorization(Policies.Registry);

        api.MapPost("/", CreateAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapPut("/{id:long}", UpdateAsync);
        api.MapPost("/search", SearchAsync);
        return app;
    }

    internal static async Task<Results<Created<PersonCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PersonDto body, RegistryRules rules, PersonWriter writer, PersonSearch search, HeldPersons held, CurrentUser me,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!RegistryAccess.MaySetWelfare(me) && RegistryAccess.GivesWelfare(body))
        {
            return TypedResults.ValidationProblem(WelfareLocked(L));
        }
        var check = await rules.CheckAsync(body.ToInput(), ct);
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(Errors(check.Errors, L));
        }
        if (OutsideOwnVillage(me, values.VillageCode))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["villageCode"] = [L["A kelurahan operator registers residents of their own kelurahan only."]] });
        }
        var result = await writer.CreateAsync(me.AgencyId ?? 0, values, PersonOrigin.Entered, ct);
        if (result.Outcome == PersonSaveOutcome.NikExists && await HoldUnlessVisibleAsync(result.Id!.Value, values, search, held, me, ct) is { } holding)
        {
            // The same answer as a new resident's, with an id of the same series, or the same refusal (decision 0021).
            result = holding;
        }
        return result.Outcome switch
        {
            PersonSaveOutcome.Created => TypedResults.Created($"/api/v1/persons/{result.Id}", new PersonCreated(result.Id!.Value, Issues(check.Warnings, L))),
            PersonSaveOutcome.NikExists => NikExists(result.Id!.Value, L),
            _ => TypedResults.ValidationProblem(Errors(result.Errors, L)),
        };
    }

    /// <summary>
    /// A NIK the registry has where the user may not look (another kelurahan): the typed record is held for an officer
    /// to resolve, and answered as a new resident's create is, id or refusal (decisions 0016, 0021). Null when the user
    /// may see the person.
    /// </summary>
    public static async Task<PersonSaveResult?> HoldUnlessVisibleAsync(long existing, PersonValues values, PersonSearch search, HeldPersons held, CurrentUser me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(me);
        if (await search.Visible().AnyAsync(p => p.Id == existing, ct))
        {
            return null;
        }
        return await held.HoldAsync(me.AgencyId ?? 0, existing, values, ct);
    }

    public static Dictionary<string, string[]> WelfareLocked(IStringLocalizer L) =>
        new() { ["welfareDecile"] = [L[PersonMessages.WelfareLockedMessage]] };

    internal static async Task<Results<Ok<PersonRead>, NotFound>> GetAsync(long id, HeldPersons held, AuditLog audit, TunasDb db, CancellationToken ct)
    {
        // An operator's held record reads as the new or changed resident it was answered as (decision 0021).
        var person = await held.ReadAsync(id, ct) ?? await held.AsPersonAsync(id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        // The answer holds the full NIK: who saw it is recorded (UU 27/2022: know who saw what).
        audit.Record("person.nik-viewed", "Person", id.ToString(CultureInfo.InvariantCulture), new { via = "api" });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PersonRead.From(person));
    }

    internal static async Task<Results<Ok<PersonRead>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, PersonDto body, PersonSearch search, RegistryRules rules, HeldPersons held, CurrentUser me, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        // An operator's held record is edited as the resident it reads as, until an officer resolves it (decision 0021).
        var own = await held.OwnAsync(id, ct);
        var stored = own is null ? await search.Visible().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        var person = own ?? stored ?? await held.AsPersonAsync(id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }
        if (!RegistryAccess.MaySetWelfare(me) && RegistryAccess.ChangesWelfare(person, body))
        {
            return TypedResults.ValidationProblem(WelfareLocked(L));
        }
        var check = await rules.CheckAsync(body.ToInput(), ct);
        if (check.Values is not { } values)
        {
            return TypedResults.ValidationProblem(Errors(check.Errors, L));
        }
        if (OutsideOwnVillage(me, values.VillageCode))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["villageCode"] = [L["A kelurahan operator registers residents of their own kelurahan only."]] });
        }
        var result = await held.ChangeAsync(stored, id, values, ct);
        return result.Outcome switch
        {
            PersonSaveOutcome.Updated or PersonSaveOutcome.Unchanged => TypedResults.Ok(PersonRead.From((await held.ReadAsync(id, ct) ?? await held.AsPersonAsync(id, ct))!)),
            PersonSaveOutcome.NotFound => TypedResults.NotFound(),
            PersonSaveOutcome.NikExists => NikExists(result.Id!.Value, L),
            _ => TypedResults.ValidationProblem(Errors(result.Errors, L)),
        };
    }

    /// <summary>Search with the NIK in the body. Administrators and program officers get full NIKs (recorded); others masked.</summary>
    internal static async Task<Ok<PersonPage>> SearchAsync(PersonSearchRequest body, PersonSearch search, CurrentUser me, AuditLog audit, TunasDb db, CancellationToken ct)
    {
        var fullNik = me.IsInRole(Roles.Administrator) || me.IsInRole(Roles.ProgramOfficer);
        var page = await search.SearchAsync(new PersonSearchCriteria
        {
            Name = body.Name,
            Nik = body.Nik,
            VillageCode = body.VillageCode,
            WelfareDecile = body.WelfareDecile,
            Page = body.Page ?? 1,
            PageSize = body.PageSize ?? 20,
        }, fullNik, ct);
        if (fullNik && page.Items.Count > 0)
        {
            audit.Record("person.nik-listed", "Person", null, new { ids = page.Items.Select(i => i.Id) });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(page);
    }

    public static bool OutsideOwnVillage(CurrentUser me, string villageCode) =>
        me.IsInRole(Roles.VillageOperator) && !me.IsInRole(Roles.Administrator) && !me.IsInRole(Roles.ProgramOfficer)
        && villageCode != me.VillageCode;

    public static Dictionary<string, string[]> Errors(IEnumerable<FieldIssue> issues, IStringLocalizer L) =>
        issues.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Select(i => Text(i, L)).ToArray());

    public static IReadOnlyList<IssueDto> Issues(IEnumerable<FieldIssue> issues, IStringLocalizer L) =>
        issues.Select(i => new IssueDto(i.Code, Text(i, L))).ToList();

    public static string Text(FieldIssue issue, IStringLocalizer L) => issue.Format(L[issue.Message]);

    private static ProblemHttpResult NikExists(long existing, IStringLocalizer L) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L["This NIK is already in the registry."],
            extensions: new Dictionary<string, object?> { ["id"] = existing });
}
