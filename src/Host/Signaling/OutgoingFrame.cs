using System.Net.WebSockets;

namespace OpenTalk.Host.Signaling;

/// <summary>What the socket writer sends next: a text message, or the close handshake.</summary>
public abstract record OutgoingFrame
{
    public sealed record Text(string Json) : OutgoingFrame;

    public sealed record Close(WebSocketCloseStatus Status, string Reason) : OutgoingFrame;
}
