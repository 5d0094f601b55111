using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Audit;

namespace Tunas.Web.Features.Demo;

/// <summary>The demo's words on the audit pages.</summary>
internal sealed class DemoAuditVocabulary : IAuditVocabulary
{
    public string? Action(string action, IStringLocalizer L) => action switch
    {
        "registry.demo-loaded" => L["Demo data loaded"].Value,
        _ => null,
    };
}
