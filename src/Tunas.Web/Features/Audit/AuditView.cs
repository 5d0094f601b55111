using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Audit;

/// <summary>An audit entry as the pages list it.</summary>
public sealed record AuditRow(long Id, DateTime At, string ActorName, string Action, string EntityType, string? EntityId, string? Details);

/// <summary>What _AuditEntries.cshtml shows: the entries, the kelurahan names for their values, and whether to name the entity.</summary>
public sealed record AuditEntriesView(IReadOnlyList<AuditRow> Entries, IReadOnlyDictionary<string, RegionSummary> Villages, bool ShowEntity);

/// <summary>
/// A feature's words for the audit pages: the actions it records, the fields of their details and how a stored
/// value reads. Every feature that writes audit entries registers one, so that the audit names them without
/// knowing the features that come after it. Each answer is null where the code is not the feature's own.
/// </summary>
public interface IAuditVocabulary
{
    string? Action(string action, IStringLocalizer L);

    string? Field(string field, IStringLocalizer L) => null;

    string? Value(string field, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages) => null;
}

/// <summary>Labels of audit actions and of the fields in their details, in the user's language, from every feature's vocabulary.</summary>
public sealed class AuditLabels(IEnumerable<IAuditVocabulary> vocabularies)
{
    private readonly IAuditVocabulary[] _vocabularies = [new AccountsAuditVocabulary(), .. vocabularies];

    public string Action(string action, IStringLocalizer L) =>
        _vocabularies.Select(v => v.Action(action, L)).FirstOrDefault(a => a is not null) ?? action;

    public static string Group(string group, IStringLocalizer L) => group switch
    {
        "changes" => L["Fields taken over from the removed record"].Value,
        "removed" => L["The removed record"].Value,
        _ => group,
    };

    public string Field(string field, IStringLocalizer L) =>
        _vocabularies.Select(v => v.Field(field, L)).FirstOrDefault(f => f is not null) ?? field;

    public string Value(AuditLine line, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "—";
        }
        return _vocabularies.Select(v => v.Value(line.Field, raw, L, villages)).FirstOrDefault(f => f is not null) ?? raw;
    }
}

/// <summary>The actions of the features before the audit: users and the agency's settings.</summary>
internal sealed class AccountsAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "user.created" => L["User created"].Value,
        "user.changed" => L["User changed"].Value,
        "agency.changed" => L["Agency settings changed"].Value,
        _ => null,
    };
}
