namespace Tunas.Web.Features.Shared.Messaging;

/// <summary>
/// Wakes this instance's sender when a message for an automatic channel has been stored, so that it goes out at
/// once instead of at the next poll. Other instances find it by polling.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every message stored until the sender looks.
        }
    }

    /// <summary>Waits for a signal or for <paramref name="timeout"/> on <paramref name="clock"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, stop.Token);
        var signalled = _pending.WaitAsync(stop.Token);
        await Task.WhenAny(delay, signalled);
        await stop.CancelAsync();
        // A signal taken by the cancelled wait is not lost: the sender dispatches right after this returns.
        ct.ThrowIfCancellationRequested();
    }

    public void Dispose() => _pending.Dispose();
}
