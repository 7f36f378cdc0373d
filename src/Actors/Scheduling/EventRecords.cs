using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Scheduling;

/// <summary>What a scheduled meeting is: its title, times and recurrence. The room is separate and named by id.</summary>
public sealed record EventDetails(
    string Title,
    string Description,
    bool WaitingRoom,
    bool IsTimeIndependent,
    DateTime? StartsAt,
    string? StartsTimezone,
    DateTime? EndsAt,
    string? EndsTimezone,
    IReadOnlyList<string> RecurrencePattern)
{
    public bool Equals(EventDetails? other) =>
        other is not null && (Title, Description, WaitingRoom, IsTimeIndependent, StartsAt, StartsTimezone, EndsAt, EndsTimezone)
            == (other.Title, other.Description, other.WaitingRoom, other.IsTimeIndependent, other.StartsAt, other.StartsTimezone, other.EndsAt, other.EndsTimezone)
        && RecurrencePattern.SequenceEqual(other.RecurrencePattern);

    public override int GetHashCode() => HashCode.Combine(Title, StartsAt, EndsAt);
}

public sealed record EventScheduled(Guid EventId, Guid CreatedBy, Guid RoomId, EventDetails Details) : DomainEvent;

public sealed record EventChanged(Guid EventId, EventDetails Details) : DomainEvent;

public sealed record EventCancelled(Guid EventId) : DomainEvent;

public sealed record ScheduleEvent(Guid EventId, Guid UserId, Guid RoomId, EventDetails Details) : IWithEventId;

public sealed record ChangeEvent(Guid EventId, Guid UserId, EventDetails Details) : IWithEventId;

public sealed record CancelEvent(Guid EventId, Guid UserId) : IWithEventId;

public sealed record GetEvent(Guid EventId) : IWithEventId;

/// <summary>The event as it stands (null when it does not exist or was cancelled), or an error code.</summary>
public sealed record EventReply(EventState? Event, string? Error) : IEngineMessage;
