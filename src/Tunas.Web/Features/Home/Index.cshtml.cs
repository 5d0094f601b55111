using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Home;

/// <summary>
/// The public entry: the programs taking applications now (with their last day) and a large button to each form;
/// the status check and the results one tap away; what opens next when nothing is open.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AgencyHeader agency, ProgramCatalog catalog, TimeProvider clock) : PageModel
{
    public string AgencyName { get; private set; } = "";

    /// <summary>Programs whose registration is open today, the one closing first at the top.</summary>
    public IReadOnlyList<IntakeProgram> Open { get; private set; } = [];

    /// <summary>Active programs whose registration opens later, the nearest first.</summary>
    public IReadOnlyList<IntakeProgram> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        AgencyName = (await agency.GetAsync(ct)).Name;
        var today = clock.TodayInIndonesia();
        var programs = await catalog.ActiveAsync(ct);
        Open = [.. programs.Where(p => ApplicationRules.RegistrationWindow(p, today) is null)
            .OrderBy(p => p.RegistrationCloses).ThenBy(p => p.Id)];
        Upcoming = [.. programs.Where(p => today < p.RegistrationOpens).OrderBy(p => p.RegistrationOpens).ThenBy(p => p.Id)];
    }
}
