namespace OpenTalk.Actors.Meetings;

// The meeting's own vocabulary, as the journal stores it (snake_case names: "moderator", "sent_to_waiting_room").
// The wire protocol has look-alike enums of its own; notifications map these to them (WireNames), so that
// neither can change the other. A member is never renamed or removed once written: add one instead.

public enum MeetingRole { Guest, User, Moderator }

public enum ParticipantKind { User, Guest, Sip, Recorder }

public enum LeaveReason { Quit, Timeout, SentToWaitingRoom, Kicked, Banned }

/// <summary>Who must leave when a moderator begins the debriefing.</summary>
public enum DebriefScope { Guests, UsersAndGuests, All }

public enum MessageScope { Global, Group, Private }

public enum MediaKind { Video, Screen, Whisper }

public enum SpeakerSelection { Playlist, Random, Nomination }

public enum WhisperMembership { Creator, Invited, Accepted }

public enum VoteKind { RollCall, Pseudonymous }

public enum VoteChoice { Yes, No, Abstain }

public enum VoteStopReason { ByParticipant, Auto, Expired }

public enum RoomTimerKind { Stopwatch, Countdown }

public enum RoomTimerStyle { Normal, CoffeeBreak }

public enum RoomTimerStopReason { ByModerator, Expired, AllReady }

/// <summary>Where one of the room's streams (the recording, or a live stream) stands.</summary>
public enum StreamPhase { Inactive, Starting, Active, Paused, Error }
