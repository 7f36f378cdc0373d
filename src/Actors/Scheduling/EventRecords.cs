using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Scheduling;

/// <summary>What a scheduled meeting is: its title, times and recurrence. The room is separate and named by id.</summary>
public sealed record EventDetails(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("waiting_room")] bool WaitingRoom,
    [property: JsonPropertyName("is_time_independent")] bool IsTimeIndependent,
    [property: JsonPropertyName("starts_at")] DateTime? StartsAt,
    [property: JsonPropertyName("starts_timezone")] string? StartsTimezone,
    [property: JsonPropertyName("ends_at")] DateTime? EndsAt,
    [property: JsonPropertyName("ends_timezone")] string? EndsTimezone,
    [property: JsonPropertyName("recurrence_pattern")] IReadOnlyList<string> RecurrencePattern)
{
    /// <summary>Shown as whole days (the times still say which); only a timed meeting is.</summary>
    /// <remarks>Written only when set, as is <see cref="ShowMeetingDetails"/>: meetings stored before either existed keep their bytes.</remarks>
    [JsonPropertyName("is_all_day")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsAllDay { get; init; }

    /// <summary>The room shows everyone how to join it (guest link, call-in, streams), as OpenTalk's <c>meeting_details</c>.</summary>
    [JsonPropertyName("show_meeting_details")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ShowMeetingDetails { get; init; }

    public bool Equals(EventDetails? other) =>
        other is not null && (Title, Description, WaitingRoom, IsTimeIndependent, StartsAt, StartsTimezone, EndsAt, EndsTimezone, IsAllDay, ShowMeetingDetails)
            == (other.Title, other.Description, other.WaitingRoom, other.IsTimeIndependent, other.StartsAt, other.StartsTimezone, other.EndsAt, other.EndsTimezone,
                other.IsAllDay, other.ShowMeetingDetails)
        && RecurrencePattern.SequenceEqual(other.RecurrencePattern);

    public override int GetHashCode() => HashCode.Combine(Title, StartsAt, EndsAt);
}

public sealed record EventScheduled(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("created_by")] Guid CreatedBy,
    [property: JsonPropertyName("room_id")] Guid RoomId,
    [property: JsonPropertyName("details")] EventDetails Details) : DomainEvent
{
    /// <summary>Started on the spot rather than planned; removed a day later.</summary>
    [JsonPropertyName("is_adhoc")]
    public bool IsAdhoc { get; init; }
}

public sealed record EventChanged(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("details")] EventDetails Details) : DomainEvent
{
    [JsonPropertyName("suppress_mail")]
    public bool SuppressMail { get; init; }
}

public sealed record EventCancelled([property: JsonPropertyName("event_id")] Guid EventId) : DomainEvent
{
    [JsonPropertyName("suppress_mail")]
    public bool SuppressMail { get; init; }
}

public sealed record ScheduleEvent(ScheduledEventId EventId, UserId UserId, Meetings.RoomId RoomId, EventDetails Details, bool IsAdhoc = false) : IEventCommand;

public sealed record ChangeEvent(ScheduledEventId EventId, UserId UserId, EventDetails Details, bool SuppressMail = false) : IEventCommand;

/// <summary>Cancels the meeting; <see cref="Guid.Empty"/> as the user is the system's clean-up of ad-hoc meetings.</summary>
public sealed record CancelEvent(ScheduledEventId EventId, UserId UserId, bool SuppressMail = false) : IEventCommand;

/// <summary>The meeting as it stands; <paramref name="IncludeCancelled"/> also answers for a cancelled one (for its mails).</summary>
public sealed record GetEvent(ScheduledEventId EventId, bool IncludeCancelled = false) : IEventCommand;

/// <summary>The event as it stands (null when it does not exist or was cancelled), or an error code.</summary>
public sealed record EventReply(EventState? Event, string? Error) : IEngineMessage;
