using System.Collections.Concurrent;

namespace OpenTalk.Host.Apis;

/// <summary>
/// Slows down PIN guessing through the phone gateway: a conference id whose PIN was wrong
/// <see cref="Lockout"/> times within <see cref="Window"/> takes no PIN, the right one included, until the window
/// has passed since the last failure. The gateway ends a call after three wrong entries; this bounds a caller who
/// simply calls again. Counted per node, in memory (as sign-in failures are).
/// </summary>
public sealed class CallInThrottle(TimeProvider clock)
{
    public const int Lockout = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Last)> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the conference id takes no PIN; zero when it does.</summary>
    public TimeSpan WaitBeforeTrying(string conferenceId)
    {
        var now = clock.GetUtcNow();
        return _failures.TryGetValue(conferenceId, out var f) && f.Count >= Lockout && now - f.Last < Window
            ? Window - (now - f.Last)
            : TimeSpan.Zero;
    }

    public void Failed(string conferenceId)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(conferenceId, _ => (1, now), (_, f) => now - f.Last >= Window ? (1, now) : (f.Count + 1, now));
        // Bounded memory under a spray of made-up ids.
        if (_failures.Count > 10_000)
            foreach (var (id, f) in _failures)
                if (now - f.Last >= Window)
                    _failures.TryRemove(id, out _);
    }

    public void Succeeded(string conferenceId) => _failures.TryRemove(conferenceId, out _);
}
