namespace OpenTalk.Sip.Messages;

/// <summary>Bounds on what the parser reads, so that a peer cannot make us hold or scan without end.</summary>
public sealed record SipParserLimits
{
    public static readonly SipParserLimits Default = new();

    /// <summary>Whole message, headers and body (RFC 3261 §18.1.1 lets UDP messages reach 65,535 bytes).</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024;
    public int MaxHeaderCount { get; init; } = 200;
    /// <summary>One header after unfolding; RFC 4475's long request has headers of a few kilobytes.</summary>
    public int MaxHeaderLineBytes { get; init; } = 16 * 1024;
}

/// <summary>What <see cref="SipParser.Parse"/> makes of some bytes: a message, or why not.</summary>
public abstract record SipParseResult
{
    private SipParseResult()
    {
    }

    public sealed record Parsed(SipMessage Message) : SipParseResult;

    /// <summary>
    /// Not a message we take. <paramref name="StatusCode"/> is the answer a server owes when the bytes were
    /// recognisably a request (400, 505, 513); null for responses and for garbage, which are dropped silently.
    /// <paramref name="RequestHeaders"/> holds the request's headers as far as they could be read, so that the
    /// answer can copy Via, From, To, Call-ID and CSeq (<see cref="SipResponse.For(SipHeaders, int, string?, string?)"/>).
    /// </summary>
    public sealed record Failed(string Reason, int? StatusCode = null, SipHeaders? RequestHeaders = null) : SipParseResult;
}
