using Tunas.Web.Features.Programs;

namespace Tunas.UnitTests.Features.Programs;

public class QuotaProposalTests
{
    [Fact]
    public void TheSeatsAreSharedInProportionWithTheLargestRemaindersGettingTheRest()
    {
        // 7 × 6/10 = 4.2, 7 × 3/10 = 2.1, 7 × 1/10 = 0.7: whole parts 4, 2, 0 and the last seat to the remainder 0.7.
        var proposal = QuotaProposal.Propose(7, [new("35.72.01.1001", 6), new("35.72.01.1002", 3), new("35.72.01.1003", 1)]);

        Assert.Equal([4, 2, 1], proposal.Select(v => v.Seats));
    }

    [Fact]
    public void TheKnownHamiltonExampleComesOut()
    {
        // The classic example: 4 regions of 5,000 / 4,000 / 700 / 300 residents, 10 seats: 5, 4, 1, 0.
        var proposal = QuotaProposal.Propose(10, [new("A", 5_000), new("B", 4_000), new("C", 700), new("D", 300)]);

        Assert.Equal([5, 4, 1, 0], proposal.Select(v => v.Seats));
    }

    [Fact]
    public void TheSumAlwaysEqualsTheTargetAndEachShareIsItsQuotaRoundedUpOrDown()
    {
        var random = new Random(20251023);
        for (var run = 0; run < 2_000; run++)
        {
            var count = random.Next(1, 40);
            var villages = Enumerable.Range(0, count)
                .Select(i => new VillageWeight($"35.72.0{i % 3 + 1}.{1001 + i}", random.Next(4) == 0 ? 0 : random.Next(1, 5_000)))
                .ToList();
            if (villages.All(v => v.PoorResidents == 0))
            {
                villages[0] = villages[0] with { PoorResidents = 1 };
            }
            var target = random.Next(0, 500);
            var tracks = random.Next(0, 5);

            var proposal = QuotaProposal.Propose(target, villages, tracks);

            Assert.Equal(target, proposal.Sum(v => v.Seats));
            var poor = (double)villages.Sum(v => v.PoorResidents);
            foreach (var v in proposal)
            {
                var quota = target * v.PoorResidents / poor;
                Assert.InRange(v.Seats, Math.Floor(quota), Math.Ceiling(quota));
                if (tracks > 0)
                {
                    Assert.Equal(v.Seats, v.TrackSeats.Sum());
                    Assert.All(v.TrackSeats, s => Assert.InRange(s, v.Seats / tracks, (v.Seats + tracks - 1) / tracks));
                }
                else
                {
                    Assert.Empty(v.TrackSeats);
                }
            }
            if (tracks > 0)
            {
                var columns = Enumerable.Range(0, tracks).Select(t => proposal.Sum(v => v.TrackSeats[t])).ToList();
                Assert.True(columns.Max() - columns.Min() <= 1, "The tracks' totals differ by more than one seat.");
            }
        }
    }

    [Fact]
    public void MorePoorResidentsNeverMeansFewerSeats()
    {
        var random = new Random(7);
        for (var run = 0; run < 500; run++)
        {
            var villages = Enumerable.Range(0, 21).Select(i => new VillageWeight($"35.72.01.{1001 + i}", random.Next(0, 300))).ToList();
            villages[0] = villages[0] with { PoorResidents = villages[0].PoorResidents + 1 };

            var proposal = QuotaProposal.Propose(80, villages);

            var ordered = proposal.OrderBy(v => v.PoorResidents).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Seats >= ordered[i - 1].Seats || ordered[i].PoorResidents == ordered[i - 1].PoorResidents,
                    $"{ordered[i].Code} has more poor residents but fewer seats.");
            }
        }
    }

    [Fact]
    public void EqualRemaindersGoToTheLowerKelurahanCodeWhateverTheInputOrder()
    {
        VillageWeight[] villages = [new("35.72.03.1002", 10), new("35.72.01.1005", 10), new("35.72.02.1001", 10)];

        var one = QuotaProposal.Propose(2, villages);
        var other = QuotaProposal.Propose(2, [.. villages.Reverse()]);

        Assert.Equal(["35.72.01.1005", "35.72.02.1001", "35.72.03.1002"], one.Select(v => v.Code));
        Assert.Equal([1, 1, 0], one.Select(v => v.Seats));
        Assert.Equal(one, other, (a, b) => a.Code == b.Code && a.Seats == b.Seats);
    }

    [Fact]
    public void AKelurahanWithoutPoorResidentsGetsNoSeat()
    {
        var proposal = QuotaProposal.Propose(50, [new("A", 0), new("B", 1), new("C", 0)], trackCount: 2);

        Assert.Equal([0, 50, 0], proposal.Select(v => v.Seats));
        Assert.Equal([0, 0], proposal[0].TrackSeats);
        Assert.Equal([25, 25], proposal[1].TrackSeats);
    }

    [Fact]
    public void NoPoorResidentsAnywhereGivesNoSeats()
    {
        var proposal = QuotaProposal.Propose(80, [new("A", 0), new("B", 0)], trackCount: 3);

        Assert.All(proposal, v => Assert.Equal(0, v.Seats));
        Assert.All(proposal, v => Assert.Equal([0, 0, 0], v.TrackSeats));
    }

    [Fact]
    public void ATargetSmallerThanTheNumberOfKelurahanGoesToTheLargestShares()
    {
        // 21 kelurahan, 5 seats: each share is below one seat, so the five largest remainders win.
        var villages = Enumerable.Range(0, 21).Select(i => new VillageWeight($"35.72.01.{1001 + i}", 100 + i)).ToList();

        var proposal = QuotaProposal.Propose(5, villages);

        Assert.Equal(5, proposal.Sum(v => v.Seats));
        Assert.Equal(["35.72.01.1017", "35.72.01.1018", "35.72.01.1019", "35.72.01.1020", "35.72.01.1021"],
            proposal.Where(v => v.Seats == 1).Select(v => v.Code));
    }

    [Fact]
    public void ATargetOfZeroGivesNoSeats()
    {
        Assert.All(QuotaProposal.Propose(0, [new("A", 3), new("B", 4)]), v => Assert.Equal(0, v.Seats));
    }

    [Fact]
    public void SeatsLeftOverInAKelurahanGoToTheTrackWithFewestSoFar()
    {
        // Rows of 4, 2 and 1 seats over 3 tracks: 2-1-1, then 0-1-1 (tracks 2 and 3 had fewer), then 1-0-0.
        var proposal = QuotaProposal.Propose(7, [new("A", 6), new("B", 3), new("C", 1)], trackCount: 3);

        Assert.Equal([2, 1, 1], proposal[0].TrackSeats);
        Assert.Equal([0, 1, 1], proposal[1].TrackSeats);
        Assert.Equal([1, 0, 0], proposal[2].TrackSeats);
    }

    [Fact]
    public void TheBlitarProgramShares80SeatsOver21Kelurahan()
    {
        var random = new Random(2025);
        var villages = Enumerable.Range(0, 21)
            .Select(i => new VillageWeight($"35.72.0{i / 7 + 1}.{1001 + i % 7}", random.Next(50, 900)))
            .ToList();

        var proposal = QuotaProposal.Propose(80, villages, trackCount: 3);

        Assert.Equal(80, proposal.Sum(v => v.Seats));
        var columns = Enumerable.Range(0, 3).Select(t => proposal.Sum(v => v.TrackSeats[t])).ToList();
        Assert.Equal([27, 27, 26], columns);
    }

    [Fact]
    public void ApportionBreaksTiesByTheGivenRank()
    {
        Assert.Equal([0, 1, 0], QuotaProposal.Apportion(1, [1, 1, 1], [2, 0, 1]));
        Assert.Equal([1, 0, 0], QuotaProposal.Apportion(1, [1, 1, 1]));
    }

    [Fact]
    public void HugeNumbersStayExact()
    {
        var seats = QuotaProposal.Apportion(10_000_000, [long.MaxValue / 4, long.MaxValue / 4, 1]);

        Assert.Equal(10_000_000, seats.Sum());
        Assert.Equal([5_000_000, 5_000_000, 0], seats);
    }

    [Fact]
    public void WrongInputIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotaProposal.Propose(-1, [new("A", 1)]));
        Assert.Throws<ArgumentException>(() => QuotaProposal.Propose(1, [new("A", 1), new("A", 2)]));
        Assert.Throws<ArgumentException>(() => QuotaProposal.Apportion(1, [-1, 2]));
    }
}
