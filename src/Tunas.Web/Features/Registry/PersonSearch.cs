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

/// <summary>
/// A resident in a list. Where <see cref="Nik"/> is masked the birth date is left out (null) and only the age is
/// given: a masked NIK beside the birth date, sex and kelurahan rebuilds the whole NIK (decision 0017).
/// </summary>
public sealed record PersonSummary(long Id, string Nik, string FullName, string Sex, string? BirthDate, string VillageCode, int? WelfareDecile, bool Verified, int Age);

public sealed record PersonPage(IReadOnlyList<PersonSummary> Items, int Total);

/// <summary>
/// Finding residents, with the row-level rule built into the query: a kelurahan operator only ever sees their
/// own kelurahan. NIKs come back masked unless <paramref name="fullNik"/> is asked for by the caller.
/// </summary>
public sealed class PersonSearch(TunasDb db, CurrentUser me, TimeProvider clock, Held.HeldView heldView)
{
    public const int MaxPageSize = 100;

    /// <summary>Persons the current user may see at all.</summary>
    public IQueryable<Person> Visible()
    {
        var agency = me.AgencyId ?? 0;
        var query = db.Persons.Where(p => p.AgencyId == agency);
        if (OneVillageOnly)
        {
            var village = me.VillageCode ?? "-";
            query = query.Where(p => p.VillageCode == village);
        }
        return query;
    }

    /// <summary>Whether the current user is limited to one kelurahan (an operator who is not also an officer).</summary>
    private bool OneVillageOnly =>
        me.IsInRole(Roles.VillageOperator) && !me.IsInRole(Roles.Administrator) && !me.IsInRole(Roles.ProgramOfficer);

    public async Task<PersonPage> SearchAsync(PersonSearchCriteria criteria, bool fullNik, CancellationToken ct = default)
    {
        var size = Math.Clamp(criteria.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, criteria.Page);
        var words = PersonNames.Tokens(criteria.Name ?? "").Take(5).ToList();
        var narrowed = !string.IsNullOrWhiteSpace(criteria.Nik) || !string.IsNullOrWhiteSpace(criteria.VillageCode)
            || criteria.WelfareDecile is not null || OneVillageOnly;
        if (words.Count > 0 && !narrowed)
        {
            return await ByNameAsync(words, page, size, fullNik, ct);
        }

        var query = Visible().AsNoTracking();
        // An operator's own held records are their residents as they typed them (decision 0021): listed and found in
        // their place, never as the registry has them.
        var held = OneVillageOnly ? await heldView.OwnAsync(ct) : [];
        if (held.Count > 0)
        {
            var heldIds = held.Select(p => p.Id).ToList();
            query = query.Where(p => !heldIds.Contains(p.Id));
        }
        if (!string.IsNullOrWhiteSpace(criteria.Nik))
        {
            var nik = criteria.Nik.Trim();
            query = query.Where(p => p.Nik == nik);
        }
        var oneVillage = !string.IsNullOrWhiteSpace(criteria.VillageCode) || OneVillageOnly;
        if (words.Count > 0 && oneVillage)
        {
            // Within a kelurahan the name key is tested in the (AgencyId, VillageCode, NameKey) index itself: the
            // kelurahan's entries are read once, in name order, and no token range or person row is read per hit. A
            // word starts one of the name's words when it starts the key or follows one of its spaces (decision 0012).
            foreach (var word in words)
            {
                var start = " " + word;
                query = query.Where(p => (" " + p.NameKey).Contains(start));
            }
        }
        else if (words.Count > 0)
        {
            var ids = (await MatchingAsync(words, ct)).Select(t => t.PersonId);
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
        var total = await query.CountAsync(ct);
        // With a name, order by an expression: otherwise both databases walk the whole name index in order
        // looking for the few hits, instead of starting from the tokens (docs/benchmarks.md).
        var ordered = words.Count > 0 && !oneVillage ? query.OrderBy(p => p.NameKey + "") : query.OrderBy(p => p.NameKey);
        async Task<List<PersonSummary>> RowsAsync(int skip, int take)
        {
            if (take <= 0)
            {
                return [];
            }
            if (words.Count > 0 && oneVillage)
            {
                // The page's ids from the kelurahan's name index alone (it carries the id), then only those persons: reading
                // each row that passes the name test would read most of the kelurahan for a rare name.
                var pageIds = await ordered.ThenBy(p => p.Id).Skip(skip).Take(take).Select(p => p.Id).ToListAsync(ct);
                return await PersonsAsync(pageIds, fullNik, ct);
            }
            var rows = await ordered.ThenBy(p => p.Id)
                .Skip(skip).Take(take)
                .Select(p => new Row(p.Id, p.Nik, p.FullName, p.Sex, p.BirthDate, p.VillageCode, p.WelfareDecile, p.Verified))
                .ToListAsync(ct);
            return [.. rows.Select(r => Summary(r, fullNik))];
        }
        var matches = held.Where(p => Matches(p, criteria, words)).ToList();
        if (matches.Count == 0)
        {
            return new PersonPage(await RowsAsync((page - 1) * size, size), total);
        }
        return await WithHeldAsync(query, matches, total, page, size, RowsAsync, fullNik, ct);
    }

    /// <summary>
    /// The page of the registry's rows and the operator's held records together, in the order of name key then id: each
    /// held record's place is the count of rows before it (a count per held record; an operator has few).
    /// </summary>
    private async Task<PersonPage> WithHeldAsync(
        IQueryable<Person> query, List<Person> matches, int total, int page, int size, Func<int, int, Task<List<PersonSummary>>> rows, bool fullNik, CancellationToken ct)
    {
        var placed = new List<(long Before, Person Person)>();
        foreach (var p in matches)
        {
            var (key, id) = (p.NameKey, p.Id);
            placed.Add((await query.LongCountAsync(q => q.NameKey.CompareTo(key) < 0 || (q.NameKey == key && q.Id < id), ct), p));
        }
        placed = [.. placed.OrderBy(x => x.Before).ThenBy(x => x.Person.NameKey, StringComparer.Ordinal).ThenBy(x => x.Person.Id)];
        var start = (long)(page - 1) * size;
        var at = placed.Select((x, i) => (Position: x.Before + i, x.Person)).ToList();
        var inPage = at.Where(x => x.Position >= start && x.Position < start + size).ToDictionary(x => x.Position, x => x.Person);
        var heldBefore = at.Count(x => x.Position < start);
        var registry = new Queue<PersonSummary>(await rows((int)Math.Min(start - heldBefore, int.MaxValue), size - inPage.Count));
        var items = new List<PersonSummary>(size);
        for (var position = start; position < start + size; position++)
        {
            if (inPage.TryGetValue(position, out var p))
            {
                items.Add(Summary(new Row(p.Id, p.Nik, p.FullName, p.Sex, p.BirthDate, p.VillageCode, p.WelfareDecile, p.Verified), fullNik));
            }
            else if (registry.TryDequeue(out var row))
            {
                items.Add(row);
            }
        }
        return new PersonPage(items, total + matches.Count);
    }

    /// <summary>The search's tests on a held record, as the query makes them on a row.</summary>
    private static bool Matches(Person p, PersonSearchCriteria criteria, List<string> words) =>
        (string.IsNullOrWhiteSpace(criteria.Nik) || p.Nik == criteria.Nik.Trim())
        && (string.IsNullOrWhiteSpace(criteria.VillageCode) || p.VillageCode == criteria.VillageCode.Trim())
        && (criteria.WelfareDecile is not { } decile || p.WelfareDecile == decile)
        && words.All(w => (" " + p.NameKey).Contains(" " + w, StringComparison.Ordinal));

    /// <summary>
    /// A name and nothing else, for a user who sees the whole agency: counted, sorted and paged in the token index
    /// alone (it carries the name key), then only the page's persons are read. A common word ("nur", 40,000 persons
    /// in a million) costs an index range, not 40,000 person rows (decision 0012).
    /// </summary>
    private async Task<PersonPage> ByNameAsync(List<string> words, int page, int size, bool fullNik, CancellationToken ct)
    {
        var tokens = await MatchingAsync(words, ct);
        var total = await tokens.Select(t => t.PersonId).Distinct().CountAsync(ct);
        // A person has one row per token that the leading word matches ("nur" and "nurul" both start with "nur"); those
        // rows sit next to each other in (name key, id) order, so the page is read in that order and repeats skipped.
        List<long> ids = [];
        var wanted = (long)page * size;
        var take = (int)Math.Min(wanted + size, int.MaxValue);
        while (wanted - size < total)
        {
            var read = await tokens.OrderBy(t => t.NameKey).ThenBy(t => t.PersonId).Select(t => t.PersonId).Take(take).ToListAsync(ct);
            var distinct = read.Distinct().ToList();
            if (distinct.Count >= wanted || read.Count < take)
            {
                ids = [.. distinct.Skip((int)(wanted - size)).Take(size)];
                break;
            }
            take = (int)Math.Min(take * 2L, int.MaxValue);
        }
        return new PersonPage(await PersonsAsync(ids, fullNik, ct), total);
    }

    /// <summary>The persons of <paramref name="ids"/> in that order.</summary>
    private async Task<List<PersonSummary>> PersonsAsync(List<long> ids, bool fullNik, CancellationToken ct)
    {
        // By their keys alone, and the agency checked on the rows read: with `AgencyId = @agency` in the query, SQLite
        // without statistics reads them through the (AgencyId, WelfareDecile) index, which is every person of the
        // agency (1.3 s on a million; decision 0012).
        var agency = me.AgencyId ?? 0;
        var found = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.AgencyId, Row = new Row(p.Id, p.Nik, p.FullName, p.Sex, p.BirthDate, p.VillageCode, p.WelfareDecile, p.Verified) })
            .ToListAsync(ct);
        var rows = found.Where(r => r.AgencyId == agency).ToDictionary(r => r.Row.Id, r => r.Row);
        return [.. ids.Where(rows.ContainsKey).Select(id => Summary(rows[id], fullNik))];
    }

    /// <summary>
    /// The leading word's tokens of the persons whose name has every other word too ("sit amin" finds "Siti Aminah"):
    /// one range of the index, the other words tested on the name key in the same rows.
    /// </summary>
    private async Task<IQueryable<PersonNameToken>> MatchingAsync(List<string> words, CancellationToken ct)
    {
        // The rarest word leads: its range is the one read in full ("deni hidayat": 5,500 rows, not 22,600; counting
        // a range in the index takes a millisecond or two).
        var lead = words[0];
        if (words.Count > 1)
        {
            var smallest = long.MaxValue;
            foreach (var word in words)
            {
                var count = await Range(word).LongCountAsync(ct);
                if (count < smallest)
                {
                    (lead, smallest) = (word, count);
                }
            }
        }
        // Each other word is tested on the name key that the lead's token row already carries (a word starts one of
        // the name's words when it starts the key or follows one of its spaces, as the tokens were cut): no probe of
        // the index per row, so two words cost what the rarer one's range costs.
        var tokens = Range(lead);
        foreach (var word in words.Where(w => w != lead))
        {
            var start = " " + word;
            tokens = tokens.Where(t => (" " + t.NameKey).Contains(start));
        }
        return tokens;
    }

    /// <summary>The agency's tokens that start with <paramref name="word"/> (letters and digits only): one range of the index.</summary>
    private IQueryable<PersonNameToken> Range(string word)
    {
        var agency = me.AgencyId ?? 0;
        var tokens = db.PersonNameTokens.Where(t => t.AgencyId == agency);
        if (db is PostgresTunasDb)
        {
            // PostgreSQL turns a LIKE prefix on a "C" column into the same index range, but estimates its size as a
            // prefix (at least one word's share). For a bare range of two close strings it guesses one row, and then
            // joins two common words ("gilang hartanto") by nested loops: seconds instead of milliseconds.
            var pattern = word + "%";
            return tokens.Where(t => EF.Functions.Like(t.Token, pattern));
        }
        var (low, high) = (word, NextPrefix(word));
        return tokens.Where(t => t.Token.CompareTo(low) >= 0 && t.Token.CompareTo(high) < 0);
    }

    private PersonSummary Summary(Row p, bool fullNik) =>
        new(p.Id, fullNik ? p.Nik : Nik.Mask(p.Nik), p.FullName, p.Sex == Sex.Female ? "F" : "M",
            fullNik ? DateText.Iso(p.BirthDate) : null, p.VillageCode, p.WelfareDecile, p.Verified, AgeOn(p.BirthDate, clock.TodayInIndonesia()));

    /// <summary>Whole years on <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly birth, DateOnly day) =>
        day.Year - birth.Year - (day.Month < birth.Month || (day.Month == birth.Month && day.Day < birth.Day) ? 1 : 0);

    private sealed record Row(long Id, string Nik, string FullName, Sex Sex, DateOnly BirthDate, string VillageCode, int? WelfareDecile, bool Verified);

    /// <summary>The smallest string above every string that starts with <paramref name="prefix"/> (letters and digits only).</summary>
    public static string NextPrefix(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
