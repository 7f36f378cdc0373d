using System.Text.Json;

namespace OpenTalk.Protocol.Signaling;

/// <summary>What the server sends: <c>{"namespace": "...", "timestamp": "...", "payload": {"message": "...", ...}}</c>.</summary>
public sealed record ServerEnvelope(string Namespace, DateTimeOffset Timestamp, object Payload)
{
    public string ToJson() => JsonSerializer.Serialize(this, WireJson.Options);
}

/// <summary>Base of every server payload: the <c>message</c> discriminator comes first.</summary>
public abstract record ServerPayload(string Message);

/// <summary>The error event; sent in the namespace of the command that failed.</summary>
public sealed record ErrorPayload(string Error, string? Text = null) : ServerPayload("error");
