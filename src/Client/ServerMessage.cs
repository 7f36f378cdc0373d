using System.Text.Json;

namespace OpenTalk.Client;

/// <summary>One message from the server, with its namespace and <c>message</c> kind pulled out.</summary>
public sealed record ServerMessage(string Namespace, string Message, JsonElement Payload, string Raw)
{
    public string? Error => Message == "error" && Payload.TryGetProperty("error", out var e) ? e.GetString() : null;

    public static ServerMessage Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var payload = root.GetProperty("payload").Clone();
        return new ServerMessage(root.GetProperty("namespace").GetString()!, payload.GetProperty("message").GetString()!, payload, json);
    }
}
