using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Audit;

public sealed record AuditActor(string Id, string Name);

/// <summary>The audit trail of the agency, for an administrator: by resident, by user, by date (WIB).</summary>
[Authorize(Policy = Policies.ViewAudit)]
public sealed class IndexModel(TunasDb db, VillageNames villages, CurrentUser me) : PageModel
{
    public const int PageSize = 50;
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [BindProperty(SupportsGet = true, Name = "person")]
    public long? PersonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? ActorId { get; set; }

    /// <summary>yyyy-MM-dd as an <c>input type=date</c> sends it (or dd/mm/yyyy typed by hand).</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditEntriesView Entries { get; private set; } = null!;
    public int Total { get; private set; }
    public IReadOnlyList<AuditActor> Actors { get; private set; } = [];
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var agency = me.AgencyId;
        var query = db.AuditEntries.AsNoTracking().Where(a => a.AgencyId == agency || a.AgencyId == null);
        if (PersonId is { } person)
        {
            var key = person.ToString(CultureInfo.InvariantCulture);
            query = query.Where(a => a.EntityType == "Person" && a.EntityId == key);
        }
        if (!string.IsNullOrWhiteSpace(ActorId))
        {
            query = query.Where(a => a.ActorId == ActorId);
        }
        if (DateText.TryParse(From, out var from))
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Wib;
            query = query.Where(a => a.At >= start);
            From = DateText.Iso(from);
        }
        if (DateText.TryParse(To, out var to))
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Wib;
            query = query.Where(a => a.At < end);
            To = DateText.Iso(to);
        }
        Total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync(ct);
        Entries = new AuditEntriesView(rows, await villages.AllAsync(ct), ShowEntity: true);
        Actors = await db.Users.AsNoTracking().Where(u => u.AgencyId == agency)
            .OrderBy(u => u.Email)
            .Select(u => new AuditActor(u.Id, u.Email ?? u.UserName ?? u.Id))
            .ToListAsync(ct);
    }

    /// <summary>The address of another page with the same filters (ids and dates only).</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (PersonId is { } person)
        {
            query.Add("person=" + person.ToString(CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrWhiteSpace(ActorId))
        {
            query.Add("actor=" + Uri.EscapeDataString(ActorId));
        }
        if (!string.IsNullOrWhiteSpace(From))
        {
            query.Add("from=" + Uri.EscapeDataString(From));
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            query.Add("to=" + Uri.EscapeDataString(To));
        }
        query.Add("p=" + page.ToString(CultureInfo.InvariantCulture));
        return "/Audit?" + string.Join('&', query);
    }
}
