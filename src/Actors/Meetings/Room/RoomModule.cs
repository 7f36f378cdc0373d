using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// The room itself, as its owner (or an admin) configures it through the REST API: password and waiting-room
/// default, guest links, phone call-in, streaming targets, invited moderators, deletion.
/// </summary>
public sealed class RoomModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
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
    ];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        CreateRoom c => state.Room is not null
            ? Decision.Reject(MeetingDecider.AlreadyExists)
            : Accept(new RoomCreated(c.RoomId, c.OwnerId, c.Password, c.WaitingRoom), c.OwnerId, now),
        CreateInvite c => DecideInvite(state, c, now),
        ConfigureSip c when c.UserId != state.Room!.OwnerId => Decision.Reject(ProblemCodes.Forbidden),
        ConfigureSip c => Accept(new SipConfigured(c.SipId, c.Pin), c.UserId, now),
        RemoveSip c when c.UserId != state.Room!.OwnerId => Decision.Reject(ProblemCodes.Forbidden),
        RemoveSip c => state.Sip is null ? Decision.Reject(ProblemCodes.NotFound) : Accept(new SipRemoved(), c.UserId, now),
        SaveStreamingTarget c when !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
        SaveStreamingTarget c => state.StreamingTargets.GetValueOrDefault(c.Target.Id) == c.Target
            ? Decision.Nothing
            : Accept(new StreamingTargetSaved(c.Target), c.UserId, now),
        RemoveStreamingTarget c when !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
        RemoveStreamingTarget c => state.StreamingTargets.ContainsKey(c.TargetId)
            ? Accept(new StreamingTargetRemoved(c.TargetId), c.UserId, now)
            : Decision.Reject(ProblemCodes.NotFound),
        SetInvitedModerators c when !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
        SetInvitedModerators c => state.InvitedModerators.SetEquals(c.Users)
            ? Decision.Nothing
            : Accept(new InvitedModeratorsSet([.. c.Users.Distinct().Order()]), c.UserId, now),
        RevokeInvite c when !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
        RevokeInvite c => state.Invites.ContainsKey(c.Code)
            ? Accept(new InviteRevoked(c.Code), c.UserId, now)
            : Decision.Reject(ProblemCodes.NotFound),
        DeleteRoom c when c.UserId != Guid.Empty && !MayConfigure(state, c.UserId, c.AsAdmin) => Decision.Reject(ProblemCodes.Forbidden),
        DeleteRoom when !state.Participants.IsEmpty => Decision.Reject(ProblemCodes.RoomInUse),
        DeleteRoom c => Decision.Accept(MeetingDecider.Stamp(new RoomDeleted(), c.UserId == Guid.Empty ? Actor.System : Actor.User(c.UserId), now)),
        UpdateRoom c when c.UserId != state.Room!.OwnerId => Decision.Reject(ProblemCodes.Forbidden),
        UpdateRoom c => c.Password == state.Room!.Password && c.WaitingRoom == state.Room.WaitingRoom
            ? Decision.Nothing
            : Accept(new RoomUpdated(c.Password, c.WaitingRoom), c.UserId, now),
        _ => null,
    };

    private static Decision Accept(DomainEvent evt, Guid user, DateTimeOffset now) =>
        Decision.Accept(MeetingDecider.Stamp(evt, Actor.User(user), now));

    private static bool MayConfigure(MeetingState state, Guid user, bool asAdmin) => asAdmin || user == state.Room!.OwnerId;

    private static Decision DecideInvite(MeetingState state, CreateInvite c, DateTimeOffset now)
    {
        if (state.Room!.OwnerId != c.UserId)
            return Decision.Reject(ProblemCodes.Forbidden);
        if (c.Expiration is { } expiration && expiration <= now)
            return Decision.Reject(ProblemCodes.ValidationFailed);
        return Accept(new InviteCreated(c.Code, c.Expiration), c.UserId, now);
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        RoomCreated e => state with { Room = new RoomSettings(e.OwnerId, e.Password, e.WaitingRoom) },
        SipConfigured e => state with { Sip = new SipSettings(e.SipId, e.Pin) },
        SipRemoved => state with { Sip = null },
        StreamingTargetSaved e => state with { StreamingTargets = state.StreamingTargets.SetItem(e.Target.Id, e.Target) },
        StreamingTargetRemoved e => state with { StreamingTargets = state.StreamingTargets.Remove(e.TargetId) },
        InvitedModeratorsSet e => state with { InvitedModerators = [.. e.Users] },
        RoomDeleted => state with { Deleted = true },
        InviteRevoked e => state with { Invites = state.Invites.Remove(e.Code) },
        RoomUpdated e => state with { Room = state.Room! with { Password = e.Password, WaitingRoom = e.WaitingRoom } },
        InviteCreated e => state with
        {
            Invites = state.Invites.SetItem(e.Code, new InviteLink(e.Code, state.Room?.OwnerId ?? Guid.Empty, e.Expiration)),
        },
        _ => null,
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => null;
}
