namespace Tunas.Web.Infrastructure;

/// <summary>
/// Whether the database's writes fail for a passing reason right now, as the writers saw it: the intake and the
/// imports <see cref="Report"/> a failed write and note a good one with <see cref="Succeeded"/>; <c>/health</c> reads
/// Unhealthy meanwhile and tries a small write of its own (<see cref="DatabaseHealthCheck"/>), so the signal clears even
/// when the balancer sends no more requests. One volatile field: a good write costs a read of it.
/// </summary>
public sealed class WriteFaults(TimeProvider clock)
{
    private volatile WriteFault? _current;

    /// <summary>The fault seen last, or null while writes succeed.</summary>
    public WriteFault? Current => _current;

    /// <summary>
    /// Notes <paramref name="exception"/> when it is a passing database fault (<see cref="DatabaseFaults"/>); true then,
    /// and the caller answers "try again later" rather than "failed".
    /// </summary>
    public bool Report(Exception exception)
    {
        var fault = DatabaseFaults.Classify(exception);
        if (fault == DatabaseFault.None)
        {
            return false;
        }
        var current = _current;
        if (current?.Cause != fault)
        {
            _current = new WriteFault(fault, current?.Since ?? clock.GetUtcNow().UtcDateTime);
        }
        return true;
    }

    public void Succeeded()
    {
        if (_current is not null)
        {
            _current = null;
        }
    }
}

/// <summary>A passing write fault and since when writes have failed (UTC).</summary>
public sealed record WriteFault(DatabaseFault Cause, DateTime Since)
{
    public string Message => DatabaseFaults.Message(Cause);
}
