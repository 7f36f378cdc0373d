using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Whisper groups: anyone in the room forms one and invites others; the creator may remove members.</summary>
public sealed class WhisperModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(WhisperGroupFormed), "meeting.whisper_group_formed.v1"),
        (typeof(WhisperInvited), "meeting.whisper_invited.v1"),
        (typeof(WhisperAccepted), "meeting.whisper_accepted.v1"),
        (typeof(WhisperDeclined), "meeting.whisper_declined.v1"),
        (typeof(WhisperKickedOut), "meeting.whisper_kicked_out.v1"),
        (typeof(WhisperLeft), "meeting.whisper_left.v1"),
    ];

    /// <summary>Who leaves the room leaves every whisper group.</summary>
    public IReadOnlyList<Type> ReactsTo { get; } = [typeof(ParticipantLeft), typeof(ParticipantSentToWaitingRoom)];

    public const int MaxWhisperGroupSize = 32;

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now)
    {
        if (command is not (CreateWhisperGroup or InviteToWhisperGroup or AnswerWhisperInvite or KickFromWhisperGroup or LeaveWhisperGroup))
            return null;
        if (MeetingDecider.RequireInRoom(state, ((IParticipantCommand)command).ParticipantId, out var me) is { } refused)
            return refused;
        var by = Actor.Participant(me.Id);
        DomainEvent At(DomainEvent evt) => MeetingDecider.Stamp(evt, by, now);

        if (command is CreateWhisperGroup create)
        {
            var invited = create.Invite.Distinct().Where(id => id != me.Id).ToList();
            if (invited.Count == 0 || invited.Count >= MaxWhisperGroupSize || !MeetingDecider.AllInRoom(state, invited) || state.Whispers.ContainsKey(create.WhisperId))
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
            InviteToWhisperGroup when mine == WhisperMembership.Invited => Decision.Reject(ErrorCodes.NotInvited),
            InviteToWhisperGroup c => c.Invite.Distinct().Where(id => !group.Members.ContainsKey(id)).ToList() is var fresh
                && fresh.Count > 0 && MeetingDecider.AllInRoom(state, fresh) && group.Members.Count + fresh.Count <= MaxWhisperGroupSize
                    ? Decision.Accept(At(new WhisperInvited(group.WhisperId, fresh)))
                    : Decision.Reject(ErrorCodes.TargetNotFound),
            AnswerWhisperInvite when mine != WhisperMembership.Invited => Decision.Reject(ErrorCodes.NotInvited),
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

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        WhisperGroupFormed e => state with
        {
            Whispers = state.Whispers.SetItem(e.WhisperId, new WhisperGroup(e.WhisperId, e.Creator,
                e.Invited.ToImmutableDictionary(id => id, _ => WhisperMembership.Invited).SetItem(e.Creator, WhisperMembership.Creator))),
        },
        WhisperInvited e => ChangeWhisper(state, e.WhisperId, g => g with
        {
            Members = g.Members.SetItems(e.Invited.Select(id => KeyValuePair.Create(id, WhisperMembership.Invited))),
        }),
        WhisperAccepted e => ChangeWhisper(state, e.WhisperId, g => g with { Members = g.Members.SetItem(e.ParticipantId, WhisperMembership.Accepted) }),
        WhisperDeclined e => ChangeWhisper(state, e.WhisperId, g => g.Without(e.ParticipantId)),
        WhisperKickedOut e => ChangeWhisper(state, e.WhisperId, g => g.Without(e.ParticipantId)),
        WhisperLeft e => ChangeWhisper(state, e.WhisperId, g => g.Without(e.ParticipantId)),
        // Out of the room means out of every whisper group.
        ParticipantLeft e => state with { Whispers = WithoutMember(state.Whispers, e.ParticipantId) },
        ParticipantSentToWaitingRoom e => state with { Whispers = WithoutMember(state.Whispers, e.ParticipantId) },
        _ => null,
    };

    /// <summary>Changes a whisper group; one whose creator is gone closes.</summary>
    private static MeetingState ChangeWhisper(MeetingState state, Guid id, Func<WhisperGroup, WhisperGroup> change)
    {
        if (!state.Whispers.TryGetValue(id, out var group))
            return state;
        var changed = change(group);
        return state with { Whispers = changed.IsOver ? state.Whispers.Remove(id) : state.Whispers.SetItem(id, changed) };
    }

    private static ImmutableDictionary<Guid, WhisperGroup> WithoutMember(ImmutableDictionary<Guid, WhisperGroup> whispers, Guid participant) =>
        whispers.Values.Where(g => g.Members.ContainsKey(participant))
            .Aggregate(whispers, (all, g) => g.Without(participant) is { IsOver: false } left ? all.SetItem(g.WhisperId, left) : all.Remove(g.WhisperId));

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        WhisperGroupFormed e => WhisperFormed(e, after),
        WhisperInvited e => WhisperInvites(e, before, after),
        WhisperAccepted e => ToWhisper(before, e.WhisperId, new WhisperInviteAccepted(e.WhisperId, e.ParticipantId)),
        WhisperDeclined e => ToWhisper(before, e.WhisperId, new WhisperInviteDeclined(e.WhisperId, e.ParticipantId)),
        WhisperKickedOut e => ToWhisper(before, e.WhisperId, new LeftWhisperGroup(e.WhisperId, e.ParticipantId), except: e.ParticipantId)
            .Prepend(new Notification(e.ParticipantId, Namespaces.SubroomAudio, new WhisperKicked(e.WhisperId))),
        WhisperLeft e => ToWhisper(before, e.WhisperId, new LeftWhisperGroup(e.WhisperId, e.ParticipantId)),
        _ => null,
    };

    private static IEnumerable<Notification> WhisperFormed(WhisperGroupFormed e, MeetingState after)
    {
        var group = after.Whispers[e.WhisperId];
        return e.Invited.Select(id => new Notification(id, Namespaces.SubroomAudio, new WhisperInvite(e.WhisperId, e.Creator, group.View())))
            .Prepend(new Notification(e.Creator, Namespaces.SubroomAudio, new WhisperGroupCreated(e.WhisperId, group.View())));
    }

    private static IEnumerable<Notification> WhisperInvites(WhisperInvited e, MeetingState before, MeetingState after)
    {
        var group = after.Whispers[e.WhisperId];
        var issuer = Actor.ParticipantOf(e.By) ?? group.Creator;
        return ToWhisper(before, e.WhisperId, new ParticipantsInvited(e.WhisperId, e.Invited))
            .Concat(e.Invited.Select(id => new Notification(id, Namespaces.SubroomAudio, new WhisperInvite(e.WhisperId, issuer, group.View()))));
    }

    /// <summary>Only the group's members (as they were before the event) hear about it.</summary>
    private static IEnumerable<Notification> ToWhisper(MeetingState before, Guid whisperId, ServerPayload payload, Guid? except = null) =>
        before.Whispers.TryGetValue(whisperId, out var group)
            ? group.Members.Keys.Where(id => id != except).Select(id => new Notification(id, Namespaces.SubroomAudio, payload))
            : [];
}
