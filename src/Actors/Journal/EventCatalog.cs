using System.Collections.Frozen;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Actors.Timers;

namespace OpenTalk.Actors.Journal;

/// <summary>
/// The stable name (manifest) of every persisted type. The journal stores these names, never CLR
/// type names, so types can be renamed or moved without breaking replay. Never change a name: add
/// a new version instead.
/// </summary>
public static class EventCatalog
{
    private static readonly (Type Type, string Manifest)[] Entries =
    [
        (typeof(RoomCreated), "meeting.room_created.v1"),
        (typeof(InviteCreated), "meeting.invite_created.v1"),
        (typeof(RoomUpdated), "meeting.room_updated.v1"),
        (typeof(SipConfigured), "meeting.sip_configured.v1"),
        (typeof(SipRemoved), "meeting.sip_removed.v1"),
        (typeof(StreamingTargetSaved), "meeting.streaming_target_saved.v1"),
        (typeof(StreamingTargetRemoved), "meeting.streaming_target_removed.v1"),
        (typeof(InvitedModeratorsSet), "meeting.invited_moderators_set.v1"),
        (typeof(RoomDeleted), "meeting.room_deleted.v1"),
        (typeof(InviteRevoked), "meeting.invite_revoked.v1"),
        (typeof(MediaPublished), "meeting.media_published.v1"),
        (typeof(MediaSessionUpdated), "meeting.media_session_updated.v1"),
        (typeof(MediaUnpublished), "meeting.media_unpublished.v1"),
        (typeof(PresentersGranted), "meeting.presenters_granted.v1"),
        (typeof(PresentersRevoked), "meeting.presenters_revoked.v1"),
        (typeof(PresenterRoleRequirementSet), "meeting.presenter_role_requirement_set.v1"),
        (typeof(UnmuteAllowedFor), "meeting.unmute_allowed.v1"),
        (typeof(WhisperAudioPlaced), "meeting.whisper_audio_placed.v1"),
        (typeof(SipIdClaimed), "sip.claimed.v1"),
        (typeof(SipIdReleased), "sip.released.v1"),
        (typeof(ParticipantJoined), "meeting.participant_joined.v1"),
        (typeof(ParticipantWaiting), "meeting.participant_waiting.v1"),
        (typeof(ParticipantAccepted), "meeting.participant_accepted.v1"),
        (typeof(ParticipantDisconnected), "meeting.participant_disconnected.v1"),
        (typeof(ParticipantReconnected), "meeting.participant_reconnected.v1"),
        (typeof(ParticipantLeft), "meeting.participant_left.v1"),
        (typeof(HandRaised), "meeting.hand_raised.v1"),
        (typeof(HandLowered), "meeting.hand_lowered.v1"),
        (typeof(ModeratorRoleGranted), "meeting.moderator_role_granted.v1"),
        (typeof(ModeratorRoleRevoked), "meeting.moderator_role_revoked.v1"),
        (typeof(ParticipantBanned), "meeting.participant_banned.v1"),
        (typeof(ParticipantSentToWaitingRoom), "meeting.participant_sent_to_waiting_room.v1"),
        (typeof(DebriefingBegan), "meeting.debriefing_began.v1"),
        (typeof(WaitingRoomTurnedOn), "meeting.waiting_room_turned_on.v1"),
        (typeof(WaitingRoomTurnedOff), "meeting.waiting_room_turned_off.v1"),
        (typeof(RaiseHandsTurnedOn), "meeting.raise_hands_turned_on.v1"),
        (typeof(RaiseHandsTurnedOff), "meeting.raise_hands_turned_off.v1"),
        (typeof(DisplayNameSet), "meeting.display_name_set.v1"),
        (typeof(RaisedHandReset), "meeting.raised_hand_reset.v1"),
        (typeof(MuteRequested), "meeting.mute_requested.v1"),
        (typeof(SessionClosed), "meeting.session_closed.v1"),
        (typeof(ChatMessagePosted), "meeting.chat_message_posted.v1"),
        (typeof(ChatTurnedOn), "meeting.chat_turned_on.v1"),
        (typeof(ChatTurnedOff), "meeting.chat_turned_off.v1"),
        (typeof(ChatHistoryCleared), "meeting.chat_history_cleared.v1"),
        (typeof(ChatLastSeenSet), "meeting.chat_last_seen_set.v1"),
        (typeof(AutomodStarted), "meeting.automod_started.v1"),
        (typeof(SpeakerChanged), "meeting.speaker_changed.v1"),
        (typeof(AutomodPlaylistEdited), "meeting.automod_playlist_edited.v1"),
        (typeof(AutomodStopped), "meeting.automod_stopped.v1"),
        (typeof(LegalVoteStarted), "meeting.legal_vote_started.v1"),
        (typeof(LegalVoteCast), "meeting.legal_vote_cast.v1"),
        (typeof(LegalVoteStopped), "meeting.legal_vote_stopped.v1"),
        (typeof(LegalVoteCanceled), "meeting.legal_vote_canceled.v1"),
        (typeof(WhisperGroupFormed), "meeting.whisper_group_formed.v1"),
        (typeof(WhisperInvited), "meeting.whisper_invited.v1"),
        (typeof(WhisperAccepted), "meeting.whisper_accepted.v1"),
        (typeof(WhisperDeclined), "meeting.whisper_declined.v1"),
        (typeof(WhisperKickedOut), "meeting.whisper_kicked_out.v1"),
        (typeof(WhisperLeft), "meeting.whisper_left.v1"),
        (typeof(BreakoutSessionStarted), "meeting.breakout_session_started.v1"),
        (typeof(BreakoutSessionEnded), "meeting.breakout_session_ended.v1"),
        (typeof(BreakoutRoomOpened), "meeting.breakout_room_opened.v1"),
        (typeof(BreakoutRoomClosed), "meeting.breakout_room_closed.v1"),
        (typeof(MeetingState), "meeting.state.v1"),
        (typeof(ParticipantRegistered), "participant.registered.v1"),
        (typeof(TicketIssued), "participant.ticket_issued.v1"),
        (typeof(TicketRedeemed), "participant.ticket_redeemed.v1"),
        (typeof(ResumptionIssued), "participant.resumption_issued.v1"),
        (typeof(ParticipantState), "participant.state.v1"),
        (typeof(EventScheduled), "event.scheduled.v1"),
        (typeof(EventChanged), "event.changed.v1"),
        (typeof(EventCancelled), "event.cancelled.v1"),
        (typeof(InviteeAdded), "event.invitee_added.v1"),
        (typeof(InviteeRemoved), "event.invitee_removed.v1"),
        (typeof(InviteAnswered), "event.invite_answered.v1"),
        (typeof(InstanceChanged), "event.instance_changed.v1"),
        (typeof(FavoriteAdded), "event.favorite_added.v1"),
        (typeof(FavoriteRemoved), "event.favorite_removed.v1"),
        (typeof(EventState), "event.state.v1"),
        (typeof(TimerStarted), "timer.started.v1"),
        (typeof(TimerStopped), "timer.stopped.v1"),
        (typeof(TimerState), "timer.state.v1"),
    ];

    private static readonly (Type Type, string Manifest)[] All = [.. Entries, .. MeetingModules.All.SelectMany(m => m.Events)];

    private static readonly FrozenDictionary<Type, string> ByType =
        All.ToFrozenDictionary(e => e.Type, e => e.Manifest);

    private static readonly FrozenDictionary<string, Type> ByManifest =
        All.ToFrozenDictionary(e => e.Manifest, e => e.Type);

    public static IEnumerable<Type> Types => ByType.Keys;

    public static string ManifestOf(Type type) =>
        ByType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new ArgumentException($"{type.Name} has no journal manifest; add it to {nameof(EventCatalog)}.", nameof(type));

    public static Type TypeOf(string manifest) =>
        ByManifest.TryGetValue(manifest, out var type)
            ? type
            : throw new ArgumentException($"Unknown journal manifest '{manifest}'.", nameof(manifest));
}
