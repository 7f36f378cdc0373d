using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenTalk.Media.Janus;

/// <summary>One plugin handle in a session: plugin messages (with an optional JSEP), trickle, hangup, detach.</summary>
public sealed class JanusHandle
{
    private readonly JanusSession _session;
    private readonly Action<JsonElement> _onEvent;

    internal JanusHandle(JanusSession session, long id, Action<JsonElement> onEvent)
    {
        _session = session;
        Id = id;
        _onEvent = onEvent;
    }

    public long Id { get; }

    /// <summary>What an asynchronous request sent without waiting for its event returns: Janus only acknowledged it.</summary>
    private static readonly JsonElement Acknowledged = JsonDocument.Parse("{}").RootElement;

    /// <summary>
    /// Sends a plugin request; returns its <c>plugindata.data</c> and the JSEP Janus answered with, if any. An
    /// asynchronous request (a subscriber's <c>configure</c>, say) sent with <see cref="JanusReply.Success"/> is answered
    /// by its <c>ack</c> alone: the data is then empty and what follows comes as an event.
    /// </summary>
    public async Task<(JsonElement Data, JsonElement? Jsep)> MessageAsync(JsonObject body, JsonObject? jsep = null,
        JanusReply reply = JanusReply.Success, CancellationToken ct = default)
    {
        var request = new JsonObject { ["janus"] = "message", ["handle_id"] = Id, ["body"] = body };
        if (jsep is not null)
            request["jsep"] = jsep;
        var answer = await _session.RequestAsync(request, reply, ct);
        var data = answer.TryGetProperty("plugindata", out var plugin) ? plugin.GetProperty("data") : Acknowledged;
        return (data, answer.TryGetProperty("jsep", out var answered) ? answered : null);
    }

    /// <summary>One ICE candidate from the browser (<c>{candidate, sdpMid?, sdpMLineIndex}</c>), or null for "no more".</summary>
    public Task TrickleAsync(JsonObject? candidate, CancellationToken ct = default)
    {
        var message = new JsonObject { ["janus"] = "trickle", ["handle_id"] = Id };
        message["candidate"] = candidate ?? new JsonObject { ["completed"] = true };
        return _session.SendAsync(message, ct);
    }

    public Task HangupAsync(CancellationToken ct = default) =>
        _session.RequestAsync(new JsonObject { ["janus"] = "hangup", ["handle_id"] = Id }, JanusReply.Success, ct);

    public async Task DetachAsync(CancellationToken ct = default)
    {
        _session.Forget(Id);
        await _session.RequestAsync(new JsonObject { ["janus"] = "detach", ["handle_id"] = Id }, JanusReply.Success, ct);
    }

    internal void Deliver(JsonElement message) => _onEvent(message);
}
