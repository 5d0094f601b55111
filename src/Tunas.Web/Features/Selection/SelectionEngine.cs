using System.Collections.Concurrent;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Shared;

namespace Tunas.Web.Features.Selection;

/// <summary>
/// Ranks applicants and gives the seats of the quotas, in four rounds (decision 0006). Pure: no I/O, no clock, no
/// randomness; the same input in any order gives the same result. One pass scores everyone (in parallel), one sort
/// ranks everyone, and each round walks that ranking once.
/// </summary>
public static partial class SelectionEngine
{
    private const int NoQuota = -1;

    public static SelectionResult Run(SelectionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.Seed))
        {
            throw new ArgumentException("The program seed is required for the tie-break.", nameof(input));
        }
        if (input.WaitlistLength < 0)
        {
            throw new ArgumentException($"The waitlist length is 0 or more, not {input.WaitlistLength}.", nameof(input));
        }
        ArgumentNullException.ThrowIfNull(input.Weights);
        Scoring.Validate(input.Weights);
        var eligibility = new Eligibility(input.Settings, input.ReferenceDate);
        var table = new QuotaTable(input.Quotas);
        var applicants = input.Applicants;
        CheckApplicants(applicants);

        var run = new RunState(input, eligibility, table);
        run.Evaluate();
        run.Rank();
        run.GiveSeats();
        return run.Result();
    }

    private static void CheckApplicants(IReadOnlyList<Applicant> applicants)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        var ids = new long[applicants.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            var a = applicants[i] ?? throw new ArgumentException($"Applicant {i} is null.", nameof(applicants));
            if (a.RegistrationNumber is null)
            {
                throw new ArgumentException($"Application {a.ApplicationId} has no registration number.", nameof(applicants));
            }
            if (a.WelfareDecile is < 1 or > 10)
            {
                throw new ArgumentException($"Application {a.ApplicationId}: desil {a.WelfareDecile} is not 1 to 10.", nameof(applicants));
            }
            if (a.HouseholdSize < 0)
            {
                throw new ArgumentException($"Application {a.ApplicationId}: household size {a.HouseholdSize} is negative.", nameof(applicants));
            }
            ids[i] = a.ApplicationId;
        }
        Array.Sort(ids);
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] == ids[i - 1])
            {
                throw new ArgumentException($"Application {ids[i]} appears twice.", nameof(applicants));
            }
        }
    }

    /// <summary>The state of one run: arrays indexed by the applicant's position in the input.</summary>
    private sealed class RunState(SelectionInput input, Eligibility eligibility, QuotaTable table)
    {
        private readonly IReadOnlyList<Applicant> applicants = input.Applicants;
        private readonly Verdict[] verdicts = new Verdict[input.Applicants.Count];
        private readonly ScoreBreakdown[] scores = new ScoreBreakdown[input.Applicants.Count];
        private readonly RunContext context = new(eligibility, input.Seed);
        private readonly int[] home = new int[input.Applicants.Count];
        private readonly int[] alt = new int[input.Applicants.Count];
        private readonly long[] homeTrack = new long[input.Applicants.Count];
        private readonly int[] seat = new int[input.Applicants.Count];
        private readonly Placement[] placement = new Placement[input.Applicants.Count];
        private readonly long[] seatTrack = new long[input.Applicants.Count];
        private readonly int[] seatsLeft = table.Sizes();
        private readonly Dictionary<string, int> selectedPerCard = new(StringComparer.Ordinal);
        private int[] order = [];
        private int eligibleCount;
        private long openSeats = table.TotalSeats;

        /// <summary>Rules, score and quotas of every applicant; each is independent, so in parallel.</summary>
        public void Evaluate()
        {
            var ageDate = eligibility.AgeReferenceDate;
            var weights = input.Weights;
            if (applicants.Count == 0)
            {
                return;
            }
            Parallel.ForEach(Partitioner.Create(0, applicants.Count, 8192), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var a = applicants[i];
                    var v = eligibility.Check(a);
                    verdicts[i] = v;
                    scores[i] = Scoring.Score(a, weights, ageDate);
                    seat[i] = NoQuota;
                    home[i] = NoQuota;
                    alt[i] = NoQuota;
                    if (!v.IsEligible)
                    {
                        continue;
                    }
                    var region = a.QuotaRegion ?? "";
                    var first = v.FirstOpen ? table.Find(region, a.FirstTrackId) : NoQuota;
                    var second = v.SecondOpen ? table.Find(region, a.SecondTrackId!.Value) : NoQuota;
                    if (first != NoQuota)
                    {
                        home[i] = first;
                        homeTrack[i] = a.FirstTrackId;
                        alt[i] = second != first ? second : NoQuota;
                    }
                    else if (second != NoQuota)
                    {
                        home[i] = second;
                        homeTrack[i] = a.SecondTrackId!.Value;
                    }
                    else
                    {
                        homeTrack[i] = v.FirstOpen ? a.FirstTrackId : a.SecondTrackId!.Value;
                    }
                }
            });
        }

        /// <summary>
        /// One sort of everyone: eligible first, then score (highest first), desil, submission time and id. Only
        /// applicants still tied after the submission time need the tie-break hash (SHA-256 is slow for a million),
        /// so it is computed for them alone and their run re-sorted by hash, then id.
        /// </summary>
        public void Rank()
        {
            var entries = new RankEntry[applicants.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                var a = applicants[i];
                var eligible = verdicts[i].IsEligible;
                eligibleCount += eligible ? 1 : 0;
                var key = ((eligible ? 0UL : 1UL) << 32) | ((ulong)(uint)(ushort.MaxValue - scores[i].Total) << 8) | (uint)(a.WelfareDecile ?? 11);
                entries[i] = new RankEntry(key, a.SubmittedAt.Ticks, 0, a.ApplicationId, i);
            }
            entries.AsSpan().Sort();

            var ties = new List<(int Start, int Length)>();
            for (var start = 0; start < entries.Length;)
            {
                var end = start + 1;
                while (end < entries.Length && entries[end].Key == entries[start].Key && entries[end].Ticks == entries[start].Ticks)
                {
                    end++;
                }
                if (end - start > 1)
                {
                    ties.Add((start, end - start));
                }
                start = end;
            }
            Parallel.ForEach(ties, tie =>
            {
                var run = entries.AsSpan(tie.Start, tie.Length);
                for (var k = 0; k < run.Length; k++)
                {
                    run[k] = run[k] with { Hash = TieBreak.Hash(input.Seed, applicants[run[k].Index].RegistrationNumber) };
                }
                run.Sort();
            });

            order = new int[entries.Length];
            for (var k = 0; k < entries.Length; k++)
            {
                order[k] = entries[k].Index;
            }
        }

        /// <summary>The four rounds of decision 0006, each in ranking order.</summary>
        public void GiveSeats()
        {
            // Round 1: each applicant's own quota.
            for (var k = 0; k < eligibleCount && openSeats > 0; k++)
            {
                var i = order[k];
                if (home[i] != NoQuota && seatsLeft[home[i]] > 0 && !HouseholdFull(i))
                {
                    Take(i, home[i], Placement.HomeQuota, homeTrack[i]);
                }
            }

            // Round 2: the second choice in the applicant's own region, where seats are still free.
            for (var k = 0; k < eligibleCount && openSeats > 0; k++)
            {
                var i = order[k];
                if (seat[i] == NoQuota && alt[i] != NoQuota && seatsLeft[alt[i]] > 0 && !HouseholdFull(i))
                {
                    Take(i, alt[i], Placement.SecondChoice, applicants[i].SecondTrackId!.Value);
                }
            }

            // Round 3: free seats of a chosen track, in other regions.
            if (input.SpillOver is SpillOverRule.SameTrack or SpillOverRule.SameTrackThenAnyTrack)
            {
                var pointers = new QuotaPointers(table, seatsLeft, input.Settings.WomenOnlyTrackIds);
                for (var k = 0; k < eligibleCount && openSeats > 0; k++)
                {
                    var i = order[k];
                    if (seat[i] != NoQuota || HouseholdFull(i))
                    {
                        continue;
                    }
                    var a = applicants[i];
                    var v = verdicts[i];
                    var q = v.FirstOpen ? pointers.NextForTrack(a.FirstTrackId) : NoQuota;
                    var track = a.FirstTrackId;
                    if (q == NoQuota && v.SecondOpen)
                    {
                        q = pointers.NextForTrack(a.SecondTrackId!.Value);
                        track = a.SecondTrackId!.Value;
                    }
                    if (q != NoQuota)
                    {
                        Take(i, q, Placement.ChosenTrackElsewhere, track);
                    }
                }
            }

            // Round 4: any free seat the applicant may take, in their own region first.
            if (input.SpillOver is SpillOverRule.SameTrackThenAnyTrack)
            {
                var pointers = new QuotaPointers(table, seatsLeft, input.Settings.WomenOnlyTrackIds);
                for (var k = 0; k < eligibleCount && openSeats > 0; k++)
                {
                    var i = order[k];
                    if (seat[i] != NoQuota || HouseholdFull(i))
                    {
                        continue;
                    }
                    var a = applicants[i];
                    var q = NoQuota;
                    foreach (var own in table.InRegion(a.QuotaRegion ?? ""))
                    {
                        if (seatsLeft[own] > 0 && MayTake(a, own))
                        {
                            q = own;
                            break;
                        }
                    }
                    if (q == NoQuota)
                    {
                        q = pointers.NextAny(openToMen: a.Sex != Sex.Female);
                    }
                    if (q != NoQuota)
                    {
                        Take(i, q, Placement.OtherTrack, table[q].TrackId ?? homeTrack[i]);
                    }
                }
            }
        }

        public SelectionResult Result()
        {
            var quotas = table.Quotas;
            var ranks = new int[quotas.Count];
            var waiting = new int[quotas.Count];
            var byPlacement = new int[quotas.Count, 5];
            var moves = new Dictionary<(int From, string ToRegion, long Track, Placement Placement), int>();
            var results = new ApplicantResult[order.Length];
            for (var k = 0; k < order.Length; k++)
            {
                var i = order[k];
                var a = applicants[i];
                var v = verdicts[i];
                if (!v.IsEligible)
                {
                    results[k] = new(context, a, v, scores[i], SelectionOutcome.Ineligible);
                    continue;
                }
                var h = home[i];
                var rank = h == NoQuota ? 0 : ++ranks[h];
                var homeQuota = h == NoQuota ? null : quotas[h];
                if (seat[i] != NoQuota)
                {
                    var s = seat[i];
                    byPlacement[s, (int)placement[i]]++;
                    if (placement[i] >= Placement.ChosenTrackElsewhere)
                    {
                        var key = (s, a.QuotaRegion ?? "", seatTrack[i], placement[i]);
                        moves[key] = moves.GetValueOrDefault(key) + 1;
                    }
                    results[k] = new(context, a, v, scores[i], SelectionOutcome.Selected, placement[i], rank, 0, homeQuota, quotas[s], seatTrack[i]);
                    continue;
                }
                var full = HouseholdFull(i);
                var position = 0;
                var outcome = SelectionOutcome.NotSelected;
                if (!full && h != NoQuota && (input.WaitlistLength is null || waiting[h] < input.WaitlistLength))
                {
                    position = ++waiting[h];
                    outcome = SelectionOutcome.Waitlisted;
                }
                results[k] = new(context, a, v, scores[i], outcome, Placement.None, rank, position, homeQuota, null, homeTrack[i],
                    full ? HouseholdCheck.LimitReached : HouseholdCheck.WithinLimit);
            }

            var fills = new QuotaFill[quotas.Count];
            for (var q = 0; q < fills.Length; q++)
            {
                var own = byPlacement[q, (int)Placement.HomeQuota];
                var second = byPlacement[q, (int)Placement.SecondChoice];
                var passedOn = byPlacement[q, (int)Placement.ChosenTrackElsewhere] + byPlacement[q, (int)Placement.OtherTrack];
                fills[q] = new(quotas[q], ranks[q], own + second + passedOn, own, second, passedOn, waiting[q]);
            }
            var seatMoves = moves
                .OrderBy(m => m.Key.From)
                .ThenBy(m => m.Key.ToRegion, StringComparer.Ordinal)
                .ThenBy(m => m.Key.Track)
                .ThenBy(m => m.Key.Placement)
                .Select(m => new SeatMove(quotas[m.Key.From], m.Key.ToRegion, m.Key.Track, m.Key.Placement, m.Value))
                .ToList();
            return new(results, fills, seatMoves);
        }

        private bool MayTake(Applicant a, int quota) =>
            table[quota].TrackId is not { } track || eligibility.MayTake(a, track);

        private bool HouseholdFull(int i)
        {
            var card = applicants[i].FamilyCardNumber;
            return input.Settings.MaxPerHousehold is { } max
                && !string.IsNullOrWhiteSpace(card)
                && selectedPerCard.TryGetValue(card, out var count)
                && count >= max;
        }

        private void Take(int i, int quota, Placement how, long track)
        {
            seat[i] = quota;
            placement[i] = how;
            seatTrack[i] = track;
            seatsLeft[quota]--;
            openSeats--;
            var card = applicants[i].FamilyCardNumber;
            if (input.Settings.MaxPerHousehold is not null && !string.IsNullOrWhiteSpace(card))
            {
                selectedPerCard[card] = selectedPerCard.GetValueOrDefault(card) + 1;
            }
        }
    }
}
