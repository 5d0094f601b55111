namespace Tunas.Web.Features.Businesses.Catalogue;

/// <summary>
/// The public catalogue's filter choices (categories and kelurahan with something listed), kept between requests
/// (decision 0030). Every write that can change what is listed (a curation, an owner's change, a consent, a business's
/// status or kelurahan, a category's name) calls <see cref="Invalidate"/>, so this instance shows it on the next request;
/// <see cref="Lifetime"/> bounds how long a write this instance did not see (another instance, a seed, plain SQL) can
/// go unnoticed. The listed products themselves are never cached.
/// </summary>
public sealed class CatalogueChoiceCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private long _version;
    private Entry? _entry;

    public long Version => Interlocked.Read(ref _version);

    public void Invalidate() => Interlocked.Increment(ref _version);

    public async Task<CatalogueChoices> GetAsync(Func<CancellationToken, Task<CatalogueChoices>> load, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = clock.GetUtcNow();
        var version = Version;
        if (Volatile.Read(ref _entry) is { } entry && entry.Version == version && now - entry.At < Lifetime)
        {
            return entry.Choices;
        }
        // Read under the version seen before the load: a write during the load makes this entry stale at once.
        var choices = await load(ct);
        Volatile.Write(ref _entry, new Entry(version, now, choices));
        return choices;
    }

    private sealed record Entry(long Version, DateTimeOffset At, CatalogueChoices Choices);
}

public sealed record CatalogueChoices(IReadOnlyList<CatalogueChoice> Categories, IReadOnlyList<CatalogueChoice> Villages);
