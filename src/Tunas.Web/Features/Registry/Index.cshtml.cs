using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

/// <summary>
/// Finding residents: by name, kelurahan and desil in the address (GET), by an exact NIK in a posted form only,
/// so that a NIK never lands in an address, a browser history or a server log.
/// </summary>
[Authorize(Policy = Policies.Registry)]
public sealed class IndexModel(PersonSearch search, VillageNames villageNames, CurrentUser me, TunasDb db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true, Name = "village")]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true, Name = "desil")]
    public int? Decile { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Posted only (never bound from the query string).</summary>
    [BindProperty]
    public string? Nik { get; set; }

    public bool SearchedByNik { get; private set; }
    public PersonPage Result { get; private set; } = new([], 0);
    public IReadOnlyList<RegionSummary> Villages { get; private set; } = [];
    public IReadOnlyDictionary<string, RegionSummary> VillageByCode { get; private set; } = new Dictionary<string, RegionSummary>();
    public IReadOnlySet<long> SelfRegistered { get; private set; } = new HashSet<long>();

    /// <summary>The kelurahan of a kelurahan operator, who sees nothing else.</summary>
    public string? OwnVillage => RegistryAccess.OwnVillage(me);

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Decile is < 1 or > 10)
        {
            Decile = null;
        }
        PageNumber = Math.Max(1, PageNumber);
        Result = await SearchPageAsync(ct);
        if (Result.Items.Count == 0 && Result.Total > 0 && PageNumber > PageCount)
        {
            // A page past the end (an old link, a list that shrank): show the last one instead of an empty table.
            PageNumber = PageCount;
            Result = await SearchPageAsync(ct);
        }
        await FillAsync(ct);
    }

    private Task<PersonPage> SearchPageAsync(CancellationToken ct) => search.SearchAsync(new PersonSearchCriteria
    {
        Name = Name,
        VillageCode = OwnVillage ?? (string.IsNullOrWhiteSpace(Village) ? null : Village),
        WelfareDecile = Decile,
        Page = PageNumber,
        PageSize = PageSize,
    }, fullNik: false, ct);

    public async Task OnPostNikAsync(CancellationToken ct)
    {
        SearchedByNik = true;
        var check = Shared.Nik.Check(Nik, clock.TodayInIndonesia());
        if (!check.Valid)
        {
            foreach (var error in check.Errors)
            {
                ModelState.AddModelError(nameof(Nik), error.Format(L[error.Message]));
            }
        }
        else
        {
            Result = await search.SearchAsync(new PersonSearchCriteria { Nik = check.Nik!.Value.Value, PageSize = PageSize }, fullNik: false, ct);
        }
        await FillAsync(ct);
    }

    /// <summary>The address of another page of the same search; the name, kelurahan and desil only (never a NIK).</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Name))
        {
            query.Add("q=" + Uri.EscapeDataString(Name));
        }
        if (!string.IsNullOrWhiteSpace(Village) && OwnVillage is null)
        {
            query.Add("village=" + Uri.EscapeDataString(Village));
        }
        if (Decile is { } d)
        {
            query.Add("desil=" + d.ToString(CultureInfo.InvariantCulture));
        }
        if (page > 1)
        {
            query.Add("p=" + page.ToString(CultureInfo.InvariantCulture));
        }
        return "/Registry" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public string VillageName(string code) => VillageByCode.TryGetValue(code, out var v) ? v.Name : code;

    private async Task FillAsync(CancellationToken ct)
    {
        Villages = await villageNames.OfAgencyAsync(ct);
        VillageByCode = await villageNames.AllAsync(ct);
        var unverified = Result.Items.Where(i => !i.Verified).Select(i => i.Id).ToList();
        if (unverified.Count > 0)
        {
            SelfRegistered = (await db.Persons.AsNoTracking()
                .Where(p => unverified.Contains(p.Id) && p.Origin == PersonOrigin.SelfRegistered)
                .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        }
    }
}
