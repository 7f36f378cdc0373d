using Akka.Actor;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Tells a participant's connection to end media sessions the meeting took away (revoked, waiting room).</summary>
public sealed record StopMedia(Guid ParticipantId, MediaKind? Type) : IEngineMessage;

/// <summary>Tells every other connection that a participant's session is (again) available: dropped subscriptions come back.</summary>
public sealed record MediaAvailable(Guid Participant, MediaKind Type) : IEngineMessage;

/// <summary>
/// Tells a participant's connection whether the SFU may pass its microphone on: a forced mute holds there too, so a
/// client that ignores it is still not heard, until a moderator allows unmuting.
/// </summary>
public sealed record RelayAudio(Guid ParticipantId, bool Relay) : IEngineMessage;

/// <summary>Tells a publisher's connection to have its camera or screen send a keyframe (the recorder starts decoding at one).</summary>
public sealed record SendKeyframe(Guid ParticipantId, MediaKind Type) : IEngineMessage;

/// <summary>Media: requests from media actors, speaking reports and the focus.</summary>
public sealed partial class MeetingActor
{
    private const string FocusTimer = "focus";
    private FocusTracker _focus = FocusTracker.Empty;

    private void HandleMediaRequest(IMediaRequest request)
    {
        var (decision, reply) = MediaModule.DecideRequest(State, request, Now);
        var replyTo = Sender;
        if (request is RequestKeyframe keyframe && reply.Error is null)
            TellConnection(keyframe.Target, new SendKeyframe(keyframe.Target, keyframe.Type));
        if (decision.IsRejected || decision.Events.Count == 0)
        {
            replyTo.Tell(reply);
            return;
        }
        PersistChained(decision.Events, Publish, () => replyTo.Tell(reply));
    }

    private void HandleSpeaking(SpeakingChanged report)
    {
        // A force-muted microphone is not passed on, so it does not speak (Janus still measures what it receives).
        if (State.Find(report.ParticipantId) is not { IsInRoom: true } || (report.Speaking && State.IsForceMuted(report.ParticipantId)))
            return;
        if (_focus.Talking.ContainsKey(report.ParticipantId) != report.Speaking)
            Deliver(MeetingNotifications.ToRoom(State, Namespaces.Media, new MediaSpeakerUpdated(report.ParticipantId, report.Speaking, Now)));
        Refocus(_focus.Report(report.ParticipantId, report.Speaking, Now, _settings.FocusHold));
    }

    private void Refocus((FocusTracker Next, DateTimeOffset? CheckAt) result)
    {
        var before = _focus.Focus;
        _focus = result.Next;
        State = State with { Speaking = _focus.Talking };
        if (result.CheckAt is { } at)
            Timers.StartSingleTimer(FocusTimer, new SettleFocus(), at - Now > TimeSpan.Zero ? at - Now : TimeSpan.Zero);
        if (_focus.Focus == before)
            return;
        State = State with { Focus = _focus.Focus };
        // The recorder too: its speaker view follows the focus.
        Deliver(MeetingNotifications.ToRoom(State, Namespaces.Media, new FocusUpdate(_focus.Focus)));
    }

    /// <summary>After persisting: sessions the meeting ended for someone (revoked, sent away) are hung up by their media actor.</summary>
    private void StopRevokedMedia(DomainEvent evt, MeetingState before, MeetingState after)
    {
        // A whisper group that ended takes its audio with it.
        foreach (var ended in before.Whispers.Values.Where(g => !after.Whispers.ContainsKey(g.WhisperId)))
        {
            foreach (var member in ended.Joined)
                TellConnection(member, new StopMedia(member, MediaKind.Whisper));
        }
        switch (evt)
        {
            case MediaUnpublished e when Actor.ParticipantOf(e.By) != e.ParticipantId:
                TellConnection(e.ParticipantId, new StopMedia(e.ParticipantId, e.Type));
                break;
            case ParticipantSentToWaitingRoom e when before.Find(e.ParticipantId) is { Media.IsEmpty: false }:
                TellConnection(e.ParticipantId, new StopMedia(e.ParticipantId, null));
                break;
            case ParticipantLeft e:
                Refocus(_focus.Remove(e.ParticipantId, Now, _settings.FocusHold));
                break;
            case WhisperLeft or WhisperKickedOut:
                var member = evt is WhisperLeft l ? l.ParticipantId : ((WhisperKickedOut)evt).ParticipantId;
                TellConnection(member, new StopMedia(member, MediaKind.Whisper));
                break;
            case MediaPublished e:
                foreach (var (id, connection) in _connections.Where(c => c.Key != e.ParticipantId))
                    connection.Tell(new MediaAvailable(e.ParticipantId, e.Type));
                if (e.Type == MediaKind.Video && after.IsForceMuted(e.ParticipantId))
                    TellConnection(e.ParticipantId, new RelayAudio(e.ParticipantId, false));
                break;
        }
        // The SFU holds a forced mute too, so a client that ignores it is still not heard: whatever changed who may
        // speak (a mute, its release, the room's lock, a moderator role granted or taken while the lock is on).
        foreach (var p in after.InRoom.Where(p => before.Find(p.Id) is { IsInRoom: true } && before.IsForceMuted(p.Id) != after.IsForceMuted(p.Id)))
            TellConnection(p.Id, new RelayAudio(p.Id, !after.IsForceMuted(p.Id)));
    }

    private void TellConnection(Guid participant, object message)
    {
        if (_connections.TryGetValue(participant, out var connection))
            connection.Tell(message);
    }

    private sealed record SettleFocus;
}
