using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Chat: anyone in the room talks; moderators switch it and clear the history.</summary>
public sealed class ChatModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(ChatMessagePosted), "meeting.chat_message_posted.v1"),
        (typeof(ChatTurnedOn), "meeting.chat_turned_on.v1"),
        (typeof(ChatTurnedOff), "meeting.chat_turned_off.v1"),
        (typeof(ChatHistoryCleared), "meeting.chat_history_cleared.v1"),
        (typeof(ChatLastSeenSet), "meeting.chat_last_seen_set.v1"),
    ];

    /// <summary>The chat history ends with the session (the journal keeps it).</summary>
    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(SessionClosed)];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now)
    {
        if (command is not (SendChatMessage or SetChat or ClearChatHistory or SetChatLastSeen))
            return null;
        if (MeetingDecider.RequireInRoom(state, ((IParticipantCommand)command).ParticipantId, out var me) is { } refused)
            return refused;
        var by = Actor.Participant(me.Id);

        return command switch
        {
            SendChatMessage c => DecideSend(state, me, c, now),
            SetChat c when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            SetChat c => c.Enabled == state.Chat.Enabled
                ? Decision.Nothing
                : Decision.Accept(MeetingDecider.Stamp(c.Enabled ? new ChatTurnedOn() : new ChatTurnedOff(), by, now)),
            ClearChatHistory when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            ClearChatHistory => Decision.Accept(MeetingDecider.Stamp(new ChatHistoryCleared(), by, now)),
            SetChatLastSeen c => Decision.Accept(MeetingDecider.Stamp(
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
            case MessageScope.Private when c.Target is not { } target || target == me.Id || state.Find(target) is not { IsInRoom: true }:
                return Decision.Reject(ErrorCodes.TargetNotFound);
            case MessageScope.Group when c.Group is not { Length: > 0 } group || !me.Identity.IsInGroup(group):
                return Decision.Reject(ErrorCodes.NotInGroup);
        }
        if (state.Chat.Messages.Any(m => m.Id == c.MessageId))
            return Decision.Nothing; // the same message sent twice (a retry)
        return Decision.Accept(MeetingDecider.Stamp(new ChatMessagePosted(c.MessageId, me.Id, content, c.Scope,
            c.Scope == MessageScope.Private ? c.Target : null, c.Scope == MessageScope.Group ? c.Group : null), Actor.Participant(me.Id), now));
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        ChatMessagePosted e => state with
        {
            Chat = state.Chat with
            {
                Messages = state.Chat.Messages.Add(new ChatEntry(e.MessageId, e.Source, e.OccurredAt, e.Content, e.Scope, e.Target, e.Group)),
            },
        },
        ChatTurnedOn => state with { Chat = state.Chat with { Enabled = true } },
        ChatTurnedOff => state with { Chat = state.Chat with { Enabled = false } },
        ChatHistoryCleared e => state with { Chat = state.Chat with { ClearedAt = e.OccurredAt, Messages = [] } },
        ChatLastSeenSet e => state with
        {
            Chat = state.Chat with
            {
                LastSeen = state.Chat.LastSeen.SetItem(e.ParticipantId,
                    state.Chat.LastSeen.GetValueOrDefault(e.ParticipantId, ImmutableDictionary<string, DateTimeOffset>.Empty)
                        .SetItem(e.Conversation, e.Timestamp)),
            },
        },
        // The session's chat goes with it (the journal keeps every message).
        SessionClosed => state with { Chat = ChatLog.Empty },
        _ => null,
    };

    public ModuleJoinState? JoinState(JoinContext join)
    {
        var history = MeetingQueries.Since(join.State, join.Me, join.LastChatMessage, ChatLog.HistoryInJoin);
        return new(Namespaces.Chat, new ChatModuleState(join.State.Chat.Enabled, history.Messages, history.HasMore,
            join.State.Chat.LastSeen.GetValueOrDefault(join.Me.Id)?.ToDictionary() ?? []));
    }

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        ChatMessagePosted e => ChatRecipients(e, after).Select(p => new Notification(p, Namespaces.Chat,
            new MessageSent(e.MessageId, e.Source, e.OccurredAt, e.Content, e.Scope.ToWire(), e.Target, e.Group))),
        ChatTurnedOn e => MeetingNotifications.ToRoom(after, Namespaces.Chat, new ChatEnabled(MeetingNotifications.IssuerOf(e))),
        ChatTurnedOff e => MeetingNotifications.ToRoom(after, Namespaces.Chat, new ChatDisabled(MeetingNotifications.IssuerOf(e))),
        ChatHistoryCleared e => MeetingNotifications.ToRoom(after, Namespaces.Chat, new HistoryCleared(MeetingNotifications.IssuerOf(e))),
        _ => null,
    };

    /// <summary>A private message reaches its two people; a group message the group's members in the room.</summary>
    private static IEnumerable<Guid> ChatRecipients(ChatMessagePosted e, MeetingState state) => e.Scope switch
    {
        MessageScope.Private => [e.Source, e.Target!.Value],
        MessageScope.Group => state.InRoom.Where(p => p.Identity.IsInGroup(e.Group!)).Select(p => p.Id),
        _ => state.InRoom.Select(p => p.Id),
    };
}
