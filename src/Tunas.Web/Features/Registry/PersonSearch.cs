using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Registry;

public sealed record PersonSearchCriteria
{
    /// <summary>Words of the name, each matched as the start of a word ("sit amin" finds "Siti Aminah").</summary>
    public string? Name { get; init; }

    /// <summary>An exact NIK (typed into a form or sent in a body, never in a URL).</summary>
    public string? Nik { get; init; }

    public string? VillageCode { get; init; }
    public int? WelfareDecile { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record PersonSummary(long Id, string Nik, string FullName, string Sex, string BirthDate, string VillageCode, int? WelfareDecile, bool Verified);

public sealed record PersonPage(IReadOnlyList<PersonSummary> Items, int Total);

/// <summary>
/// Finding residents, with the row-level rule built into the query: a kelurahan operator only ever sees their
/// own kelurahan. NIKs come back masked unless <paramref name="fullNik"/> is asked for by the caller.
/// </summary>
public sealed class PersonSearch(TunasDb db, CurrentUser me)
{
    public const int MaxPageSize = 100;

    /// <summary>Persons the current user may see at all.</summary>
    public IQueryable<Person> Visible()
    {
        var agency = me.AgencyId ?? 0;
        var query = db.Persons.Where(p => p.AgencyId == agency);
        if (me.IsInRole(Roles.VillageOperator) && !me.IsInRole(Roles.Administrator) && !me.IsInRole(Roles.ProgramOfficer))
        {
            var village = me.VillageCode ?? "-";
            query = query.Where(p => p.VillageCode == village);
        }
        return query;
    }

    public async Task<PersonPage> SearchAsync(PersonSearchCriteria criteria, bool fullNik, CancellationToken ct = default)
    {
        var query = Visible().AsNoTracking();
        var agency = me.AgencyId ?? 0;
        if (!string.IsNullOrWhiteSpace(criteria.Nik))
        {
            var nik = criteria.Nik.Trim();
            query = query.Where(p => p.Nik == nik);
        }
        // All words in one pass over the token index: a person matches when every word matched one of their tokens.
        var words = PersonNames.Tokens(criteria.Name ?? "").Take(5).ToList();
        IQueryable<WordHit>? hits = null;
        for (var i = 0; i < words.Count; i++)
        {
            var (low, high, word) = (words[i], NextPrefix(words[i]), i);
            var hit = db.PersonNameTokens
                .Where(t => t.AgencyId == agency && t.Token.CompareTo(low) >= 0 && t.Token.CompareTo(high) < 0)
                .Select(t => new WordHit { PersonId = t.PersonId, Word = word });
            hits = hits is null ? hit : hits.Concat(hit);
        }
        if (hits is not null)
        {
            var wanted = words.Count;
            var ids = wanted == 1
                ? hits.Select(h => h.PersonId)
                : hits.GroupBy(h => h.PersonId).Where(g => g.Select(h => h.Word).Distinct().Count() == wanted).Select(g => g.Key);
            query = query.Where(p => ids.Contains(p.Id));
        }
        if (!string.IsNullOrWhiteSpace(criteria.VillageCode))
        {
            var village = criteria.VillageCode.Trim();
            query = query.Where(p => p.VillageCode == village);
        }
        if (criteria.WelfareDecile is { } decile)
        {
            query = query.Where(p => p.WelfareDecile == decile);
        }
        var size = Math.Clamp(criteria.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, criteria.Page);
        var total = await query.CountAsync(ct);
        // With a name, order by an expression: otherwise both databases walk the whole name index in order
        // looking for the few hits, instead of starting from the tokens (docs/benchmarks.md).
        var ordered = words.Count > 0 ? query.OrderBy(p => p.NameKey + "") : query.OrderBy(p => p.NameKey);
        var rows = await ordered.ThenBy(p => p.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(p => new { p.Id, p.Nik, p.FullName, p.Sex, p.BirthDate, p.VillageCode, p.WelfareDecile, p.Verified })
            .ToListAsync(ct);
        var items = rows.Select(p => new PersonSummary(p.Id, fullNik ? p.Nik : Nik.Mask(p.Nik), p.FullName, p.Sex == Sex.Female ? "F" : "M",
            DateText.Iso(p.BirthDate), p.VillageCode, p.WelfareDecile, p.Verified)).ToList();
        return new PersonPage(items, total);
    }

    private sealed class WordHit
    {
        public long PersonId { get; init; }
        public int Word { get; init; }
    }

    /// <summary>The smallest string above every string that starts with <paramref name="prefix"/> (letters and digits only).</summary>
    public static string NextPrefix(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
