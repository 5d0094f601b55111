using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Certificates;

namespace Tunas.Web.Features.Impact.Facts;

/// <summary>
/// One agency's rows as the dashboard counts them, held in memory and brought up to date at each request from the
/// change log (decision 0035): the rows the log names since the last request are read again by id, the others are
/// not read at all. Not thread-safe: <see cref="ImpactFactsCache"/> lets one request at a time refresh and read it.
/// </summary>
public sealed partial class ImpactFacts(int agencyId)
{
    /// <summary>More changed rows of one table than this, and the whole table is read again: cheaper than a list of ids.</summary>
    public const int ReloadWholeAbove = 50_000;

    public int AgencyId => agencyId;

    internal readonly VillageIndex Villages = new();
    internal readonly Dictionary<long, PersonFact> Persons = [];
    internal readonly Dictionary<long, ApplicationFact> Applications = [];
    internal readonly Dictionary<long, RunFact> Runs = [];
    internal readonly Dictionary<long, DecisionFact> Decisions = [];
    internal readonly Dictionary<int, CohortFact> Cohorts = [];
    internal readonly Dictionary<long, ParticipantFact> Participants = [];
    internal readonly Dictionary<long, CertificateFact> Certificates = [];
    internal readonly Dictionary<long, BusinessStatus> Businesses = [];
    internal readonly Dictionary<long, long[]> Owners = [];
    internal readonly Dictionary<long, WorkerFact> Workers = [];
    internal readonly Dictionary<long, FollowUpFact> FollowUps = [];
    internal readonly Dictionary<long, (long Sales, long Expenses)> CashbookMonths = [];
    internal readonly HashSet<long> Sharing = [];

    /// <summary>The NIKs of the workers and the residents they were matched to: a resident's change can move a match.</summary>
    private readonly HashSet<string> _workerNiks = new(StringComparer.Ordinal);
    private readonly HashSet<long> _workerResidents = [];

    /// <summary>The month whose cashbook totals are held (the last whole month before the day of the last read).</summary>
    internal DateOnly CashbookMonth { get; private set; }

    /// <summary>How often each table's rows were read again, and how often the whole copy was: what a block's memo compares.</summary>
    private readonly long[] _versions = new long[Enum.GetValues<FactKind>().Max(k => (int)k) + 1];

    /// <summary>The blocks of the filters read lately (<see cref="FactInputs"/>), at most <see cref="MaxMemos"/>.</summary>
    private readonly Dictionary<string, FilterMemo> _memos = new(StringComparer.Ordinal);

    public const int MaxMemos = 64;

    /// <summary>The buffers of the answers' summaries, one set for every filter: used under the agency's gate only.</summary>
    internal readonly AnswerGroup.Builder AnswerBuilder = new();

    public long Generation { get; private set; }

    public long Version(FactKind kind) => _versions[(int)kind];

    internal FilterMemo MemoOf(string key)
    {
        if (!_memos.TryGetValue(key, out var memo))
        {
            if (_memos.Count >= MaxMemos)
            {
                _memos.Clear();
            }
            _memos[key] = memo = new FilterMemo();
        }
        return memo;
    }

    /// <summary>Where the log was read up to: SQLite's last id, PostgreSQL's snapshot (decision 0035).</summary>
    private long _lastId;
    private string? _snapshot;

    public bool Loaded { get; private set; }
    public DateTime RefreshedAt { get; private set; }

    /// <summary>Rows read again at the last refresh (for the bench and the log).</summary>
    public int LastChanges { get; private set; }

    /// <summary>Reads every row (the first request, or after the log was pruned past this copy).</summary>
    public async Task LoadAsync(TunasDb db, DateOnly month, DateTime now, CancellationToken ct)
    {
        var mark = await MarkAsync(db, ct);
        Generation++;
        Clear();
        CashbookMonth = month;
        foreach (var kind in Enum.GetValues<FactKind>())
        {
            await ReloadAsync(db, kind, null, ct);
        }
        (_lastId, _snapshot) = mark;
        Loaded = true;
        RefreshedAt = now;
    }

    /// <summary>Reads again the rows the log names since the last read, and the cashbook month when the month turned.</summary>
    public async Task RefreshAsync(TunasDb db, DateOnly month, DateTime now, CancellationToken ct)
    {
        var mark = await MarkAsync(db, ct);
        var changed = await ChangesAsync(db, mark, ct);
        LastChanges = changed.Sum(c => c.Value.Count);
        // The runs first: a run published now brings its decisions, which the decisions' own changes then refine.
        foreach (var kind in Enum.GetValues<FactKind>())
        {
            if (changed.TryGetValue(kind, out var ids))
            {
                await ReloadAsync(db, kind, ids.Count > ReloadWholeAbove ? null : ids, ct);
            }
        }
        if (month != CashbookMonth)
        {
            CashbookMonth = month;
            await ReloadAsync(db, FactKind.CashbookMonth, null, ct);
        }
        (_lastId, _snapshot) = mark;
        RefreshedAt = now;
    }

    /// <summary>Marks the copy as not to be trusted: the next request reads it whole.</summary>
    public void Invalidate()
    {
        Loaded = false;
        _memos.Clear();
    }

    private void Clear()
    {
        Persons.Clear();
        Applications.Clear();
        Runs.Clear();
        Decisions.Clear();
        Cohorts.Clear();
        Participants.Clear();
        Certificates.Clear();
        Businesses.Clear();
        Owners.Clear();
        Workers.Clear();
        FollowUps.Clear();
        CashbookMonths.Clear();
        Sharing.Clear();
        _workerNiks.Clear();
        _workerResidents.Clear();
    }

    /// <summary>Reads the rows of one table again: all of them (<paramref name="ids"/> null) or those named; a named row not found was deleted.</summary>
    private async Task ReloadAsync(TunasDb db, FactKind kind, HashSet<long>? ids, CancellationToken ct)
    {
        var a = agencyId;
        var list = ids?.ToList();
        _versions[(int)kind]++;
        switch (kind)
        {
            case FactKind.Person:
                await PersonsAsync(db, list, ct);
                break;
            case FactKind.Application:
                var applicationsBefore = Before(Applications, list);
                Forget(Applications, list);
                await foreach (var x in Named(db.Applications.AsNoTracking().Where(r => r.AgencyId == a), list, r => r.Id)
                    .Select(r => new { r.Id, r.ProgramId, r.Status, r.VillageCode, r.FirstTrackId, r.SecondTrackId, r.PersonId }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    Applications[x.Id] = new(x.ProgramId, x.Status, Villages.Of(x.VillageCode), x.FirstTrackId, x.SecondTrackId ?? 0, x.PersonId);
                }
                AfterApplications(list, applicationsBefore);
                break;
            case FactKind.SelectionRun:
                await RunsAsync(db, list, ct);
                break;
            case FactKind.SelectionDecision:
                await DecisionsAsync(db, list, null, ct);
                break;
            case FactKind.Cohort:
                var cohortIds = list?.Select(i => (int)i).ToList();
                Forget(Cohorts, cohortIds);
                var cohorts = db.Set<Cohort>().AsNoTracking().Where(r => r.AgencyId == a);
                if (cohortIds is not null)
                {
                    cohorts = cohorts.Where(r => cohortIds.Contains(r.Id));
                }
                await foreach (var x in cohorts.Select(r => new { r.Id, r.ProgramId, r.TrackId, r.ProviderId, r.StartsOn }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    Cohorts[x.Id] = new(x.ProgramId, x.TrackId, x.ProviderId, x.StartsOn);
                }
                break;
            case FactKind.Participant:
                Forget(Participants, list);
                await foreach (var x in Named(db.Set<CohortParticipant>().AsNoTracking().Where(r => r.AgencyId == a), list, r => r.Id)
                    .Select(r => new { r.Id, r.CohortId, r.ApplicationId }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    Participants[x.Id] = new(x.CohortId, x.ApplicationId);
                }
                break;
            case FactKind.Certificate:
                Forget(Certificates, list);
                await foreach (var x in Named(db.Set<Certificate>().AsNoTracking().Where(r => r.AgencyId == a), list, r => r.Id)
                    .Select(r => new { r.Id, r.ParticipantId, Revoked = r.RevokedAt != null }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    Certificates[x.Id] = new(x.ParticipantId, x.Revoked);
                }
                break;
            case FactKind.Business:
                Forget(Businesses, list);
                await foreach (var x in Named(db.Set<Business>().AsNoTracking().Where(r => r.AgencyId == a), list, r => r.Id)
                    .Select(r => new { r.Id, r.Status }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    Businesses[x.Id] = x.Status;
                }
                break;
            case FactKind.BusinessOwner:
                Forget(Owners, list);
                var owners = await Named(db.Set<BusinessOwner>().AsNoTracking().Where(r => r.AgencyId == a), list, r => r.BusinessId)
                    .Select(r => new { r.BusinessId, r.PersonId }).ToListAsync(ct);
                foreach (var g in owners.GroupBy(o => o.BusinessId))
                {
                    Owners[g.Key] = [.. g.Select(o => o.PersonId).Distinct()];
                }
                break;
            case FactKind.Worker:
                await WorkersAsync(db, list, ct);
                break;
            case FactKind.FollowUp:
                var followUpsBefore = Before(FollowUps, list);
                Forget(FollowUps, list);
                await foreach (var x in Named(db.Set<FollowUp>().AsNoTracking().Where(r => r.AgencyId == a), list, r => r.Id)
                    .Select(r => new
                    {
                        r.Id,
                        r.ApplicationId,
                        r.PersonId,
                        r.ProgramId,
                        r.Group,
                        r.Status,
                        r.MonthsAfter,
                        r.BusinessActive,
                        r.MonthlyRevenue,
                        r.MonthlyProfit,
                        r.HouseholdMonthlyIncome,
                    }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    FollowUps[x.Id] = new(x.ApplicationId, x.PersonId, x.ProgramId, x.Group, x.Status, x.MonthsAfter, x.BusinessActive,
                        x.MonthlyRevenue, x.MonthlyProfit, x.HouseholdMonthlyIncome);
                }
                AfterFollowUps(list, followUpsBefore);
                break;
            case FactKind.CashbookMonth:
                Forget(CashbookMonths, list);
                var month = CashbookMonth;
                await foreach (var x in Named(db.Set<CashbookMonth>().AsNoTracking().Where(r => r.AgencyId == a && r.Month == month && r.Lines > 0), list, r => r.ParticipantId)
                    .Select(r => new { r.ParticipantId, r.Sales, r.Expenses }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    CashbookMonths[x.ParticipantId] = (x.Sales, x.Expenses);
                }
                break;
            case FactKind.CashbookSharing:
                if (list is null)
                {
                    Sharing.Clear();
                }
                else
                {
                    Sharing.ExceptWith(list);
                }
                await foreach (var x in Named(db.Set<CashbookSharing>().AsNoTracking().Where(r => r.AgencyId == a && r.ShareMonthlyTotals), list, r => r.ParticipantId)
                    .Select(r => r.ParticipantId).AsAsyncEnumerable().WithCancellation(ct))
                {
                    Sharing.Add(x);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private async Task PersonsAsync(TunasDb db, List<long>? ids, CancellationToken ct)
    {
        var a = agencyId;
        var matchesMoved = false;
        if (ids is not null)
        {
            matchesMoved = ids.Any(_workerResidents.Contains);
        }
        var before = Before(Persons, ids);
        Forget(Persons, ids);
        await foreach (var x in Named(db.Persons.AsNoTracking().Where(r => r.AgencyId == a), ids, r => r.Id)
            .Select(r => new { r.Id, r.VillageCode, r.BirthDate, r.WelfareDecile, r.Sex, r.Disability, r.Nik }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Persons[x.Id] = new(Villages.Of(x.VillageCode), x.BirthDate.DayNumber, (sbyte)(x.WelfareDecile ?? -1), x.Sex, x.Disability);
            matchesMoved |= ids is not null && _workerNiks.Contains(x.Nik);
        }
        RecordPersons(ids, before);
        AfterPersons(ids);
        // A resident whose NIK a worker gave was added, changed or removed: the workers are matched again (few rows).
        if (matchesMoved)
        {
            await WorkersAsync(db, null, ct);
        }
    }

    private async Task WorkersAsync(TunasDb db, List<long>? ids, CancellationToken ct)
    {
        var a = agencyId;
        _versions[(int)FactKind.Worker]++;
        Forget(Workers, ids);
        var workers = Named(db.Set<BusinessWorker>().AsNoTracking().Where(w => w.AgencyId == a), ids, w => w.Id);
        // A NIK is unique in an agency's registry: the join adds no row.
        var rows = from w in workers
                   join p in db.Persons.AsNoTracking().Where(p => p.AgencyId == a) on w.Nik equals p.Nik into residents
                   from p in residents.DefaultIfEmpty()
                   select new { w.Id, w.BusinessId, w.EndedOn, w.Nik, Resident = p == null ? (long?)null : p.Id };
        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            Workers[x.Id] = new(x.BusinessId, x.EndedOn, x.Resident ?? 0);
        }
        // The sets are rebuilt from what is held: a few thousand workers at most per agency.
        _workerNiks.Clear();
        _workerResidents.Clear();
        foreach (var w in Workers.Values.Where(w => w.Resident != 0))
        {
            _workerResidents.Add(w.Resident);
        }
        await foreach (var nik in db.Set<BusinessWorker>().AsNoTracking().Where(w => w.AgencyId == a && w.Nik != null).Select(w => w.Nik!).AsAsyncEnumerable().WithCancellation(ct))
        {
            _workerNiks.Add(nik);
        }
    }

    private async Task RunsAsync(TunasDb db, List<long>? ids, CancellationToken ct)
    {
        var a = agencyId;
        var wasPublished = ids is null ? [] : ids.Where(i => Runs.TryGetValue(i, out var r) && r.Published).ToHashSet();
        Forget(Runs, ids);
        await foreach (var x in Named(db.SelectionRuns.AsNoTracking().Where(r => r.AgencyId == a), ids, r => r.Id)
            .Select(r => new { r.Id, r.ProgramId, r.Number, r.Status }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Runs[x.Id] = new(x.ProgramId, x.Number, x.Status == SelectionRunStatus.Published);
        }
        if (ids is null)
        {
            return;
        }
        // Only the decisions of published runs are held: a run that was published or no longer is brings or drops its own.
        var moved = ids.Where(i => wasPublished.Contains(i) != (Runs.TryGetValue(i, out var r) && r.Published)).ToHashSet();
        if (moved.Count > 0)
        {
            foreach (var d in Decisions.Where(d => moved.Contains(d.Value.Run)).Select(d => d.Key).ToList())
            {
                Decisions.Remove(d);
            }
            await DecisionsAsync(db, null, moved, ct);
        }
    }

    private async Task DecisionsAsync(TunasDb db, List<long>? ids, HashSet<long>? runs, CancellationToken ct)
    {
        var a = agencyId;
        _versions[(int)FactKind.SelectionDecision]++;
        Forget(Decisions, ids);
        var published = db.SelectionRuns.Where(r => r.AgencyId == a && r.Status == SelectionRunStatus.Published).Select(r => r.Id);
        var q = Named(db.SelectionDecisions.AsNoTracking().Where(d => d.AgencyId == a && published.Contains(d.RunId)), ids, d => d.Id);
        if (runs is not null)
        {
            var runIds = runs.ToList();
            q = q.Where(d => runIds.Contains(d.RunId));
        }
        await foreach (var x in q.Select(d => new { d.Id, d.RunId, d.Outcome, d.Status, d.VillageCode, d.TrackId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Decisions[x.Id] = new(x.RunId, x.Outcome, x.Status, Villages.Of(x.VillageCode), x.TrackId ?? 0);
        }
    }
}
