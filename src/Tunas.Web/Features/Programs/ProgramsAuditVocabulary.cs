using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

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
}
