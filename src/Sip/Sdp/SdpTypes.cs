namespace OpenTalk.Sip.Sdp;

/// <summary><c>o=</c> (RFC 4566 §5.2); the session id and version are kept as written (they may exceed 64 bits).</summary>
public sealed record SdpOrigin(string Username, string SessionId, string SessionVersion, string NetType, string AddressType, string Address)
{
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} {NetType} {AddressType} {Address}";
}

/// <summary><c>c=</c> (RFC 4566 §5.7): the address, with a multicast TTL/count suffix left in it when present.</summary>
public sealed record SdpConnection(string NetType, string AddressType, string Address)
{
    public static SdpConnection For(string address) => new("IN", address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4", address);

    public override string ToString() => $"{NetType} {AddressType} {Address}";
}

/// <summary><c>a=name</c> or <c>a=name:value</c> (RFC 4566 §5.13).</summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}

/// <summary>Any other line (<c>i=</c>, <c>b=</c>, <c>k=</c>, <c>r=</c>, <c>z=</c>…), kept so that it is written back.</summary>
public sealed record SdpLine(char Type, string Value);

/// <summary>The direction attributes (RFC 3264 §5.1), from the point of view of the side that wrote them.</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}

/// <summary>One <c>a=rtpmap</c> (RFC 4566 §6): payload type, encoding name, clock rate, channels.</summary>
public sealed record RtpMap(int PayloadType, string Encoding, int ClockRate, int? Channels)
{
    public override string ToString() => $"{PayloadType} {Encoding}/{ClockRate}{(Channels is { } c ? "/" + c : "")}";
}

/// <summary>What a Parse of SDP gives: a description, or why not (the caller answers 488 or 400).</summary>
public abstract record SdpParseResult
{
    private SdpParseResult()
    {
    }

    public sealed record Parsed(SessionDescription Description) : SdpParseResult;

    public sealed record Failed(string Reason) : SdpParseResult;
}
