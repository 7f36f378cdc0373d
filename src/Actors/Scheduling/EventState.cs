using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Scheduling;

/// <summary>A scheduled meeting (an "event" in the REST API). Immutable; changed only by <see cref="Evolve"/>.</summary>
public sealed record EventState(
    Guid EventId,
    Guid CreatedBy,
    Guid RoomId,
    EventDetails? Details,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Cancelled,
    int Revision,
    string LastHash) : IChainedState<EventState>
{
    public System.Collections.Immutable.ImmutableDictionary<string, Invitee> Invitees { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<string, Invitee>.Empty;

    /// <summary>The creator and every invited user (declined or not) may read the meeting.</summary>
    public bool MayRead(Guid user) => user == CreatedBy || Invitees.ContainsKey(Invitee.UserKey(user));

    public static EventState Empty(Guid id) => new(id, Guid.Empty, Guid.Empty, null, default, default, false, 0, HashChain.Genesis);

    public bool Exists => Details is not null && !Cancelled;

    public EventState WithLastHash(string hash) => this with { LastHash = hash };

    public static EventState Evolve(EventState state, DomainEvent evt) => evt switch
    {
        EventScheduled e => state with
        {
            CreatedBy = e.CreatedBy, RoomId = e.RoomId, Details = e.Details, CreatedAt = e.OccurredAt, UpdatedAt = e.OccurredAt, Revision = 1,
        },
        EventChanged e => state with { Details = e.Details, UpdatedAt = e.OccurredAt, Revision = state.Revision + 1 },
        EventCancelled e => state with { Cancelled = true, UpdatedAt = e.OccurredAt },
        InviteeAdded e => state with { Invitees = state.Invitees.SetItem(e.Invitee, new Invitee(e.Invitee, e.Role, InviteStatus.Pending)) },
        InviteeRemoved e => state with { Invitees = state.Invitees.Remove(e.Invitee) },
        InviteAnswered e => state.Invitees.TryGetValue(e.Invitee, out var invitee)
            ? state with { Invitees = state.Invitees.SetItem(e.Invitee, invitee with { Status = e.Status }) }
            : state,
        _ => throw new ArgumentException($"An event cannot apply {evt.GetType().Name}.", nameof(evt)),
    };

    public static Meetings.Decision Decide(EventState state, object command, DateTimeOffset now) => command switch
    {
        ScheduleEvent when state.Details is not null => Meetings.Decision.Reject(Meetings.MeetingDecider.AlreadyExists),
        ScheduleEvent c => Meetings.Decision.Accept(new EventScheduled(c.EventId, c.UserId, c.RoomId, c.Details) { OccurredAt = now, By = Actor.User(c.UserId) }),
        ChangeEvent or CancelEvent when !state.Exists => Meetings.Decision.Reject(ProblemCodes.NotFound),
        ChangeEvent c when c.UserId != state.CreatedBy => Meetings.Decision.Reject(ProblemCodes.Forbidden),
        ChangeEvent c => c.Details.Equals(state.Details)
            ? Meetings.Decision.Nothing
            : Meetings.Decision.Accept(new EventChanged(c.EventId, c.Details) { OccurredAt = now, By = Actor.User(c.UserId) }),
        CancelEvent c when c.UserId != state.CreatedBy => Meetings.Decision.Reject(ProblemCodes.Forbidden),
        InviteToEvent or UninviteFromEvent or AnswerEventInvite when !state.Exists => Meetings.Decision.Reject(ProblemCodes.NotFound),
        InviteToEvent c when c.UserId != state.CreatedBy => Meetings.Decision.Reject(ProblemCodes.Forbidden),
        InviteToEvent c when c.Invitee == Invitee.UserKey(state.CreatedBy) => Meetings.Decision.Reject(ProblemCodes.ValidationFailed),
        InviteToEvent c => state.Invitees.TryGetValue(c.Invitee, out var existing) && existing.Role == c.Role
            ? Meetings.Decision.Nothing
            : Meetings.Decision.Accept(new InviteeAdded(c.EventId, c.Invitee, c.Role) { OccurredAt = now, By = Actor.User(c.UserId) }),
        UninviteFromEvent c when c.UserId != state.CreatedBy => Meetings.Decision.Reject(ProblemCodes.Forbidden),
        UninviteFromEvent c => state.Invitees.ContainsKey(c.Invitee)
            ? Meetings.Decision.Accept(new InviteeRemoved(c.EventId, c.Invitee) { OccurredAt = now, By = Actor.User(c.UserId) })
            : Meetings.Decision.Reject(ProblemCodes.NotFound),
        AnswerEventInvite c => state.Invitees.TryGetValue(Invitee.UserKey(c.UserId), out var mine)
            ? mine.Status == c.Status
                ? Meetings.Decision.Nothing
                : Meetings.Decision.Accept(new InviteAnswered(c.EventId, mine.Key, c.Status) { OccurredAt = now, By = Actor.User(c.UserId) })
            : Meetings.Decision.Reject(ProblemCodes.NotFound),
        CancelEvent c => Meetings.Decision.Accept(new EventCancelled(c.EventId) { OccurredAt = now, By = Actor.User(c.UserId) }),
        _ => throw new ArgumentException($"An event cannot decide {command.GetType().Name}.", nameof(command)),
    };
}
