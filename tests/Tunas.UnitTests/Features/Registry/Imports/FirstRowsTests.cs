using Tunas.Web.Features.Registry.Imports;

namespace Tunas.UnitTests.Features.Registry.Imports;

public class FirstRowsTests
{
    [Fact]
    public void ASecondSightingOfANikNamesTheRowOfTheFirst()
    {
        var rows = new FirstRows(3);

        Assert.True(rows.TryAdd(3572014107900001, 2, out _));
        Assert.True(rows.TryAdd(3572010101900002, 3, out _));
        Assert.True(rows.TryAdd(0, 4, out _));
        Assert.False(rows.TryAdd(3572014107900001, 9, out var first));
        Assert.Equal(2, first);
        Assert.False(rows.TryAdd(0, 10, out first));
        Assert.Equal(4, first);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void MoreNiksThanExpectedAllFitAndKeepTheirRows()
    {
        var rows = new FirstRows(10);

        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(rows.TryAdd(3572010000000000 + (i * 7919L), i + 2, out _));
        }
        for (var i = 0; i < 50_000; i += 997)
        {
            Assert.False(rows.TryAdd(3572010000000000 + (i * 7919L), 0, out var first));
            Assert.Equal(i + 2, first);
        }
        Assert.Equal(50_000, rows.Count);
    }

    /// <summary>
    /// Issue 11: a million-row file's NIKs stay in memory for the whole import, in a process that must stay under
    /// 400 MB. A dictionary of NIK → row took 28 MB for them; the table is to take at most 17 MB, and nothing more as it fills.
    /// </summary>
    [Fact]
    public void AMillionNiksTakeAtMostSeventeenMegabytesAndTheTableDoesNotGrowAsItFills()
    {
        const int Niks = 1_000_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = new FirstRows(Niks);
        var empty = GC.GetAllocatedBytesForCurrentThread() - before;
        var random = new Random(7);
        for (var i = 0; i < Niks; i++)
        {
            rows.TryAdd(3572010000000000 + random.NextInt64(9_999_999_999), i + 2, out _);
        }
        var full = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(empty <= 17L << 20, $"{empty >> 20} MB for a million NIKs");
        // The allocation counter moves by the runtime's allocation quantum (8 KB), not by the byte.
        Assert.True(full - empty < 1 << 16, $"{(full - empty) >> 10} KB more once filled");
        Assert.Equal(empty, rows.Bytes, 0.01 * empty);
    }
}
