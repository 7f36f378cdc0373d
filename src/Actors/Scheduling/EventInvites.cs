using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Scheduling;

/// <summary>Someone invited: a registered user (<c>user:{id}</c>) or an e-mail address (<c>email:{address}</c>).</summary>
public sealed record Invitee(string Key, InviteRole Role, InviteStatus Status)
{
    /// <summary>For someone invited by e-mail: the room's guest link made for them (revoked when they are uninvited).</summary>
    public string? GuestCode { get; init; }

    public static string UserKey(Guid user) => $"user:{user}";

    public static string EmailKey(string email) => $"email:{email.Trim().ToLowerInvariant()}";

    public Guid? UserId => Key.StartsWith("user:", StringComparison.Ordinal) ? Guid.Parse(Key["user:".Length..]) : null;

    public string? Email => Key.StartsWith("email:", StringComparison.Ordinal) ? Key["email:".Length..] : null;

    public EventInviteResource View() => new(UserId, Email, Role, Status);
}

/// <summary>Someone invited, or their role changed (<see cref="RoleChange"/>: no new invitation goes out).</summary>
public sealed record InviteeAdded(Guid EventId, string Invitee, InviteRole Role) : DomainEvent
{
    public bool SuppressMail { get; init; }

    public bool RoleChange { get; init; }

    public string? GuestCode { get; init; }
}

public sealed record InviteeRemoved(Guid EventId, string Invitee) : DomainEvent
{
    public bool SuppressMail { get; init; }
}

public sealed record InviteAnswered(Guid EventId, string Invitee, InviteStatus Status) : DomainEvent;

public sealed record InviteToEvent(Guid EventId, Guid UserId, string Invitee, InviteRole Role, bool SuppressMail = false, string? GuestCode = null)
    : Sharding.IWithEventId;

public sealed record UninviteFromEvent(Guid EventId, Guid UserId, string Invitee, bool SuppressMail = false) : Sharding.IWithEventId;

public sealed record AnswerEventInvite(Guid EventId, Guid UserId, InviteStatus Status) : Sharding.IWithEventId;
