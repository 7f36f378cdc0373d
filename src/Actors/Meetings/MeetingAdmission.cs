using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Meetings;

/// <summary>Whether a person may start a session in a room. Pure.</summary>
public static class MeetingAdmission
{
    public static MeetingReply Check(MeetingState state, CheckAdmission check, DateTimeOffset now)
    {
        if (state.Room is not { } room || state.Deleted)
            return MeetingReply.Fail(ProblemCodes.NotFound);

        var identity = check.Identity;
        if (identity.Kind == ParticipantKind.Recorder)
            return RecordingModule.AwaitsRecorder(state)
                ? MeetingReply.Ok(new RoomView(state.RoomId, room.OwnerId, room.Password, room.WaitingRoom))
                : MeetingReply.Fail(ProblemCodes.RecorderNotRequested);
        // A phone the room called comes in while its call is under way; a moderator asked for it: no waiting room.
        if (identity is { Kind: ParticipantKind.Sip, CallId: { } callId })
            return DialOutModule.AwaitsCallee(state, callId)
                ? MeetingReply.Ok(new RoomView(state.RoomId, room.OwnerId, room.Password, WaitingRoom: false))
                : MeetingReply.Fail(ProblemCodes.NotFound);
        // A caller's PIN is their key, instead of the room's password (a phone keypad cannot type one).
        if (identity.Kind == ParticipantKind.Sip)
            return state.Sip is { } sip && check.Password is { } pin && PinMatches(sip.Pin, pin)
                ? MeetingReply.Ok(new RoomView(state.RoomId, room.OwnerId, room.Password, room.WaitingRoom))
                : MeetingReply.Fail(ProblemCodes.InvalidCredentials);
        if (identity.Kind == ParticipantKind.Guest
            && (identity.InviteCode is null
                || !state.Invites.TryGetValue(identity.InviteCode, out var invite)
                || !invite.IsValidAt(now)))
            return MeetingReply.Fail(ProblemCodes.InvalidInviteCode);

        if (state.IsBanned(identity))
            return MeetingReply.Fail(ProblemCodes.Banned);

        var needsPassword = room.Password is not null && !state.IsOwner(identity);
        if (needsPassword && !string.Equals(room.Password, check.Password, StringComparison.Ordinal))
            return MeetingReply.Fail(ProblemCodes.WrongRoomPassword);

        return MeetingReply.Ok(new RoomView(state.RoomId, room.OwnerId, room.Password, room.WaitingRoom));
    }

    private static bool PinMatches(string expected, string given) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(given));
}
