namespace OpenTalk.Protocol.Signaling;

/// <summary>Every signaling error code the server sends, in one place.</summary>
public static class ErrorCodes
{
    // Envelope and transport
    public const string InvalidJson = "invalid_json";
    public const string InvalidEnvelope = "invalid_envelope";
    public const string UnknownNamespace = "unknown_namespace";
    public const string UnknownAction = "unknown_action";
    public const string InvalidPayload = "invalid_payload";
    public const string MessageTooLarge = "message_too_large";
    public const string BinaryNotSupported = "binary_not_supported";
    public const string RateLimitExceeded = "rate_limit_exceeded";
    public const string NotJoined = "not_joined";
    public const string AlreadyJoined = "already_joined";

    // Control
    public const string InvalidDisplayName = "invalid_display_name";
    public const string InsufficientPermissions = "insufficient_permissions";
    public const string TargetNotFound = "target_not_found";
    public const string NotInWaitingRoom = "not_in_waiting_room";
    public const string NotAccepted = "not_accepted";

    /// <summary>The room holds as many people as the tariff allows (<c>Tariff:RoomParticipantLimit</c>); sent as <c>join_blocked</c>.</summary>
    public const string ParticipantLimitReached = "participant_limit_reached";

    /// <summary>The tariff does not offer this meeting module (<c>Tariff:Modules</c>).</summary>
    public const string ModuleNotEnabled = "module_not_enabled";
    public const string RaiseHandsDisabled = "raise_hands_disabled";
    public const string CannotChangeOwnRole = "cannot_change_own_role";
    public const string GuestCannotBeModerator = "guest_cannot_be_moderator";
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>The meeting's journal cannot be written (database down): nothing changed, try again shortly.</summary>
    public const string StorageUnavailable = "storage_unavailable";

    /// <summary>The meeting is moving to another node or restarting: nothing changed, try again shortly.</summary>
    public const string MeetingUnavailable = "meeting_unavailable";
    public const string Banned = "banned";
    public const string ChatDisabled = "chat_disabled";
    public const string TimerAlreadyRunning = "timer_already_running";
    public const string PollAlreadyRunning = "poll_already_running";
    public const string AutomodAlreadyRunning = "automod_already_running";
    public const string VoteAlreadyRunning = "vote_already_running";
    public const string NoSuchWhisperGroup = "no_such_whisper_group";
    public const string BreakoutAlreadyRunning = "breakout_already_running";
    public const string NoBreakoutRunning = "no_breakout_running";
    public const string InvalidBreakout = "invalid_breakout";
    public const string NotInvited = "not_invited";
    public const string NoVoteRunning = "no_vote_running";
    public const string NotAllowedToVote = "not_allowed_to_vote";
    public const string InvalidToken = "invalid_token";
    public const string AbstainDisabled = "abstain_disabled";
    public const string AutomodNotRunning = "automod_not_running";
    public const string NotTheSpeaker = "not_the_speaker";
    public const string NoEligibleSpeaker = "no_eligible_speaker";
    public const string NoPollRunning = "no_poll_running";
    public const string InvalidPoll = "invalid_poll";
    public const string InvalidChoice = "invalid_choice";
    public const string AlreadyVoted = "already_voted";
    public const string NoTimerRunning = "no_timer_running";
    public const string InvalidDuration = "invalid_duration";
    public const string ReadyCheckDisabled = "ready_check_disabled";
    public const string EmptyMessage = "empty_message";
    public const string MessageTooLong = "message_too_long";
    public const string NotInGroup = "not_in_group";
    public const string CannotTargetRoomOwner = "cannot_target_room_owner";
    public const string CannotTargetSelf = "cannot_target_self";
    public const string OnlyGuestsCanBeRenamed = "only_guests_can_be_renamed";

    // Media
    public const string InvalidSdp = "invalid_sdp";
    public const string NoUsableCodec = "no_usable_codec";
    public const string NotPublishing = "not_publishing";
    public const string NoSuchMediaSession = "no_such_media_session";
    public const string NotPresenter = "permission_denied";
    public const string ForceMuted = "force_muted";
    public const string MediaUnavailable = "media_unavailable";
    public const string NotSubscribed = "not_subscribed";

    /// <summary>(ours) A number to dial that is none: digits only, with a leading + at most, 3 to 20 of them.</summary>
    public const string InvalidPhoneNumber = "invalid_phone_number";

    /// <summary>(ours) A room dials at most a few phones at once.</summary>
    public const string TooManyCalls = "too_many_calls";

    /// <summary>A stream id that is not one of the room's (OpenTalk's code).</summary>
    public const string InvalidStreamingId = "invalid_streaming_id";

    /// <summary>Pausing a stream that does not run (OpenTalk's code).</summary>
    public const string RecorderNotStarted = "recorder_not_started";

    /// <summary>A recorder that came when none was asked for, or while another one works.</summary>
    public const string RecorderNotRequested = "recorder_not_requested";

    /// <summary>(to the recorder) The participant has not agreed to be recorded.</summary>
    public const string NoRecordingConsent = "no_recording_consent";

    /// <summary>Meeting notes: writers chosen among people who are not in the room, or none at all (OpenTalk's code).</summary>
    public const string InvalidParticipantSelection = "invalid_participant_selection";

    /// <summary>Meeting notes or the whiteboard asked for before they were started (OpenTalk's code).</summary>
    public const string NotInitialized = "not_initialized";

    /// <summary>The whiteboard is open already (OpenTalk's code).</summary>
    public const string AlreadyInitialized = "already_initialized";
}
