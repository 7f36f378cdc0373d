namespace OpenTalk.Sip.Transactions;

/// <summary>
/// One named transaction timer (A, B, E…) on a <see cref="TimeProvider"/>. It fires under the transaction's lock, and
/// a start or stop makes any earlier firing void, so a timer racing a state change never acts on the new state.
/// Start and Stop are called under that lock too.
/// </summary>
internal sealed class TransactionTimer(TimeProvider time, object gate, Action onFire)
{
    private ITimer? _timer;
    private int _generation;

    public void Start(TimeSpan due)
    {
        Stop();
        if (due <= TimeSpan.Zero)
        {
            onFire();
            return;
        }
        var generation = _generation;
        _timer = time.CreateTimer(_ =>
        {
            lock (gate)
            {
                if (generation == _generation)
                {
                    _timer?.Dispose();
                    _timer = null;
                    onFire();
                }
            }
        }, null, due, Timeout.InfiniteTimeSpan);
    }

    public void Stop()
    {
        _generation++;
        _timer?.Dispose();
        _timer = null;
    }
}
