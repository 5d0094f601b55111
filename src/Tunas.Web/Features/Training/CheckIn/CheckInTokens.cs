using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;

namespace Tunas.Web.Features.Training.CheckIn;

/// <summary>What a check-in token says, once its signature holds.</summary>
public sealed record CheckInClaim(int CohortId, long SessionId, long Window);

/// <summary>
/// The tokens of the rotating check-in QR: <c>{cohort}.{session}.{window}.{mac}</c>, where the window is the 30-second
/// slot since the Unix epoch and the mac an HMAC-SHA256 (128 bits kept) over the three with a secret kept in the
/// database, so that every instance of the app issues and accepts the same tokens and nobody can make one up.
/// A token is accepted in its own window and the one after it (up to 60 s), for a phone slow to open the link.
/// </summary>
public sealed class CheckInTokens(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int WindowSeconds = 30;

    /// <summary>Windows accepted before the current one: one, for a slow phone or a scan at the turn of a window.</summary>
    public const int GraceWindows = 1;

    private const string SecretName = "check-in-key";
    private byte[]? _key;

    public long CurrentWindow => clock.GetUtcNow().ToUnixTimeSeconds() / WindowSeconds;

    /// <summary>Seconds left in the current window, for the screen's countdown.</summary>
    public int SecondsLeft => WindowSeconds - (int)(clock.GetUtcNow().ToUnixTimeSeconds() % WindowSeconds);

    public async Task<string> IssueAsync(int cohortId, long sessionId, long? window = null, CancellationToken ct = default)
    {
        var w = window ?? CurrentWindow;
        return Text(cohortId, sessionId, w) + "." + Mac(await KeyAsync(ct), cohortId, sessionId, w);
    }

    /// <summary>The claim of a well-formed, genuine token whatever its age, or null.</summary>
    public async Task<CheckInClaim?> ReadAsync(string? token, CancellationToken ct = default)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 4 || token!.Length > 120
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var cohort)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var session)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var window))
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Mac(await KeyAsync(ct), cohort, session, window));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3])) ? new CheckInClaim(cohort, session, window) : null;
    }

    public bool IsFresh(CheckInClaim claim) => claim.Window <= CurrentWindow && claim.Window >= CurrentWindow - GraceWindows;

    private static string Text(int cohortId, long sessionId, long window) =>
        string.Create(CultureInfo.InvariantCulture, $"{cohortId}.{sessionId}.{window}");

    private static string Mac(byte[] key, int cohortId, long sessionId, long window)
    {
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("check-in:" + Text(cohortId, sessionId, window)));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (_key is { } known)
        {
            return known;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var stored = await db.AppSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SecretName, ct);
        if (stored is null)
        {
            try
            {
                db.AppSecrets.Add(new AppSecret { Name = SecretName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance stored its key first: both use that one.
                db.ChangeTracker.Clear();
            }
            stored = await db.AppSecrets.AsNoTracking().FirstAsync(s => s.Name == SecretName, ct);
        }
        return _key = Convert.FromBase64String(stored.Value);
    }
}
