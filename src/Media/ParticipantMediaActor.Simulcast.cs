using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;
using OpenTalk.Media.Janus;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Media;

/// <summary>
/// Simulcast layer choice for a subscription. Janus switches layers on the next keyframe of the wanted layer and asks
/// the publisher for one (PLI) once; a browser may ignore a request that comes soon after another. So the wish is
/// repeated until Janus reports the switch, a bounded number of times.
/// </summary>
public sealed partial class ParticipantMediaActor : IWithTimers
{
    private static readonly TimeSpan SubstreamCheck = TimeSpan.FromSeconds(2);
    private const int SubstreamAttempts = 5;

    public ITimerScheduler Timers { get; set; } = null!;

    private async Task ConfigureAsync(MediaCommand.Configure c)
    {
        var key = (c.Target, c.Type);
        if (!_subscriptions.TryGetValue(key, out var subscription))
        {
            Error(ErrorCodes.NotSubscribed);
            return;
        }
        var stream = new JsonObject { ["mid"] = subscription.VideoMid };
        if (c.Substream is { } substream)
        {
            stream["substream"] = substream;
            _subscriptions[key] = subscription with { Wish = new SubstreamWish(substream, 1) };
            Timers.StartSingleTimer(key, new CheckSubstream(key, subscription.Handle.Id), SubstreamCheck);
        }
        if (c.Video is { } video)
            stream["send"] = video;
        await SendConfigureAsync(c.Type, subscription.Handle, stream);
    }

    private async Task OnCheckSubstreamAsync(CheckSubstream check)
    {
        if (!_subscriptions.TryGetValue(check.Key, out var subscription) || subscription.Handle.Id != check.Handle
            || subscription.Wish is not { } wish || wish.Attempts >= SubstreamAttempts)
            return;
        _subscriptions[check.Key] = subscription with { Wish = wish with { Attempts = wish.Attempts + 1 } };
        Timers.StartSingleTimer(check.Key, check, SubstreamCheck);
        await SendConfigureAsync(check.Key.Type, subscription.Handle,
            new JsonObject { ["mid"] = subscription.VideoMid, ["substream"] = wish.Substream });
    }

    /// <summary>Janus reported the layer a subscription now receives: a fulfilled wish is not repeated.</summary>
    private void OnSubstreamReported((Guid Target, MediaSessionType Type) key, JsonElement data)
    {
        if (data.TryGetProperty("substream", out var reported) && reported.TryGetInt32(out var substream)
            && _subscriptions.TryGetValue(key, out var subscription) && subscription.Wish?.Substream == substream)
        {
            _subscriptions[key] = subscription with { Wish = null };
            Timers.Cancel(key);
        }
    }

    private async Task SendConfigureAsync(MediaSessionType type, JanusHandle handle, JsonObject stream)
    {
        try
        {
            await handle.MessageAsync(new JsonObject { ["request"] = "configure", ["streams"] = new JsonArray(stream) });
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            LogJanusRefused(type, e);
            Error(ErrorCodes.MediaUnavailable);
        }
    }

    /// <summary>The layer a viewer asked for and how many times it was asked of Janus.</summary>
    private sealed record SubstreamWish(int Substream, int Attempts);

    private sealed record CheckSubstream((Guid Target, MediaSessionType Type) Key, long Handle);
}
