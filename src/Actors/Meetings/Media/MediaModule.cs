using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Media rights and where media lives: publications, presenters, force mute.</summary>
public sealed class MediaModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(MediaPublished), "meeting.media_published.v1"),
        (typeof(MediaSessionUpdated), "meeting.media_session_updated.v1"),
        (typeof(MediaUnpublished), "meeting.media_unpublished.v1"),
        (typeof(PresentersGranted), "meeting.presenters_granted.v1"),
        (typeof(PresentersRevoked), "meeting.presenters_revoked.v1"),
        (typeof(PresenterRoleRequirementSet), "meeting.presenter_role_requirement_set.v1"),
        (typeof(UnmuteAllowedFor), "meeting.unmute_allowed.v1"),
        (typeof(ForceMuteTurnedOn), "meeting.force_mute_turned_on.v1"),
        (typeof(ForceMuteTurnedOff), "meeting.force_mute_turned_off.v1"),
        (typeof(WhisperAudioPlaced), "meeting.whisper_audio_placed.v1"),
    ];

    /// <summary>Who leaves loses the presenter right and the force mute; the room's microphone lock ends with the session.</summary>
    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(ParticipantLeft), typeof(SessionClosed)];

    /// <summary>A request from a participant's media actor: the events to write and the answer to give.</summary>
    public static (Decision Decision, MediaReply Reply) DecideRequest(MeetingState state, IMediaRequest request, DateTimeOffset now)
    {
        if (!state.Exists || state.Closed)
            return Refuse(ErrorCodes.NotJoined);
        if (state.Find(request.ParticipantId) is not { IsInRoom: true } me)
            return Refuse(ErrorCodes.NotJoined);
        // The recorder neither publishes nor subscribes: it only receives what it records, as plain RTP.
        if (me.IsHidden && request is not (LocateMedia { ForRecording: true } or RequestKeyframe))
            return Refuse(ErrorCodes.InsufficientPermissions);
        var by = Actor.Participant(me.Id);
        DomainEvent At(DomainEvent evt) => MeetingDecider.Stamp(evt, by, now);

        switch (request)
        {
            case CheckPublish { AsCall: true } or LocateMedia { ForCall: true } when me.Identity.Kind != ParticipantKind.Sip:
                return Refuse(ErrorCodes.InsufficientPermissions);
            case CheckPublish c:
                return c.Type == MediaKind.Screen && !state.IsPresenter(me)
                    ? Refuse(ErrorCodes.NotPresenter)
                    : (Decision.Nothing, MediaReply.Ok);
            case RecordPublished c:
                if (c.Type == MediaKind.Screen && !state.IsPresenter(me))
                    return Refuse(ErrorCodes.NotPresenter);
                return (Decision.Accept(At(new MediaPublished(me.Id, c.Type, c.Instance, c.Feed, Pending: true))), MediaReply.Ok);
            case RecordMediaState c:
                if (!me.Media.TryGetValue(c.Type, out var published))
                    return Refuse(ErrorCodes.NotPublishing);
                // Completing a publication while muted by a moderator: it starts without sound (as OpenTalk does), not refused.
                if (published.Pending && c.Audio && state.IsForceMuted(me.Id))
                    return (Decision.Accept(At(new MediaSessionUpdated(me.Id, c.Type, false, c.Video))), MediaReply.Ok);
                if (c.Audio && !published.Audio && state.IsForceMuted(me.Id))
                    return Refuse(ErrorCodes.ForceMuted);
                return published.Audio == c.Audio && published.Video == c.Video && !published.Pending
                    ? (Decision.Nothing, MediaReply.Ok)
                    : (Decision.Accept(At(new MediaSessionUpdated(me.Id, c.Type, c.Audio, c.Video))), MediaReply.Ok);
            case RecordUnpublished c:
                return me.Media.ContainsKey(c.Type)
                    ? (Decision.Accept(At(new MediaUnpublished(me.Id, c.Type, c.Reason))), MediaReply.Ok)
                    : (Decision.Nothing, MediaReply.Ok);
            case JoinWhisperAudio c:
                if (!state.Whispers.TryGetValue(c.WhisperId, out var group) || !group.Joined.Contains(me.Id))
                    return Refuse(ErrorCodes.NotInGroup);
                return group.AudioInstance is { } placed && placed != c.Unavailable
                    ? (Decision.Nothing, new MediaReply(null, new PublishedMedia(placed, c.WhisperId.ToString(), true, false)))
                    : (Decision.Accept(At(new WhisperAudioPlaced(c.WhisperId, c.Instance))),
                        new MediaReply(null, new PublishedMedia(c.Instance, c.WhisperId.ToString(), true, false)));
            case LocateMedia { ForRecording: true } or RequestKeyframe when state.Recording?.Job?.RecorderId != me.Id:
                return Refuse(ErrorCodes.InsufficientPermissions);
            case LocateMedia { ForRecording: true } c when RecordingModule.PeerOf(state, c.Target) is not { ConsentsRecording: true }:
                return Refuse(ErrorCodes.NoRecordingConsent);
            case RequestKeyframe c:
                return RecordingModule.PeerOf(state, c.Target) is not { ConsentsRecording: true } ? Refuse(ErrorCodes.NoRecordingConsent)
                    : state.Find(c.Target) is { IsInRoom: true } publisher && publisher.Media.ContainsKey(c.Type) ? (Decision.Nothing, MediaReply.Ok)
                    : Refuse(ErrorCodes.NoSuchMediaSession);
            case LocateMedia c:
                return state.Find(c.Target) is { IsInRoom: true } target && target.Media.TryGetValue(c.Type, out var location)
                    ? (Decision.Nothing, new MediaReply(null, location))
                    : Refuse(ErrorCodes.NoSuchMediaSession);
            default:
                throw new ArgumentException($"A meeting cannot answer {request.GetType().Name}.", nameof(request));
        }

        static (Decision, MediaReply) Refuse(string error) => (Decision.Reject(error), new MediaReply(error));
    }

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now)
    {
        if (command is not (GrantPresenterRole or RevokePresenterRole or RequirePresenterRole or AllowUnmute or EnableForceMute or DisableForceMute))
            return null;
        if (MeetingDecider.RequireInRoom(state, ((IParticipantCommand)command).ParticipantId, out var me) is { } refused)
            return refused;
        if (!me.IsModerator)
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        DomainEvent At(DomainEvent evt) => MeetingDecider.Stamp(evt, Actor.Participant(me.Id), now);

        switch (command)
        {
            case RequirePresenterRole c:
                return c.Required == state.PresenterRoleRequired ? Decision.Nothing : Decision.Accept(At(new PresenterRoleRequirementSet(c.Required)));
            case GrantPresenterRole c:
            {
                if (Targets(state, c.Targets) is not { } targets)
                    return Decision.Reject(ErrorCodes.TargetNotFound);
                var granted = targets.Where(t => !state.Presenters.Contains(t)).ToList();
                return granted.Count == 0 ? Decision.Nothing : Decision.Accept(At(new PresentersGranted(granted)));
            }
            case RevokePresenterRole c:
            {
                if (Targets(state, c.Targets) is not { } targets)
                    return Decision.Reject(ErrorCodes.TargetNotFound);
                var revoked = targets.Where(state.Presenters.Contains).ToList();
                if (revoked.Count == 0)
                    return Decision.Nothing;
                // Someone sharing a screen without the right any more stops sharing.
                var stopped = revoked
                    .Where(t => state.PresenterRoleRequired && state.Find(t) is { IsModerator: false } p && p.Media.ContainsKey(MediaKind.Screen))
                    .Select(t => At(new MediaUnpublished(t, MediaKind.Screen, MediaEndReasons.Unpublished)));
                return Decision.Accept([At(new PresentersRevoked(revoked)), .. stopped]);
            }
            case AllowUnmute c:
            {
                if (Targets(state, c.Targets) is not { } targets)
                    return Decision.Reject(ErrorCodes.TargetNotFound);
                var allowed = targets.Where(state.ForceMuted.Contains).ToList();
                return allowed.Count == 0 ? Decision.Nothing : Decision.Accept(At(new UnmuteAllowedFor(allowed)));
            }
            case EnableForceMute c:
            {
                var allowed = c.AllowList.Distinct().ToList();
                if (state.ForceMuteAllowList is { } current && current.SetEquals(allowed))
                    return Decision.Nothing;
                var locked = state with { ForceMuteAllowList = [.. allowed] };
                // Microphones that are on now go off, as OpenTalk does; their owners' apps mute themselves on force_mute_enabled.
                var silenced = state.InRoom
                    .Where(p => locked.IsForceMuted(p.Id) && p.Media.TryGetValue(MediaKind.Video, out var m) && m.Audio)
                    .Select(p => At(new MediaSessionUpdated(p.Id, MediaKind.Video, false, p.Media[MediaKind.Video].Video)));
                return Decision.Accept([At(new ForceMuteTurnedOn(allowed)), .. silenced]);
            }
            case DisableForceMute:
                return state.ForceMuteAllowList is null ? Decision.Nothing : Decision.Accept(At(new ForceMuteTurnedOff()));
            default:
                return null;
        }
    }

    /// <summary>The distinct targets when all are in the room, else null.</summary>
    private static List<Guid>? Targets(MeetingState state, IReadOnlyList<Guid> targets)
    {
        var distinct = targets.Distinct().ToList();
        return distinct.Count > 0 && distinct.All(t => state.Find(t) is { IsInRoom: true }) ? distinct : null;
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        MediaPublished e => MeetingEvolve.Change(state, e.ParticipantId, p => p with
        {
            Media = p.Media.SetItem(e.Type, new PublishedMedia(e.Instance, e.Feed, false, false) { Pending = e.Pending }),
        }),
        MediaSessionUpdated e => MeetingEvolve.Change(state, e.ParticipantId, p => p.Media.TryGetValue(e.Type, out var m)
            ? p with { Media = p.Media.SetItem(e.Type, m with { Audio = e.Audio, Video = e.Video, Pending = false }) }
            : p),
        MediaUnpublished e => MeetingEvolve.Change(state, e.ParticipantId, p => p with { Media = p.Media.Remove(e.Type) }),
        PresentersGranted e => state with { Presenters = state.Presenters.Union(e.Participants) },
        PresentersRevoked e => state with { Presenters = state.Presenters.Except(e.Participants) },
        PresenterRoleRequirementSet e => state with { PresenterRoleRequired = e.Required },
        UnmuteAllowedFor e => state with { ForceMuted = state.ForceMuted.Except(e.Participants) },
        WhisperAudioPlaced e => state.Whispers.TryGetValue(e.WhisperId, out var g)
            ? state with { Whispers = state.Whispers.SetItem(e.WhisperId, g with { AudioInstance = e.Instance }) }
            : state,
        ParticipantLeft e => state with { Presenters = state.Presenters.Remove(e.ParticipantId), ForceMuted = state.ForceMuted.Remove(e.ParticipantId) },
        ForceMuteTurnedOn e => state with { ForceMuteAllowList = [.. e.AllowList] },
        ForceMuteTurnedOff or SessionClosed => state.ForceMuteAllowList is null ? state : state with { ForceMuteAllowList = null },
        _ => null,
    };

    /// <summary>An <c>update</c> about each participant the room's lock muted or released (not everyone: a room of n hears n², else).</summary>
    private static IEnumerable<Notification> LockChanged(MeetingState before, MeetingState after) =>
        after.InRoom.Where(p => before.IsForceMuted(p.Id) != after.IsForceMuted(p.Id))
            .SelectMany(p => MeetingNotifications.UpdateToOthers(p.Id, after));

    public ModuleJoinState? JoinState(JoinContext join) => new(Namespaces.Media, new MediaModuleState(
        join.State.IsPresenter(join.Me), join.State.PresenterRoleRequired, join.State.IsForceMuted(join.Me.Id), join.State.Focus,
        join.State.ForceMuteAllowList is { } allowed ? new ForceMuteState("enabled", [.. allowed]) : new ForceMuteState("disabled", []),
        [.. join.State.Speaking.OrderBy(s => s.Value).Select(s => new Speaker(s.Key, true, s.Value))]));

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        MediaPublished e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after),
        MediaSessionUpdated e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after),
        MediaUnpublished e => MeetingNotifications.UpdateToOthers(e.ParticipantId, after),
        PresentersGranted e => e.Participants.SelectMany(p => MeetingNotifications.UpdateToOthers(p, after)
            .Prepend(new Notification(p, Namespaces.Media, new PresenterGranted()))),
        PresentersRevoked e => e.Participants.SelectMany(p => MeetingNotifications.UpdateToOthers(p, after)
            .Prepend(new Notification(p, Namespaces.Media, new PresenterRevoked()))),
        PresenterRoleRequirementSet e => MeetingNotifications.ToRoom(after, Namespaces.Media, new PresenterRoleRequired(e.Required))
            .Concat(after.InRoom.SelectMany(p => MeetingNotifications.UpdateToOthers(p.Id, after))),
        ForceMuteTurnedOn e => MeetingNotifications.ToRoom(after, Namespaces.Media, new ForceMuteEnabled(e.AllowList))
            .Concat(LockChanged(before, after)),
        ForceMuteTurnedOff => MeetingNotifications.ToRoom(after, Namespaces.Media, new ForceMuteDisabled())
            .Concat(LockChanged(before, after)),
        UnmuteAllowedFor e => e.Participants.SelectMany(p => MeetingNotifications.UpdateToOthers(p, after)
            .Prepend(new Notification(p, Namespaces.Media, new UnmuteAllowed(MeetingNotifications.IssuerOf(e))))),
        _ => null,
    };
}
