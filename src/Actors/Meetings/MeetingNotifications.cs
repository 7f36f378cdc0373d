using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A server message for one participant.</summary>
public sealed record Notification(Guid To, string Namespace, ServerPayload Payload);

/// <summary>
/// Who hears about an event and what they are told: each module speaks for its own events, with the helpers
/// here. Pure: computed from the state after the event, so a live update and a recovered meeting speak alike.
/// </summary>
public static class MeetingNotifications
{
    public static IEnumerable<Notification> For(DomainEvent evt, MeetingState before, MeetingState after) =>
        MeetingModules.All.Notify(evt, before, after);

    /// <summary>The participant who wrote an event (<see cref="Guid.Empty"/> for the system).</summary>
    internal static Guid IssuerOf(DomainEvent evt) => Actor.ParticipantOf(evt.By) ?? Guid.Empty;

    /// <summary>
    /// What a participant is told when (re)attached: the full room, or that it waits. Given the last chat
    /// message its client received, the history reaches back to it (if the log still holds it), so a
    /// client that lost live messages while its meeting moved gets every one of them.
    /// </summary>
    public static IEnumerable<Notification> Welcome(Guid participantId, MeetingState state, bool resumed, Guid? lastChatMessage = null) =>
        state.Find(participantId) switch
        {
            null => [],
            // OpenTalk's notes have no part in join_success: their page comes next, as to anyone who joins.
            { Presence: Presence.InRoom, IsHidden: var hidden } => state.Notes is null || hidden
                ? [new Notification(participantId, Namespaces.Control, JoinSuccessFor(participantId, state, resumed, lastChatMessage))]
                : [new Notification(participantId, Namespaces.Control, JoinSuccessFor(participantId, state, resumed, lastChatMessage)),
                    MeetingNotesModule.UrlFor(state, participantId)],
            { Presence: Presence.Accepted } => [new Notification(participantId, Namespaces.Moderation, new Accepted())],
            _ => [new Notification(participantId, Namespaces.Moderation, new InWaitingRoom())],
        };

    public static JoinSuccess JoinSuccessFor(Guid participantId, MeetingState state, bool resumed, Guid? lastChatMessage = null)
    {
        var me = state.Participants[participantId];
        var room = state.Room!;
        return new JoinSuccess(
            me.Id, me.DisplayName, me.Role.ToWire(), state.IsOwner(me.Identity), resumed,
            new RoomInfo(state.RoomId, room.Password is not null, room.WaitingRoom),
            state.InRoom.Where(p => p.Id != participantId)
                .OrderBy(p => p.JoinedAt)
                .Select(p => new ParticipantInfo(p.Id, ControlOf(p, state), MediaOf(p, state))
                {
                    Timer = state.Timer?.Of(p.Id),
                    Recording = RecordingModule.PeerOf(state, p.Id),
                    MeetingNotes = MeetingNotesModule.PeerOf(state, p.Id),
                })
                .ToList())
        {
            Modules = ModulesFor(me, MeetingModules.All.JoinStates(new JoinContext(state, me, lastChatMessage))),
        };
    }

    /// <summary>A hidden service (the recorder) is told what it works with: the media (focus) and its own part; not the chat, polls or votes.</summary>
    private static Dictionary<string, object> ModulesFor(MeetingParticipant me, Dictionary<string, object> modules)
    {
        if (!me.IsHidden)
            return modules;
        return modules.Where(m => m.Key is Namespaces.Media or Namespaces.RecordingService)
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
    }

    /// <summary>A participant's media as others see it: the sessions whose publisher said what they send.</summary>
    public static ParticipantMedia MediaOf(MeetingParticipant p, MeetingState state) => new(
        p.Media.TryGetValue(MediaKind.Video, out var video) && !video.Pending ? new MediaSessionState(video.Audio, video.Video) : null,
        p.Media.TryGetValue(MediaKind.Screen, out var screen) && !screen.Pending ? new MediaSessionState(screen.Audio, screen.Video) : null,
        state.IsPresenter(p), state.IsForceMuted(p.Id));

    public static ControlState ControlOf(MeetingParticipant p, MeetingState state) =>
        new(p.DisplayName, p.Role.ToWire(), p.Identity.Kind.ToWire(), p.HandIsUp, p.HandUpdatedAt, p.JoinedAt,
            state.IsOwner(p.Identity), p.IsConnected);

    /// <summary>
    /// An <c>update</c> about a participant to everyone else in the room. Never to the participant: as in OpenTalk, one
    /// learns about oneself from the messages meant for one (<c>hand_raised</c>, <c>role_updated</c>,
    /// <c>presenter_granted</c>, <c>request_mute</c>, ...); OpenTalk's apps take an <c>update</c> about themselves for
    /// someone else's publication and subscribe to their own stream.
    /// </summary>
    internal static IEnumerable<Notification> UpdateToOthers(Guid id, MeetingState after) =>
        after.Find(id) is { IsInRoom: true, IsHidden: false } p
            ? ToRoom(after, Namespaces.Control, new Update(id, ControlOf(p, after), MediaOf(p, after))
                { Recording = RecordingModule.PeerOf(after, id), MeetingNotes = MeetingNotesModule.PeerOf(after, id) }, except: id)
            : [];

    /// <summary>
    /// To everyone in the room. Hidden services hear the room's comings and goings and its media (<c>control</c>,
    /// <c>media</c>): the recorder follows who is there, what they publish and who speaks.
    /// </summary>
    internal static IEnumerable<Notification> ToRoom(MeetingState state, string ns, ServerPayload payload, Guid? except = null) =>
        (ns is Namespaces.Control or Namespaces.Media ? state.Participants.Values.Where(p => p.IsInRoom) : state.InRoom)
            .Where(p => p.Id != except).Select(p => new Notification(p.Id, ns, payload));

    internal static IEnumerable<Notification> ToModerators(MeetingState state, string ns, ServerPayload payload, Guid? except = null) =>
        state.InRoom.Where(p => p.IsModerator && p.Id != except).Select(p => new Notification(p.Id, ns, payload));
}
