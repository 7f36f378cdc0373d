using System.Text.Json;
using OpenTalk.Actors.Meetings;
using Akka.Actor;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Media;

/// <summary>What Janus reports about this participant's handles, turned into client events and speaking reports.</summary>
public sealed partial class ParticipantMediaActor
{
    private async Task OnJanusEventAsync(JanusEvent e)
    {
        var (source, type, isPublication) = Owner(e.Handle);
        if (source is null)
            return;
        var message = e.Message;
        // Janus adds fields over versions (simulcast, mids): read what is there, never require it.
        switch (message.TryGetProperty("janus", out var verb) ? verb.GetString() : null)
        {
            case "webrtcup":
                ToClient(new WebrtcUp(source.Value, type));
                if (isPublication)
                    await RecordPublicationAsync(type);
                break;
            case "hangup":
                ToClient(new WebrtcDown(source.Value, type));
                break;
            case "slowlink":
                var uplink = message.TryGetProperty("uplink", out var u) && u.ValueKind == JsonValueKind.True;
                ToClient(new WebrtcSlow(source.Value, type, uplink ? LinkDirection.Upstream : LinkDirection.Downstream));
                break;
            case "media":
                ToClient(new MediaStatus(source.Value, type, message.TryGetProperty("type", out var kind) ? kind.GetString() ?? "" : "",
                    message.TryGetProperty("receiving", out var r) && r.ValueKind == JsonValueKind.True));
                break;
            case "event" when isPublication && type == MediaSessionType.Video
                              && message.TryGetProperty("plugindata", out var plugin)
                              && plugin.TryGetProperty("data", out var data)
                              && data.TryGetProperty("videoroom", out var what):
                // Janus tells every publisher of the room who talks ("id" is the speaker's feed): only our own counts.
                if (what.GetString() is "talking" or "stopped-talking" && IsOwnFeed(data, type))
                    _meetings.Tell(new SpeakingChanged(_roomId, _me, what.GetString() == "talking"));
                break;
            case "event" when !isPublication && message.TryGetProperty("plugindata", out var plugin) && plugin.TryGetProperty("data", out var data):
                OnSubstreamReported((source.Value, type), data);
                break;
        }
    }

    private bool IsOwnFeed(JsonElement data, MediaSessionType type) =>
        !data.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
        || id.GetString() == $"{_me}-{type.ToString().ToLowerInvariant()}";

    /// <summary>Whose media a handle carries: this participant's own publication, or a subscription to someone.</summary>
    private (Guid? Source, MediaSessionType Type, bool IsPublication) Owner(long handle)
    {
        foreach (var (type, publication) in _publications)
        {
            if (publication.Handle.Id == handle)
                return (_me, type, true);
        }
        foreach (var (key, subscription) in _subscriptions)
        {
            if (subscription.Handle.Id == handle)
                return (key.Target, key.Type, false);
        }
        return (null, MediaSessionType.Video, false);
    }
}
