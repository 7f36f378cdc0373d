using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Scheduling;

/// <summary>A scheduled meeting (an "event" in the REST API). Immutable; changed only by <see cref="Evolve"/>.</summary>
public sealed record EventState(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("created_by")] Guid CreatedBy,
    [property: JsonPropertyName("room_id")] Guid RoomId,
    [property: JsonPropertyName("details")] EventDetails? Details,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("cancelled")] bool Cancelled,
    [property: JsonPropertyName("revision")] int Revision,
    [property: JsonPropertyName("last_hash")] string LastHash) : IChainedState<EventState>
{
    [JsonPropertyName("invitees")]
    public ImmutableDictionary<string, Invitee> Invitees { get; init; } = ImmutableDictionary<string, Invitee>.Empty;

    /// <summary>Moved, retitled or cancelled occurrences, by instance id.</summary>
    [JsonPropertyName("exceptions")]
    public ImmutableDictionary<string, InstanceException> Exceptions { get; init; } = ImmutableDictionary<string, InstanceException>.Empty;

    /// <summary>Users who starred the meeting.</summary>
    [JsonPropertyName("favorites")]
    public ImmutableHashSet<Guid> Favorites { get; init; } = [];

    [JsonPropertyName("is_adhoc")]
    public bool IsAdhoc { get; init; }

    /// <summary>The creator and every invited user (declined or not) may read the meeting.</summary>
    public bool MayRead(Guid user) => user == CreatedBy || Invitees.ContainsKey(Invitee.UserKey(user));

    public static EventState Empty(Guid id) => new(id, Guid.Empty, Guid.Empty, null, default, default, false, 0, HashChain.Genesis);

    [JsonPropertyName("exists")]
    public bool Exists => Details is not null && !Cancelled;

    public EventState WithLastHash(string hash) => this with { LastHash = hash };

    public static EventState Evolve(EventState state, DomainEvent evt) => evt switch
    {
        EventScheduled e => state with
        {
            CreatedBy = e.CreatedBy, RoomId = e.RoomId, Details = e.Details, CreatedAt = e.OccurredAt, UpdatedAt = e.OccurredAt,
            Revision = 1, IsAdhoc = e.IsAdhoc,
        },
        EventChanged e => state with
        {
            Details = e.Details, UpdatedAt = e.OccurredAt, Revision = state.Revision + 1,
            // Exceptions name occurrences of the old series; a new time or rule makes other occurrences.
            Exceptions = SameSeries(state.Details!, e.Details) ? state.Exceptions : state.Exceptions.Clear(),
        },
        EventCancelled e => state with { Cancelled = true, UpdatedAt = e.OccurredAt, Revision = state.Revision + 1 },
        InstanceChanged e => state with
        {
            Exceptions = state.Exceptions.SetItem(e.Exception.InstanceId, e.Exception), UpdatedAt = e.OccurredAt, Revision = state.Revision + 1,
        },
        InviteeAdded e => state with
        {
            Invitees = state.Invitees.SetItem(e.Invitee, state.Invitees.TryGetValue(e.Invitee, out var before)
                ? before with { Role = e.Role }
                : new Invitee(e.Invitee, e.Role, InviteeStatus.Pending) { GuestCode = e.GuestCode }),
        },
        InviteeRemoved e => state with { Invitees = state.Invitees.Remove(e.Invitee) },
        InviteAnswered e => state.Invitees.TryGetValue(e.Invitee, out var invitee)
            ? state with { Invitees = state.Invitees.SetItem(e.Invitee, invitee with { Status = e.Status }) }
            : state,
        FavoriteAdded e => state with { Favorites = state.Favorites.Add(e.UserId) },
        FavoriteRemoved e => state with { Favorites = state.Favorites.Remove(e.UserId) },
        _ => throw new ArgumentException($"An event cannot apply {evt.GetType().Name}.", nameof(evt)),
    };

    /// <summary>Whether two versions of a meeting have the same occurrences (so their exceptions still apply).</summary>
    public static bool SameSeries(EventDetails before, EventDetails after) =>
        (before.IsTimeIndependent, before.StartsAt, before.StartsTimezone) == (after.IsTimeIndependent, after.StartsAt, after.StartsTimezone)
        && before.RecurrencePattern.SequenceEqual(after.RecurrencePattern);

    public static Decision Decide(EventState state, object command, DateTimeOffset now)
    {
        DomainEvent By(Guid user, DomainEvent evt) => evt with { OccurredAt = now, By = user == Guid.Empty ? Actor.System : Actor.User(user) };

        return command switch
        {
            ScheduleEvent when state.Details is not null => Decision.Reject(MeetingDecider.AlreadyExists),
            ScheduleEvent c => Decision.Accept(By(c.UserId, new EventScheduled(c.EventId, c.UserId, c.RoomId, c.Details) { IsAdhoc = c.IsAdhoc })),
            _ when !state.Exists => Decision.Reject(ProblemCodes.NotFound),
            MarkFavorite c when !state.MayRead(c.UserId) => Decision.Reject(ProblemCodes.Forbidden),
            MarkFavorite c => state.Favorites.Contains(c.UserId) == c.Favorite
                ? Decision.Nothing
                : Decision.Accept(By(c.UserId, c.Favorite ? new FavoriteAdded(c.EventId, c.UserId) : new FavoriteRemoved(c.EventId, c.UserId))),
            AnswerEventInvite c => state.Invitees.TryGetValue(Invitee.UserKey(c.UserId), out var mine)
                ? mine.Status == c.Status
                    ? Decision.Nothing
                    : Decision.Accept(By(c.UserId, new InviteAnswered(c.EventId, mine.Key, c.Status)))
                : Decision.Reject(ProblemCodes.NotFound),
            CancelEvent c when c.UserId == Guid.Empty || c.UserId == state.CreatedBy =>
                Decision.Accept(By(c.UserId, new EventCancelled(c.EventId) { SuppressMail = c.SuppressMail })),
            _ when CreatorOf(command) != state.CreatedBy => Decision.Reject(ProblemCodes.Forbidden),
            ChangeEvent c => c.Details.Equals(state.Details)
                ? Decision.Nothing
                : Decision.Accept(By(c.UserId, new EventChanged(c.EventId, c.Details) { SuppressMail = c.SuppressMail })),
            ChangeInstance c => DecideInstance(state, c, By),
            InviteToEvent c when c.Invitee == Invitee.UserKey(state.CreatedBy) => Decision.Reject(ProblemCodes.ValidationFailed),
            InviteToEvent c => state.Invitees.TryGetValue(c.Invitee, out var existing)
                ? existing.Role == c.Role
                    ? Decision.Nothing
                    : Decision.Accept(By(c.UserId, new InviteeAdded(c.EventId, c.Invitee, c.Role) { SuppressMail = true, RoleChange = true }))
                : Decision.Accept(By(c.UserId, new InviteeAdded(c.EventId, c.Invitee, c.Role) { SuppressMail = c.SuppressMail, GuestCode = c.GuestCode })),
            UninviteFromEvent c => state.Invitees.ContainsKey(c.Invitee)
                ? Decision.Accept(By(c.UserId, new InviteeRemoved(c.EventId, c.Invitee) { SuppressMail = c.SuppressMail }))
                : Decision.Reject(ProblemCodes.NotFound),
            _ => throw new ArgumentException($"An event cannot decide {command.GetType().Name}.", nameof(command)),
        };
    }

    private static Decision DecideInstance(EventState state, ChangeInstance c, Func<Guid, DomainEvent, DomainEvent> by)
    {
        if (!Recurrence.HasInstance(state.Details!, c.Exception.InstanceId))
            return Decision.Reject(ProblemCodes.NotFound);
        return state.Exceptions.GetValueOrDefault(c.Exception.InstanceId) == c.Exception
            ? Decision.Nothing
            : Decision.Accept(by(c.UserId, new InstanceChanged(c.EventId, c.Exception) { SuppressMail = c.SuppressMail }));
    }

    private static Guid? CreatorOf(object command) => command switch
    {
        ChangeEvent c => c.UserId,
        ChangeInstance c => c.UserId,
        CancelEvent c => c.UserId,
        InviteToEvent c => c.UserId,
        UninviteFromEvent c => c.UserId,
        _ => null,
    };
}
