namespace OpenTalk.Sip.Rtp;

/// <summary>
/// Turns the telephone-event packets of one stream into key presses, each exactly once. RFC 4733 §2.5.1 sends one
/// event as many packets sharing its RTP timestamp (updates, then the end packet three times), so an event is a
/// (SSRC, timestamp) pair: the first packet of a new pair reports the key, the rest are ignored. Packets of an
/// event already over that arrive late are recognised among the last few events. One exception: a key replayed
/// from a recording (test tools send the same packets for every press of a key) repeats an ended event's pair; a
/// packet that starts an event (no end bit, at most one packet's duration) after that event's end is a new press.
/// </summary>
public sealed class DtmfDetector(int telephoneEventPayloadType)
{
    private const int Remembered = 8;

    /// <summary>The longest duration (in 8 kHz units: 20 ms) of the first packet of an event.</summary>
    private const int StartDuration = 160;

    private readonly List<(uint Ssrc, uint Timestamp, bool Ended)> _recent = [];

    /// <summary>The key this packet starts, or null (another payload type, a known event, a non-DTMF event, garbage).</summary>
    public char? Feed(RtpPacket packet)
    {
        if (packet.PayloadType != telephoneEventPayloadType || !TelephoneEvent.TryParse(packet.Payload, out var telephoneEvent))
        {
            return null;
        }
        return Feed(packet.Ssrc, packet.Timestamp, telephoneEvent);
    }

    public char? Feed(uint ssrc, uint timestamp, TelephoneEvent telephoneEvent)
    {
        if (telephoneEvent.Digit is not { } digit)
        {
            return null;
        }
        var known = _recent.FindIndex(e => e.Ssrc == ssrc && e.Timestamp == timestamp);
        if (known >= 0)
        {
            var startsAgain = _recent[known].Ended && !telephoneEvent.End && telephoneEvent.Duration <= StartDuration;
            _recent[known] = (ssrc, timestamp, telephoneEvent.End || (_recent[known].Ended && !startsAgain));
            return startsAgain ? digit : null;
        }
        _recent.Add((ssrc, timestamp, telephoneEvent.End));
        if (_recent.Count > Remembered)
        {
            _recent.RemoveAt(0);
        }
        return digit;
    }
}
