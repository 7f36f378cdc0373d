namespace OpenTalk.Media.Janus;

/// <summary>Janus answered with an error (core <c>error</c>, or a plugin's <c>error_code</c>).</summary>
public sealed class JanusException(int code, string reason) : Exception($"Janus error {code}: {reason}")
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    /// <summary>VideoRoom: the room already exists (427); creating it twice is fine.</summary>
    public const int RoomExists = 427;

    /// <summary>VideoRoom: no such room (426).</summary>
    public const int NoSuchRoom = 426;

    /// <summary>VideoRoom: no such feed (428), e.g. subscribing before the publisher is up.</summary>
    public const int NoSuchFeed = 428;
}

/// <summary>The connection to a Janus instance is gone (closed, or it stopped answering).</summary>
public sealed class JanusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
