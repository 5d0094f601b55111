using System.Globalization;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

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

    /// <summary>What an entry is about, in words; the stored code when the app does not know it.</summary>
    public static string Entity(string type, IStringLocalizer L) => type.ToUpperInvariant() switch
    {
        "PERSON" => L["Resident"].Value,
        "PROGRAM" => L["Program"].Value,
        "PROVIDER" => L["Provider"].Value,
        "APPLICATION" => L["Application"].Value,
        "USER" => L["User"].Value,
        "AGENCY" => L["Agency"].Value,
        "SUSPECTEDDUPLICATE" => L["Suspected duplicate"].Value,
        "IMPORTJOB" => L["Import"].Value,
        _ => type,
    };

    /// <summary>Who did it: a user's name, or the public (an applicant on the public pages).</summary>
    public static string Actor(string name, IStringLocalizer L) => name == "public" ? L["the public"].Value : name;

    public string Field(string field, IStringLocalizer L) =>
        _vocabularies.Select(v => v.Field(field, L)).FirstOrDefault(f => f is not null) ?? field;

    public string Value(AuditLine line, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "—";
        }
        return _vocabularies.Select(v => v.Value(line.Field, raw, L, villages)).FirstOrDefault(f => f is not null) ?? Plain(raw, L);
    }

    /// <summary>What no feature names: dates as people write them, yes and no in words.</summary>
    public static string Plain(string raw, IStringLocalizer L)
    {
        if (raw.Length == 10 && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DateText.Date(date);
        }
        if (raw.Length >= 19 && raw[4] == '-' && raw[10] == 'T'
            && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return DateText.Time(at);
        }
        return raw switch
        {
            "true" => L["Yes"].Value,
            "false" => L["No"].Value,
            _ => raw,
        };
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

    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "Email" => L["E-mail"].Value,
        "Role" => L["Role"].Value,
        "VillageCode" => L["Kelurahan"].Value,
        "ProviderId" => L["Provider"].Value,
        "FullName" => L["Full name"].Value,
        "Locked" => L["Locked"].Value,
        "PasswordReset" => L["Password reset"].Value,
        _ => null,
    };

    public string? Value(string field, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages) => field switch
    {
        "Role" when raw is not null && Roles.All.Contains(raw) => L[Roles.Label(raw)].Value,
        "VillageCode" when raw is not null && villages.TryGetValue(raw, out var village) => village.Name,
        "ProviderId" => "#" + raw,
        _ => null,
    };
}
