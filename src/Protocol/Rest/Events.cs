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
    IReadOnlyList<string>? RecurrencePattern,
    bool? IsAdhoc = null);

/// <summary>How to dial in by phone: the conference id and its PIN (10 digits each).</summary>
public sealed record CallIn(string SipId, string Password);

/// <summary>The next occurrence that is not cancelled.</summary>
public sealed record NextOccurrence(string InstanceId, DateTimeTz StartsAt, DateTimeTz EndsAt);

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
    int Revision,
    bool IsAdhoc,
    bool IsFavorite,
    InviteStatus? InviteStatus,
    IReadOnlyList<EventInviteResource> Invitees,
    NextOccurrence? NextOccurrence,
    CallIn? CallIn);

public sealed record EventPage(IReadOnlyList<EventResource> Items, string? Next);

public enum InviteRole { User, Moderator, Guest }

public enum InviteStatus { Pending, Accepted, Tentative, Declined }

/// <summary>Invite a registered user (<see cref="Invitee"/>) or anyone by <see cref="Email"/>.</summary>
public sealed record EventInviteRequest(Guid? Invitee, string? Email, InviteRole Role = InviteRole.User);

public sealed record EventInviteResource(Guid? Invitee, string? Email, InviteRole Role, InviteStatus Status);

public sealed record InviteAnswerRequest(InviteStatus Status);

public enum InstanceStatus { Ok, Cancelled }

/// <summary>One occurrence of a meeting; <see cref="Id"/> is the UTC start of the original occurrence.</summary>
public sealed record InstanceResource(
    string Id,
    Guid EventId,
    Guid RoomId,
    string Title,
    string Description,
    DateTimeTz StartsAt,
    DateTimeTz EndsAt,
    InstanceStatus Status,
    bool IsException);

public sealed record InstancePage(IReadOnlyList<InstanceResource> Items, string? Next);

/// <summary>Changes one occurrence: move it, retitle it, or cancel it (<c>status: cancelled</c>); omitted fields stay.</summary>
public sealed record InstancePatchRequest(string? Title, string? Description, DateTimeTz? StartsAt, DateTimeTz? EndsAt, InstanceStatus? Status);
