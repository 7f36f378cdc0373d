using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Scheduling;

/// <summary>Someone invited: a registered user (<c>user:{id}</c>) or an e-mail address (<c>email:{address}</c>).</summary>
public sealed record Invitee(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("role")] InviteeRole Role,
    [property: JsonPropertyName("status")] InviteeStatus Status)
{
    /// <summary>For someone invited by e-mail: the room's guest link made for them (revoked when they are uninvited).</summary>
    [JsonPropertyName("guest_code")]
    public string? GuestCode { get; init; }

    public static string UserKey(Guid user) => $"user:{user}";

    public static string EmailKey(string email) => $"email:{email.Trim().ToLowerInvariant()}";

    [JsonPropertyName("user_id")]
    public Guid? UserId => Key.StartsWith("user:", StringComparison.Ordinal) ? Guid.Parse(Key["user:".Length..]) : null;

    [JsonPropertyName("email")]
    public string? Email => Key.StartsWith("email:", StringComparison.Ordinal) ? Key["email:".Length..] : null;
}

/// <summary>Someone invited, or their role changed (<see cref="RoleChange"/>: no new invitation goes out).</summary>
public sealed record InviteeAdded(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("invitee")] string Invitee,
    [property: JsonPropertyName("role")] InviteeRole Role) : DomainEvent
{
    [JsonPropertyName("suppress_mail")]
    public bool SuppressMail { get; init; }

    [JsonPropertyName("role_change")]
    public bool RoleChange { get; init; }

    [JsonPropertyName("guest_code")]
    public string? GuestCode { get; init; }
}

public sealed record InviteeRemoved(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("invitee")] string Invitee) : DomainEvent
{
    [JsonPropertyName("suppress_mail")]
    public bool SuppressMail { get; init; }
}

public sealed record InviteAnswered(
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("invitee")] string Invitee,
    [property: JsonPropertyName("status")] InviteeStatus Status) : DomainEvent;

public sealed record InviteToEvent(ScheduledEventId EventId, UserId UserId, string Invitee, InviteeRole Role, bool SuppressMail = false, string? GuestCode = null)
    : IEventCommand;

public sealed record UninviteFromEvent(ScheduledEventId EventId, UserId UserId, string Invitee, bool SuppressMail = false) : IEventCommand;

public sealed record AnswerEventInvite(ScheduledEventId EventId, UserId UserId, InviteeStatus Status) : IEventCommand;
