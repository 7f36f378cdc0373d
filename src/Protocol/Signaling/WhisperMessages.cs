namespace OpenTalk.Protocol.Signaling;

public enum WhisperMemberState { Creator, Invited, Accepted }

public static class WhisperActions
{
    public const string Create = "create_whisper_group";
    public const string Invite = "invite_to_whisper_group";
    public const string Accept = "accept_whisper_invite";
    public const string Decline = "decline_whisper_invite";
    public const string Kick = "kick_whisper_participants";
    public const string Leave = "leave_whisper_group";
}

public sealed record WhisperMember(Guid ParticipantId, WhisperMemberState State);

public sealed record WhisperGroupCreated(Guid WhisperId, IReadOnlyList<WhisperMember> Participants) : ServerPayload("whisper_group_created");

public sealed record WhisperInvite(Guid WhisperId, Guid Issuer, IReadOnlyList<WhisperMember> Participants) : ServerPayload("whisper_invite");

public sealed record ParticipantsInvited(Guid WhisperId, IReadOnlyList<Guid> ParticipantIds) : ServerPayload("participants_invited");

public sealed record WhisperInviteAccepted(Guid WhisperId, Guid ParticipantId) : ServerPayload("whisper_invite_accepted");

public sealed record WhisperInviteDeclined(Guid WhisperId, Guid ParticipantId) : ServerPayload("whisper_invite_declined");

public sealed record WhisperKicked(Guid WhisperId) : ServerPayload("kicked");

public sealed record LeftWhisperGroup(Guid WhisperId, Guid ParticipantId) : ServerPayload("left_whisper_group");
