using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Audit;

/// <summary>An audit entry as the pages list it.</summary>
public sealed record AuditRow(long Id, DateTime At, string ActorName, string Action, string EntityType, string? EntityId, string? Details);

/// <summary>What _AuditEntries.cshtml shows: the entries, the kelurahan names for their values, and whether to name the entity.</summary>
public sealed record AuditEntriesView(IReadOnlyList<AuditRow> Entries, IReadOnlyDictionary<string, RegionSummary> Villages, bool ShowEntity);

/// <summary>Labels of audit actions and of the fields in their details, in the user's language.</summary>
public static class AuditView
{
    public static string Action(string action, IStringLocalizer L) => action switch
    {
        "person.created" => L["Resident created"],
        "person.changed" => L["Resident changed"],
        "person.merged" => L["Merged with a suspected duplicate"],
        "person.nik-viewed" => L["Full NIK viewed"],
        "person.nik-listed" => L["Full NIKs listed in a search"],
        "duplicate.dismissed" => L["Suspected duplicate dismissed"],
        "duplicate.merged" => L["Suspected duplicate merged"],
        "user.created" => L["User created"],
        "user.changed" => L["User changed"],
        "agency.changed" => L["Agency settings changed"],
        "import.completed" => L["Import of a file completed"],
        "registry.demo-loaded" => L["Demo data loaded"],
        "program.created" => L["Program created"],
        "program.changed" => L["Program changed"],
        "program.rules-changed" => L["Eligibility rules changed"],
        "program.quotas-replaced" => L["Quotas saved"],
        "program.track-added" => L["Track added"],
        "program.track-changed" => L["Track changed"],
        "program.track-deleted" => L["Track deleted"],
        "program.track-providers-changed" => L["Providers of a track changed"],
        "provider.created" => L["Provider added"],
        "provider.changed" => L["Provider changed"],
        "application.submitted" => L["Application submitted"],
        "application.withdrawn" => L["Application withdrawn"],
        "selection.run" => L["Selection run"],
        "selection.published" => L["Selection result published"],
        "selection.promoted" => L["Promoted from the waitlist"],
        "selection.seat-unfilled" => L["Seat left unfilled"],
        "appeal.lodged" => L["Appeal lodged"],
        "appeal.answered" => L["Appeal answered"],
        _ => action,
    };

    public static string Group(string group, IStringLocalizer L) => group switch
    {
        "changes" => L["Fields taken over from the removed record"],
        "removed" => L["The removed record"],
        _ => group,
    };

    public static string Field(string field, IStringLocalizer L) => field switch
    {
        "removedPersonId" => L["Removed record"],
        "keptPersonId" => L["Kept record"],
        "duplicateId" => L["Suspected duplicate"],
        "personAId" or "personBId" => L["Resident"],
        "via" => L["Seen on"],
        "ids" => L["Residents"],
        "fileName" => L["File"],
        "totalRows" => L["Rows"],
        "inserted" => L["Added"],
        "updated" => L["Updated"],
        "unchanged" => L["Unchanged"],
        "rejected" => L["Rejected"],
        _ => PersonDisplay.FieldLabel(field, L),
    };

    public static string Value(AuditLine line, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages) => line.Field switch
    {
        "via" => raw switch
        {
            "api" => L["the API"],
            "page" => L["the detail page"],
            _ => raw ?? "—",
        },
        "removedPersonId" or "keptPersonId" or "personAId" or "personBId" or "duplicateId" => raw is null ? "—" : "#" + raw,
        _ => PersonDisplay.Value(line.Field, raw, L, villages),
    };
}
