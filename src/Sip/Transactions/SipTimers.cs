namespace OpenTalk.Sip.Transactions;

/// <summary>
/// The timer values of RFC 3261 §17.1.1.1 and Table 4: T1 the round-trip estimate, T2 the cap on retransmission
/// intervals of non-INVITE requests and INVITE responses, T4 how long a message stays in the network.
/// </summary>
public sealed record SipTimers(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    public static readonly SipTimers Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>64·T1: timers B, F, H, J (unreliable), L and M, and the wait for the ACK of a 2xx (§13.3.1.4).</summary>
    public TimeSpan Timeout => T1 * 64;

    /// <summary>Timer D: at least 32 s on unreliable transports, so that every retransmitted failure gets its ACK.</summary>
    public TimeSpan D => TimeSpan.FromSeconds(32) > Timeout ? TimeSpan.FromSeconds(32) : Timeout;

    public TimeSpan Doubled(TimeSpan interval) => interval * 2 < T2 ? interval * 2 : T2;
}
