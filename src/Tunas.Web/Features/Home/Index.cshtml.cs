using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Features.Agencies;

namespace Tunas.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(AgencyHeader agency) : PageModel
{
    public string AgencyName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => AgencyName = (await agency.GetAsync(ct)).Name;
}
