using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Whisper groups: anyone in the room forms one and invites others; the creator may remove members.</summary>
public static partial class MeetingDecider
{
    public const int MaxWhisperGroupSize = 32;

    private static Decision? DecideWhisper(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (command is not (CreateWhisperGroup or InviteToWhisperGroup or AnswerWhisperInvite or KickFromWhisperGroup or LeaveWhisperGroup))
            return null;
        if (state.Find(command.ParticipantId) is not { IsInRoom: true } me)
            return Decision.Reject(ErrorCodes.NotJoined);
        var by = Actor.Participant(me.Id);
        DomainEvent At(DomainEvent evt) => Stamp(evt, by, now);

        if (command is CreateWhisperGroup create)
        {
            var invited = create.Invite.Distinct().Where(id => id != me.Id).ToList();
            if (invited.Count == 0 || invited.Count >= MaxWhisperGroupSize || !AllInRoom(state, invited) || state.Whispers.ContainsKey(create.WhisperId))
                return Decision.Reject(ErrorCodes.TargetNotFound);
            return Decision.Accept(At(new WhisperGroupFormed(create.WhisperId, me.Id, invited)));
        }

        var whisperId = command switch
        {
            InviteToWhisperGroup c => c.WhisperId,
            AnswerWhisperInvite c => c.WhisperId,
            KickFromWhisperGroup c => c.WhisperId,
            LeaveWhisperGroup c => c.WhisperId,
            _ => Guid.Empty,
        };
        // Someone outside a group cannot tell it from one that does not exist.
        if (!state.Whispers.TryGetValue(whisperId, out var group) || !group.Members.TryGetValue(me.Id, out var mine))
            return Decision.Reject(ErrorCodes.NoSuchWhisperGroup);

        return command switch
        {
            InviteToWhisperGroup when mine == WhisperMemberState.Invited => Decision.Reject(ErrorCodes.NotInvited),
            InviteToWhisperGroup c => c.Invite.Distinct().Where(id => !group.Members.ContainsKey(id)).ToList() is var fresh
                && fresh.Count > 0 && AllInRoom(state, fresh) && group.Members.Count + fresh.Count <= MaxWhisperGroupSize
                    ? Decision.Accept(At(new WhisperInvited(group.WhisperId, fresh)))
                    : Decision.Reject(ErrorCodes.TargetNotFound),
            AnswerWhisperInvite when mine != WhisperMemberState.Invited => Decision.Reject(ErrorCodes.NotInvited),
            AnswerWhisperInvite c => Decision.Accept(At(c.Accept
                ? new WhisperAccepted(group.WhisperId, me.Id)
                : new WhisperDeclined(group.WhisperId, me.Id))),
            KickFromWhisperGroup when group.Creator != me.Id => Decision.Reject(ErrorCodes.InsufficientPermissions),
            KickFromWhisperGroup c => c.Targets.Distinct().Where(id => id != me.Id && group.Members.ContainsKey(id)).ToList() is { Count: > 0 } kicked
                ? Decision.Accept([.. kicked.Select(id => At(new WhisperKickedOut(group.WhisperId, id)))])
                : Decision.Reject(ErrorCodes.TargetNotFound),
            LeaveWhisperGroup => Decision.Accept(At(new WhisperLeft(group.WhisperId, me.Id))),
            _ => null,
        };
    }
}
