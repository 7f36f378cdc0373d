namespace OpenTalk.Protocol.Rest;

/// <summary>A point in time as a local date-time in a named (IANA) time zone.</summary>
public sealed record DateTimeTz(DateTime Datetime, string Timezone);

public sealed record EventRequest(
    string? Title,
    string? Description,
    string? Password,
    bool? WaitingRoom,
    bool? IsTimeIndependent,
    DateTimeTz? StartsAt,
    DateTimeTz? EndsAt,
    IReadOnlyList<string>? RecurrencePattern);

public sealed record EventResource(
    Guid Id,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Title,
    string Description,
    Guid RoomId,
    bool WaitingRoom,
    bool IsTimeIndependent,
    DateTimeTz? StartsAt,
    DateTimeTz? EndsAt,
    IReadOnlyList<string> RecurrencePattern,
    int Revision);

public sealed record EventPage(IReadOnlyList<EventResource> Items, string? Next);

public enum InviteRole { User, Moderator, Guest }

public enum InviteStatus { Pending, Accepted, Tentative, Declined }

/// <summary>Invite a registered user (<see cref="Invitee"/>) or anyone by <see cref="Email"/>.</summary>
public sealed record EventInviteRequest(Guid? Invitee, string? Email, InviteRole Role = InviteRole.User);

public sealed record EventInviteResource(Guid? Invitee, string? Email, InviteRole Role, InviteStatus Status);

public sealed record InviteAnswerRequest(InviteStatus Status);
