using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

namespace Tunas.Web.Features.Applications;

/// <summary>The applications' words on the audit pages.</summary>
internal sealed class ApplicationsAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "application.submitted" => L["Application submitted"].Value,
        "application.withdrawn" => L["Application withdrawn"].Value,
        "application.held-released" => L["Held application verified and submitted"].Value,
        "application.held-rejected" => L["Held application rejected"].Value,
        _ => null,
    };
}
