using System.Globalization;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;
using static Tunas.UnitTests.Features.Selection.SelectionData;

namespace Tunas.UnitTests.Features.Selection;

/// <summary>Many small random programs (seeded, so a failure can be replayed) against the promises of decision 0006.</summary>
public class SelectionPropertyTests
{
    private const int Runs = 400;

    [Fact]
    public void RandomProgramsKeepEveryPromiseOfTheSelection()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            var random = new Random(seed);
            var input = RandomInput(random);
            var result = SelectionEngine.Run(input);

            NoQuotaIsOverFilled(input, result, seed);
            EverySelectedApplicantIsEligibleAndSeatedByTheRules(input, result, seed);
            TheHouseholdLimitHolds(input, result, seed);
            NoSeatStaysFreeThatAWaitingApplicantCouldTake(input, result, seed);
            RanksAndWaitlistsFollowTheRankingInEachQuota(input, result, seed);
        }
    }

    [Fact]
    public void WithoutWomenOnlyTracksOrAHouseholdLimitEverySeatIsFilledWhileApplicantsRemain()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            var random = new Random(seed);
            var input = RandomInput(random);
            input = input with
            {
                Settings = input.Settings with { WomenOnlyTrackIds = new HashSet<long>(), MaxPerHousehold = null },
                SpillOver = SpillOverRule.SameTrackThenAnyTrack,
            };

            var result = SelectionEngine.Run(input);

            var eligible = input.Applicants.Count(a => Eligibility.Evaluate(a, input.Settings, input.ReferenceDate).IsEligible);
            var seats = input.Quotas.Sum(q => q.Size);
            Assert.True(Math.Min(seats, eligible) == result.Selected,
                $"seed {seed}: {result.Selected} selected, {seats} seats, {eligible} eligible");
        }
    }

    [Fact]
    public void TheSameProgramInAnyOrderGivesTheSameResult()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            var random = new Random(seed);
            var input = RandomInput(random);
            var shuffled = input with
            {
                Applicants = [.. input.Applicants.OrderBy(_ => random.Next())],
                Quotas = [.. input.Quotas.OrderBy(_ => random.Next())],
            };

            var expected = SelectionEngine.Run(input).Fingerprint();
            var actual = SelectionEngine.Run(shuffled).Fingerprint();

            Assert.True(expected.SequenceEqual(actual), $"seed {seed}: the shuffled input gave another result");
        }
    }

    private static void NoQuotaIsOverFilled(SelectionInput input, SelectionResult result, int seed)
    {
        foreach (var fill in result.Quotas)
        {
            var seated = result.Applicants.Count(a => a.Outcome == SelectionOutcome.Selected && a.SeatQuota == fill.Quota);
            Assert.True(seated <= fill.Quota.Size, $"seed {seed}: {fill.Quota} has {seated} selected");
            Assert.Equal(seated, fill.Filled);
            Assert.Equal(fill.Filled, fill.FilledByHome + fill.FilledBySecondChoice + fill.FilledByPassedOn);
        }
        Assert.Equal(input.Quotas.Count, result.Quotas.Count);
        Assert.Equal(input.Applicants.Count, result.Applicants.Count);
    }

    private static void EverySelectedApplicantIsEligibleAndSeatedByTheRules(SelectionInput input, SelectionResult result, int seed)
    {
        var eligibility = new Eligibility(input.Settings, input.ReferenceDate);
        foreach (var r in result.Applicants)
        {
            var a = r.Applicant;
            var evaluation = eligibility.Evaluate(a);
            Assert.True(evaluation.IsEligible == (r.Outcome != SelectionOutcome.Ineligible), $"seed {seed}: {a.ApplicationId} eligibility");
            Assert.Equal(evaluation.Rules.Take(6).Select(x => x.Status), r.Rules.Take(6).Select(x => x.Status));
            if (r.Outcome != SelectionOutcome.Selected)
            {
                Assert.Null(r.SeatQuota);
                continue;
            }
            var seat = r.SeatQuota!;
            var track = r.TrackId!.Value;
            Assert.True(eligibility.MayTake(a, track), $"seed {seed}: {a.ApplicationId} seated on a women-only track");
            Assert.True(seat.TrackId is null || seat.TrackId == track, $"seed {seed}: {a.ApplicationId} trains in another track than its seat");
            var chosen = track == a.FirstTrackId || track == a.SecondTrackId;
            switch (r.Placement)
            {
                case Placement.HomeQuota:
                    Assert.Equal(r.HomeQuota, seat);
                    Assert.Equal(a.QuotaRegion, seat.Region);
                    Assert.True(chosen);
                    break;
                case Placement.SecondChoice:
                    Assert.Equal(a.QuotaRegion, seat.Region);
                    Assert.Equal(a.SecondTrackId, track);
                    break;
                case Placement.ChosenTrackElsewhere:
                    Assert.True(chosen);
                    Assert.NotEqual(SpillOverRule.None, input.SpillOver);
                    break;
                case Placement.OtherTrack:
                    Assert.Equal(SpillOverRule.SameTrackThenAnyTrack, input.SpillOver);
                    break;
                default:
                    Assert.Fail($"seed {seed}: {a.ApplicationId} selected without a placement");
                    break;
            }
        }
    }

    private static void TheHouseholdLimitHolds(SelectionInput input, SelectionResult result, int seed)
    {
        if (input.Settings.MaxPerHousehold is not { } max)
        {
            return;
        }
        var perCard = result.Applicants
            .Where(r => r.Outcome == SelectionOutcome.Selected && !string.IsNullOrEmpty(r.Applicant.FamilyCardNumber))
            .GroupBy(r => r.Applicant.FamilyCardNumber);
        Assert.All(perCard, g => Assert.True(g.Count() <= max, $"seed {seed}: card {g.Key} has {g.Count()} selected"));
        foreach (var r in result.Applicants.Where(r => r.Rules[(int)EligibilityRule.Household].Status == RuleStatus.Failed))
        {
            Assert.Equal(SelectionOutcome.NotSelected, r.Outcome);
            Assert.Equal(max, perCard.Single(g => g.Key == r.Applicant.FamilyCardNumber).Count());
        }
    }

    private static void NoSeatStaysFreeThatAWaitingApplicantCouldTake(SelectionInput input, SelectionResult result, int seed)
    {
        var eligibility = new Eligibility(input.Settings, input.ReferenceDate);
        var free = result.Quotas.Where(q => q.Unused > 0).Select(q => q.Quota).ToList();
        var waiting = result.Applicants.Where(r =>
            r.Outcome is SelectionOutcome.Waitlisted or SelectionOutcome.NotSelected
            && r.Rules[(int)EligibilityRule.Household].Status != RuleStatus.Failed);
        foreach (var r in waiting)
        {
            var a = r.Applicant;
            bool Open(long track) => eligibility.MayTake(a, track);
            var openChoices = new[] { a.FirstTrackId, a.SecondTrackId ?? a.FirstTrackId }.Where(Open).ToList();
            var couldTake = free.Where(q => input.SpillOver switch
            {
                SpillOverRule.SameTrackThenAnyTrack => q.TrackId is not { } t || Open(t),
                SpillOverRule.SameTrack => q.TrackId is not { } t || openChoices.Contains(t),
                _ => q.Region == a.QuotaRegion && (q.TrackId is not { } t || openChoices.Contains(t)),
            }).ToList();
            Assert.True(couldTake.Count == 0, $"seed {seed}: {a.ApplicationId} waits while {couldTake.FirstOrDefault()} has a free seat");
        }
    }

    private static void RanksAndWaitlistsFollowTheRankingInEachQuota(SelectionInput input, SelectionResult result, int seed)
    {
        foreach (var quota in result.Applicants.Where(r => r.HomeQuota is not null).GroupBy(r => r.HomeQuota))
        {
            var ranks = quota.Select(r => r.Rank!.Value).ToList();
            Assert.Equal(Enumerable.Range(1, ranks.Count), ranks);
            var positions = quota.Where(r => r.Outcome == SelectionOutcome.Waitlisted).Select(r => r.WaitlistPosition!.Value).ToList();
            Assert.Equal(Enumerable.Range(1, positions.Count), positions);
            Assert.True(input.WaitlistLength is null || positions.Count <= input.WaitlistLength);
            var lastSeated = quota.Where(r => r.Placement == Placement.HomeQuota).Select(r => r.Rank!.Value).DefaultIfEmpty(0).Max();
            var firstWaiting = quota.Where(r => r.Outcome == SelectionOutcome.Waitlisted).Select(r => r.Rank!.Value).DefaultIfEmpty(int.MaxValue).Min();
            Assert.True(lastSeated < firstWaiting, $"seed {seed}: in {quota.Key} rank {firstWaiting} waits while rank {lastSeated} got a seat");
        }
        var eligible = result.Applicants.TakeWhile(r => r.Outcome != SelectionOutcome.Ineligible).ToList();
        Assert.All(result.Applicants.Skip(eligible.Count), r => Assert.Equal(SelectionOutcome.Ineligible, r.Outcome));
        for (var k = 1; k < eligible.Count; k++)
        {
            Assert.True(eligible[k - 1].Score.Total >= eligible[k].Score.Total, $"seed {seed}: the ranking is not by score");
        }
    }

    private static SelectionInput RandomInput(Random random)
    {
        var regionCount = random.Next(1, 6);
        var regions = Enumerable.Range(1, regionCount).Select(i => "R" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var quotas = new List<Quota>();
        foreach (var region in regions)
        {
            if (random.Next(5) == 0)
            {
                quotas.Add(new Quota(region, null, random.Next(0, 7)));
                continue;
            }
            foreach (var track in new long[] { 1, 2, 3 })
            {
                if (random.Next(10) < 7)
                {
                    quotas.Add(new Quota(region, track, random.Next(0, 5)));
                }
            }
        }

        var count = random.Next(0, 81);
        var cards = Enumerable.Range(1, Math.Max(1, count / 3))
            .Select(i => "35720123011500" + i.ToString("D2", CultureInfo.InvariantCulture)).ToList();
        var applicants = new List<Applicant>();
        for (var id = 1; id <= count; id++)
        {
            applicants.Add(Applicant(id * 7, region: random.Next(10) == 0 ? "R0" : regions[random.Next(regionCount)],
                track: random.Next(1, 4), second: random.Next(2) == 0 ? random.Next(1, 4) : null,
                desil: random.Next(10) == 0 ? null : random.Next(1, 11)) with
            {
                VillageCode = random.Next(10) == 0 ? "35.73.01.1001" : "35.72.0" + random.Next(1, 4).ToString(CultureInfo.InvariantCulture) + ".1001",
                Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male,
                BirthDate = Reference.AddDays(-random.Next(15 * 365, 60 * 365)),
                FemaleHeadedHousehold = random.Next(5) == 0,
                Disability = random.Next(10) == 0,
                NoEarnerInHousehold = random.Next(6) == 0,
                HouseholdSize = random.Next(0, 9),
                FamilyCardNumber = random.Next(10) < 6 ? cards[random.Next(cards.Count)] : null,
                LastTrainedOn = random.Next(10) == 0 ? Reference.AddDays(-random.Next(0, 5 * 365)) : null,
                SubmittedAt = Opened.AddMinutes(random.Next(0, 40)),
            });
        }

        return new SelectionInput
        {
            Seed = "seed-" + random.Next().ToString(CultureInfo.InvariantCulture),
            ReferenceDate = Reference,
            Settings = new EligibilitySettings
            {
                MinAge = random.Next(2) == 0 ? 18 : null,
                MaxAge = random.Next(2) == 0 ? 45 : null,
                MaxDesil = random.Next(2) == 0 ? random.Next(3, 11) : null,
                DomicileRegencyCode = random.Next(2) == 0 ? "35.72" : null,
                MaxPerHousehold = random.Next(2) == 0 ? random.Next(1, 3) : null,
                ExcludeTrainedWithinYears = random.Next(2) == 0 ? random.Next(1, 4) : null,
                WomenOnlyTrackIds = random.Next(3) == 0 ? new HashSet<long> { 2 } : new HashSet<long>(),
            },
            Weights = new ScoreWeights(random.Next(0, 21), random.Next(0, 21)),
            Quotas = quotas,
            Applicants = applicants,
            SpillOver = (SpillOverRule)random.Next(3),
            WaitlistLength = random.Next(3) == 0 ? random.Next(0, 4) : null,
        };
    }
}
