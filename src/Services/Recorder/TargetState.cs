namespace OpenTalk.Services.Recorder;

/// <summary>A live streaming target (OpenTalk's streaming target id).</summary>
public readonly record struct TargetId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

/// <summary>The states OpenTalk's stream_updated reports.</summary>
public enum TargetStatus
{
    Starting,
    Active,
    Paused,
    Inactive,
    Error,
}

public sealed record TargetError(string Code, string Message)
{
    /// <summary>Never got through to the server (refused, unreachable, rejected the publish).</summary>
    public const string ConnectionFailed = "connection_failed";

    /// <summary>Was streaming, then the connection broke.</summary>
    public const string Disconnected = "disconnected";

    /// <summary>No answer from the server in time.</summary>
    public const string Timeout = "timeout";
}

public sealed record TargetState(TargetStatus Status, TargetError? Error = null);
