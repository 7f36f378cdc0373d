namespace OpenTalk.Sip.Messages;

/// <summary>What a <see cref="SipStreamFramer"/> found in the bytes fed to it.</summary>
public abstract record SipFrame
{
    private SipFrame()
    {
    }

    /// <summary>One whole message, cut by its Content-Length, and what the parser made of it.</summary>
    public sealed record Message(SipParseResult Result) : SipFrame;

    /// <summary>A CRLFCRLF keep-alive (RFC 5626 §3.5.1): the peer expects a single CRLF back.</summary>
    public sealed record Ping : SipFrame;

    /// <summary>A lone CRLF: the answer to our ping.</summary>
    public sealed record Pong : SipFrame;

    /// <summary>The stream cannot be read on (no Content-Length, too large, endless headers): close the connection.</summary>
    public sealed record Broken(string Reason) : SipFrame;
}
