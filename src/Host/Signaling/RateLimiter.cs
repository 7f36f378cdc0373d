namespace OpenTalk.Host.Signaling;

/// <summary>
/// A token bucket per socket: a burst of <c>capacity</c> messages, then <c>perSecond</c> sustained.
/// Time comes in from outside, so the rule can be tested without waiting.
/// </summary>
public sealed class RateLimiter(int capacity, double perSecond, TimeProvider clock)
{
    private double _tokens = capacity;
    private long _last = clock.GetTimestamp();

    public bool TryTake()
    {
        var now = clock.GetTimestamp();
        _tokens = Math.Min(capacity, _tokens + clock.GetElapsedTime(_last, now).TotalSeconds * perSecond);
        _last = now;
        if (_tokens < 1)
            return false;
        _tokens -= 1;
        return true;
    }
}
