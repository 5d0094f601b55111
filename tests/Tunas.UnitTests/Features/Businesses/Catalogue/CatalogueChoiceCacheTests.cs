using Tunas.Web.Features.Businesses.Catalogue;

namespace Tunas.UnitTests.Features.Businesses.Catalogue;

public sealed class CatalogueChoiceCacheTests
{
    private sealed class StoppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static Func<CancellationToken, Task<CatalogueChoices>> Counting(List<int> loads) => _ =>
    {
        loads.Add(loads.Count + 1);
        return Task.FromResult(new CatalogueChoices([new CatalogueChoice("makanan", "makanan")], []));
    };

    [Fact]
    public async Task TheChoicesAreReadOnceUntilAWriteOrTheLifetimeEnds()
    {
        var clock = new StoppedClock();
        var cache = new CatalogueChoiceCache(clock);
        var loads = new List<int>();

        await cache.GetAsync(Counting(loads));
        await cache.GetAsync(Counting(loads));
        Assert.Single(loads);

        cache.Invalidate();
        await cache.GetAsync(Counting(loads));
        Assert.Equal(2, loads.Count);

        clock.Now += CatalogueChoiceCache.Lifetime;
        await cache.GetAsync(Counting(loads));
        Assert.Equal(3, loads.Count);
    }

    [Fact]
    public async Task AWriteDuringTheReadLeavesTheReadStale()
    {
        var cache = new CatalogueChoiceCache(new StoppedClock());
        var loads = 0;
        Task<CatalogueChoices> Load(CancellationToken ct)
        {
            if (++loads == 1)
            {
                cache.Invalidate();
            }
            return Task.FromResult(new CatalogueChoices([], []));
        }

        await cache.GetAsync(Load);
        await cache.GetAsync(Load);
        await cache.GetAsync(Load);

        Assert.Equal(2, loads);
    }
}
