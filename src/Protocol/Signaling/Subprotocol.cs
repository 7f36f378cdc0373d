namespace OpenTalk.Protocol.Signaling;

public static class Subprotocol
{
    public const string Json = "opentalk-signaling-json-v1.0";
    public const string TicketPrefix = "ticket#";
    public const string Path = "/signaling";
    public const int MaxFrameBytes = 64 * 1024;
}
