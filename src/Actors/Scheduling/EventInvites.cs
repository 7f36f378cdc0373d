using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Scheduling;

/// <summary>Someone invited: a registered user (<c>user:{id}</c>) or an e-mail address (<c>email:{address}</c>).</summary>
public sealed record Invitee(string Key, InviteRole Role, InviteStatus Status)
{
    public static string UserKey(Guid user) => $"user:{user}";

    public static string EmailKey(string email) => $"email:{email.Trim().ToLowerInvariant()}";

    public EventInviteResource View() => Key.StartsWith("user:", StringComparison.Ordinal)
        ? new EventInviteResource(Guid.Parse(Key["user:".Length..]), null, Role, Status)
        : new EventInviteResource(null, Key["email:".Length..], Role, Status);
}

public sealed record InviteeAdded(Guid EventId, string Invitee, InviteRole Role) : DomainEvent;

public sealed record InviteeRemoved(Guid EventId, string Invitee) : DomainEvent;

public sealed record InviteAnswered(Guid EventId, string Invitee, InviteStatus Status) : DomainEvent;

public sealed record InviteToEvent(Guid EventId, Guid UserId, string Invitee, InviteRole Role) : Sharding.IWithEventId;

public sealed record UninviteFromEvent(Guid EventId, Guid UserId, string Invitee) : Sharding.IWithEventId;

public sealed record AnswerEventInvite(Guid EventId, Guid UserId, InviteStatus Status) : Sharding.IWithEventId;
