using Microsoft.AspNetCore.Mvc.RazorPages;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Home;

/// <summary>A to-do on the desk: what waits, how many per kelurahan, and where its list is (none for a role that may not open it).</summary>
public sealed record DeskTodo(string Title, string? Link, DeskItem Item);

/// <summary>
/// The staff's home after sign-in: what waits for them, per kelurahan. A kelurahan operator sees their own
/// kelurahan only; Leadership sees the counts and no list (no personal data); roles with no such work see none.
/// </summary>
public sealed class DeskModel(DeskCounts counts, CurrentUser me, VillageNames villages, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<DeskTodo> Todos { get; private set; } = [];
    public IReadOnlyDictionary<string, string> VillageNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var officer = me.IsInRole(Roles.Administrator) || me.IsInRole(Roles.ProgramOfficer);
        var village = officer ? null : me.IsInRole(Roles.VillageOperator) ? me.VillageCode ?? "-" : null;
        var leadership = !officer && me.IsInRole(Roles.Leadership);
        if (!officer && village is null && !leadership)
        {
            return;
        }
        var items = (await counts.CountAsync(me.AgencyId ?? 0, village, ct)).ToDictionary(i => i.Key);
        string? Link(string link, bool allowed) => allowed ? link : null;
        var operatorOrOfficer = officer || village is not null;
        var appealPrograms = officer ? await counts.ProgramsWithOpenAppealsAsync(me.AgencyId ?? 0, ct) : [];
        var appeals = appealPrograms.Count == 1 ? $"/Selection/{appealPrograms[0].ToString(System.Globalization.CultureInfo.InvariantCulture)}/Appeals" : "/Selection";
        // Held records and applications are counted for the agency only: a kelurahan operator's count would tell which
        // of their entries met a NIK of another kelurahan (issue 10 finding 5, decision 0021).
        var seesHeld = village is null;
        var todos = new List<DeskTodo>
        {
            new(L["Messages waiting to be sent"], Link("/Messages", operatorOrOfficer), items[DeskCounts.Messages]),
            new(L["Open appeals"], Link(appeals, officer), items[DeskCounts.Appeals]),
            new(L["Self-registered residents to verify"], Link("/Registry/Verify", officer), items[DeskCounts.ToVerify]),
            new(L["Imports with rejected rows, failed or awaiting columns"], Link("/Registry/Imports", operatorOrOfficer), items[DeskCounts.Imports]),
        };
        if (seesHeld)
        {
            todos.Insert(3, new(L["Held resident records to resolve"], Link("/Registry/Held", officer), items[DeskCounts.HeldPersons]));
            todos.Insert(4, new(L["Held applications to resolve"], Link("/Applications/Held", officer), items[DeskCounts.HeldApplications]));
        }
        Todos = todos;
        var codes = todos.SelectMany(t => t.Item.PerVillage.Keys).Where(k => k.Length > 0).Distinct().ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            names[code] = await villages.NameAsync(code, ct);
        }
        VillageNames = names;
    }

    public string VillageName(string code) => code.Length == 0 ? L["Whole registry"] : VillageNames.GetValueOrDefault(code, code);
}
