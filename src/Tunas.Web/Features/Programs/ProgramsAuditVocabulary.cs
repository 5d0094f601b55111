using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Programs;

/// <summary>The programs' words on the audit pages.</summary>
internal sealed class ProgramsAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "program.created" => L["Program created"].Value,
        "program.changed" => L["Program changed"].Value,
        "program.rules-changed" => L["Eligibility rules changed"].Value,
        "program.quotas-replaced" => L["Quotas saved"].Value,
        "program.track-added" => L["Track added"].Value,
        "program.track-changed" => L["Track changed"].Value,
        "program.track-deleted" => L["Track deleted"].Value,
        "program.track-providers-changed" => L["Providers of a track changed"].Value,
        "provider.created" => L["Provider added"].Value,
        "provider.changed" => L["Provider changed"].Value,
        _ => null,
    };

    /// <summary>The fields of the program, its rules, tracks, providers and quotas, named as their forms name them.</summary>
    public string? Field(string field, IStringLocalizer L) => field switch
    {
        "name" => L["Name"].Value,
        "year" => L["Year"].Value,
        "budget" => L["Budget (rupiah)"].Value,
        "transportPerDay" => L["Transport allowance per day (rupiah)"].Value,
        "description" => L["Description"].Value,
        "targetSize" => L["Target (participants)"].Value,
        "registrationOpens" => L["Registration opens"].Value,
        "registrationCloses" => L["Registration closes"].Value,
        "selectionOn" => L["Selection"].Value,
        "publicationOn" => L["Publication of the result"].Value,
        "appealOpens" => L["Appeals open"].Value,
        "appealCloses" => L["Appeals close"].Value,
        "trainingStarts" => L["Training starts"].Value,
        "trainingEnds" => L["Training ends"].Value,
        "status" => L["Status"].Value,
        "seed" => L["Tie-break seed"].Value,
        "minAge" => L["Minimum age"].Value,
        "maxAge" => L["Maximum age"].Value,
        "ageReferenceDate" => L["Reference date"].Value,
        "maxDesil" => L["Highest desil"].Value,
        "domicileRegencyCode" => L["Domicile"].Value,
        "maxPerHousehold" => L["Per family card"].Value,
        "excludeTrainedWithinYears" => L["Recent training"].Value,
        "youthWeight" => L["Points for age 18 to 29"].Value,
        "womenWeight" => L["Points for women"].Value,
        "spillOver" => L["Unused seats"].Value,
        "waitlistLength" => L["Waitlist per quota"].Value,
        "nameDisplay" => L["Names in the published result"].Value,
        "completionAttendancePercent" => L["Attendance needed (%)"].Value,
        "completionRequiresPractical" => L["Practical must be competent"].Value,
        "trackId" => L["Track"].Value,
        "womenOnly" => L["Women-only tracks"].Value,
        "sortOrder" => L["Order"].Value,
        "modules" => L["Modules"].Value,
        "type" => L["Type"].Value,
        "address" => L["Address"].Value,
        "villageCode" => L["Kelurahan"].Value,
        "capacity" => L["Capacity"].Value,
        "contactName" => L["Contact person"].Value,
        "contactPhone" => L["Contact phone"].Value,
        "contactEmail" => L["Contact e-mail"].Value,
        "totalBefore" => L["Seats before"].Value,
        "totalAfter" => L["Seats after"].Value,
        _ => null,
    };

    public string? Value(string field, string? raw, IStringLocalizer L, IReadOnlyDictionary<string, RegionSummary> villages) => field switch
    {
        "status" when Enum.TryParse<ProgramStatus>(raw, out var status) => ProgramLabels.Status(status, L),
        "type" when Enum.TryParse<ProviderType>(raw, out var type) => ProgramLabels.ProviderType(type, L),
        "spillOver" when Enum.TryParse<SpillOverRule>(raw, out var rule) => ProgramLabels.SpillOver(rule, L),
        "nameDisplay" when Enum.TryParse<NameDisplay>(raw, out var display) => ProgramLabels.NameDisplay(display, L),
        "budget" when long.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var rupiah) => ProgramLabels.Money(rupiah),
        "trackId" => "#" + raw,
        _ => null,
    };
}
