namespace OpenTalk.Sip.Rtp;

/// <summary>
/// Turns the telephone-event packets of one stream into key presses, each exactly once. RFC 4733 §2.5.1 sends one
/// event as many packets sharing its RTP timestamp (updates, then the end packet three times), so an event is a
/// (SSRC, timestamp) pair: the first packet of a new pair reports the key, the rest are ignored. Packets of an
/// event already over that arrive late are recognised among the last few events.
/// </summary>
public sealed class DtmfDetector(int telephoneEventPayloadType)
{
    private const int Remembered = 8;
    private readonly Queue<(uint Ssrc, uint Timestamp)> _recent = new();

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
        if (telephoneEvent.Digit is not { } digit || _recent.Contains((ssrc, timestamp)))
        {
            return null;
        }
        _recent.Enqueue((ssrc, timestamp));
        if (_recent.Count > Remembered)
        {
            _recent.Dequeue();
        }
        return digit;
    }
}
