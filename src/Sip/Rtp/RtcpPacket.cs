namespace OpenTalk.Sip.Rtp;

/// <summary>One reception report block (RFC 3550 §6.4.1).</summary>
public sealed record RtcpReportBlock(uint Ssrc, byte FractionLost, int CumulativeLost, uint HighestSequence, uint Jitter, uint LastSenderReport, uint DelaySinceLastSenderReport);

/// <summary>An SDES chunk (RFC 3550 §6.5): a source and its CNAME, the only item we write or keep.</summary>
public sealed record SdesChunk(uint Ssrc, string? Cname);

/// <summary>The RTCP packets we read and write (RFC 3550 §6.4-6.6); any other type is kept as it came.</summary>
public abstract record RtcpPacket
{
    private RtcpPacket()
    {
    }

    public const byte SenderReportType = 200;
    public const byte ReceiverReportType = 201;
    public const byte SourceDescriptionType = 202;
    public const byte GoodbyeType = 203;

    /// <summary>SR: <paramref name="NtpTimestamp"/> is the 64-bit NTP time, seconds in the high word.</summary>
    public sealed record SenderReport(uint Ssrc, ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount, IReadOnlyList<RtcpReportBlock> Reports) : RtcpPacket;

    public sealed record ReceiverReport(uint Ssrc, IReadOnlyList<RtcpReportBlock> Reports) : RtcpPacket;

    public sealed record SourceDescription(IReadOnlyList<SdesChunk> Chunks) : RtcpPacket;

    public sealed record Goodbye(IReadOnlyList<uint> Sources, string? Reason) : RtcpPacket;

    public sealed record Other(byte PacketType, byte Count, byte[] Body) : RtcpPacket;

    /// <summary>The NTP form of a wall-clock time, for <see cref="SenderReport.NtpTimestamp"/>.</summary>
    public static ulong ToNtp(DateTimeOffset time)
    {
        var sinceEpoch = time - new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var seconds = (ulong)sinceEpoch.Ticks / TimeSpan.TicksPerSecond;
        var fraction = (ulong)(sinceEpoch.Ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }
}
