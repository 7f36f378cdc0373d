using Akka.Actor;
using Akka.Event;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Media;

/// <summary>
/// A phone caller's audio (the gateway is their client): published as plain RTP into a Janus remote publisher, as the
/// caller's <c>video</c> session with audio only, so browsers subscribe to it like to anyone. What the caller hears
/// comes by forwards (<see cref="MediaCommand.ForwardToCall"/>).
/// </summary>
public sealed partial class ParticipantMediaActor
{
    private CallPublication? _call;

    private sealed record CallPublication(IActorRef Instance, string InstanceName, string Feed, CallPublishing Where);

    private async Task PublishCallAsync()
    {
        var check = await AskMeetingAsync(new CheckPublish(_roomId, _me, MediaKind.Video, AsCall: true));
        if (check.Error is { } refused)
        {
            Error(refused);
            return;
        }
        if (_call is not null)
        {
            ToClient(_call.Where); // asked again (a gateway that lost the answer): the same port
            return;
        }
        var found = await _gateway.Ask<InstanceFound>(new PickPublisherInstance(), AskTimeout);
        var (name, session) = await OpenAsync(found); // the room exists on the instance afterwards
        if (session is null || found.Instance is not { } instance)
        {
            Error(ErrorCodes.MediaUnavailable);
            return;
        }
        var feed = $"{_me}-{MediaSessionType.Video.ToString().ToLowerInvariant()}";
        var added = await instance.Ask<CallPublisherAdded>(new AddCallPublisher(_roomId.ToString(), feed), AskTimeout);
        if (added.Error is not null || added.Host is null)
        {
            _log.Warning("Janus {0} did not take caller {1}: {2}", name ?? "", _me, added.Error ?? "");
            Error(ErrorCodes.MediaUnavailable);
            return;
        }
        var where = new CallPublishing(added.Host, added.Port, PayloadType: 0, Ssrc: JanusInstanceActor.CallSsrc);
        _call = new CallPublication(instance, name!, feed, where);
        var recorded = await AskMeetingAsync(new RecordPublished(_roomId, _me, MediaKind.Video, name!, feed));
        if (recorded.Error is { } error)
        {
            await RemoveCallAsync(tellMeeting: false);
            Error(error);
            return;
        }
        // No browser to say what it sends: a caller sends audio, never video.
        await AskMeetingAsync(new RecordMediaState(_roomId, _me, MediaKind.Video, Audio: true, Video: false));
        ToClient(where);
    }

    /// <summary>Janus keeps a remote publisher until told: it goes with the call (or the participant's media).</summary>
    private async Task RemoveCallAsync(bool tellMeeting)
    {
        if (_call is not { } call)
            return;
        _call = null;
        call.Instance.Tell(new RemoveCallPublisher(_roomId.ToString(), call.Feed));
        if (tellMeeting)
            await AskMeetingAsync(new RecordUnpublished(_roomId, _me, MediaKind.Video, MediaEndReasons.Unpublished));
    }
}
