using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Chat: anyone in the room talks; moderators switch it and clear the history.</summary>
public static partial class MeetingDecider
{
    private static Decision? DecideChat(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (command is not (SendChatMessage or SetChat or ClearChatHistory or SetChatLastSeen))
            return null;
        if (state.Find(command.ParticipantId) is not { IsInRoom: true } me)
            return Decision.Reject(ErrorCodes.NotJoined);
        var by = Actor.Participant(me.Id);

        return command switch
        {
            SendChatMessage c => DecideSend(state, me, c, now),
            SetChat c when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            SetChat c => c.Enabled == state.Chat.Enabled
                ? Decision.Nothing
                : Decision.Accept(Stamp(c.Enabled ? new ChatTurnedOn() : new ChatTurnedOff(), by, now)),
            ClearChatHistory when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            ClearChatHistory => Decision.Accept(Stamp(new ChatHistoryCleared(), by, now)),
            SetChatLastSeen c => Decision.Accept(Stamp(
                new ChatLastSeenSet(me.Id, ChatLog.Conversation(c.Scope, c.Target, c.Group), c.Timestamp), by, now)),
            _ => null,
        };
    }

    private static Decision DecideSend(MeetingState state, MeetingParticipant me, SendChatMessage c, DateTimeOffset now)
    {
        if (!state.Chat.Enabled)
            return Decision.Reject(ErrorCodes.ChatDisabled);
        var content = c.Content.Trim();
        if (content.Length == 0)
            return Decision.Reject(ErrorCodes.EmptyMessage);
        if (content.Length > ChatLog.MaxContentLength)
            return Decision.Reject(ErrorCodes.MessageTooLong);
        switch (c.Scope)
        {
            case ChatScope.Private when c.Target is not { } target || target == me.Id || state.Find(target) is not { IsInRoom: true }:
                return Decision.Reject(ErrorCodes.TargetNotFound);
            case ChatScope.Group when c.Group is not { Length: > 0 } group || !me.Identity.IsInGroup(group):
                return Decision.Reject(ErrorCodes.NotInGroup);
        }
        if (state.Chat.Messages.Any(m => m.Id == c.MessageId))
            return Decision.Nothing; // the same message sent twice (a retry)
        return Decision.Accept(Stamp(new ChatMessagePosted(c.MessageId, me.Id, content, c.Scope,
            c.Scope == ChatScope.Private ? c.Target : null, c.Scope == ChatScope.Group ? c.Group : null), Actor.Participant(me.Id), now));
    }
}
