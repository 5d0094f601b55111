using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tunas.Web.Features.Applications;

/// <summary>
/// The limit per registration number of the lookups that take a birth date with it (status, appeal): a guesser who
/// spreads the guesses of one number over many addresses still gets only a few an hour. It joins the per-address
/// limit of <see cref="PublicRateLimits"/> and, unlike that one, holds for signed-in staff too. Read from the body,
/// so it is taken in the handler (an endpoint filter for the API), not by the rate-limiting middleware.
/// </summary>
public sealed class RegistrationNumberLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public RegistrationNumberLimits(IOptions<RateLimitingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = options.Value;
        if (!s.Enabled)
        {
            return;
        }
        _limiter = PartitionedRateLimiter.Create<string, string>(number => RateLimitPartition.GetTokenBucketLimiter(number, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, s.PerNumberBurst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromHours(1) / Math.Max(1, s.PerNumberPerHour),
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);
    }

    /// <summary>
    /// Null when this lookup may go ahead; otherwise how long to wait. A text that is no registration number is not
    /// counted: it can match nothing, and the per-address limit holds it.
    /// </summary>
    public TimeSpan? TryTake(string? registrationNumber)
    {
        if (_limiter is null || !RegistrationNumbers.TryNormalize(registrationNumber, out var number))
        {
            return null;
        }
        using var lease = _limiter.AttemptAcquire(number);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) && retry > TimeSpan.Zero ? retry : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter?.Dispose();
}
