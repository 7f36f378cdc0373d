namespace OpenTalk.Protocol.Rest;

/// <summary>
/// A point in time and the (IANA) time zone it is planned in, as OpenTalk has it: <see cref="Datetime"/> is written in
/// UTC (<c>2026-10-05T07:00:00Z</c>). Read, a time with an offset is that instant; one without is the local time in
/// <see cref="Timezone"/>.
/// </summary>
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
    bool? IsAdhoc = null,
    bool? IsAllDay = null,
    bool? ShowMeetingDetails = null,
    IReadOnlyList<StreamingTargetRequest?>? StreamingTargets = null);

/// <summary>How to dial in by phone: the number (empty until a phone gateway is set up), the conference id and its PIN (10 digits each).</summary>
public sealed record CallIn(string Tel, string Id, string Password);

/// <summary>The meeting's room as OpenTalk's <c>EventRoomInfo</c>; the password only for those who may enter.</summary>
public sealed record EventRoomInfo(Guid Id, string? Password, bool WaitingRoom, bool E2eEncryption, CallIn? CallIn);

/// <summary>The next occurrence that is not cancelled (ours: saves clients expanding the rule).</summary>
public sealed record NextOccurrence(string InstanceId, DateTimeTz StartsAt, DateTimeTz EndsAt);

#pragma warning disable CA1720 // "single" is the wire name OpenTalk gives a meeting that does not recur
public enum EventType { Single, Recurring, Instance, Exception }
#pragma warning restore CA1720

/// <summary>An entry of the meeting list: a meeting, or a changed occurrence of the recurring meeting before it.</summary>
[System.Text.Json.Serialization.JsonDerivedType(typeof(EventResource))]
[System.Text.Json.Serialization.JsonDerivedType(typeof(EventExceptionResource))]
public abstract record EventListEntry;

/// <summary>
/// A scheduled meeting in the shape of OpenTalk's <c>EventResource</c>. People are <c>PublicUserProfile</c>s
/// (<see cref="CreatedBy"/>, <see cref="UpdatedBy"/>, invitees' <c>profile</c>). Ours besides: <see cref="Revision"/>
/// and <see cref="NextOccurrence"/>.
/// </summary>
public sealed record EventResource(
    Guid Id,
    PublicUserProfile CreatedBy,
    DateTimeOffset CreatedAt,
    PublicUserProfile UpdatedBy,
    DateTimeOffset UpdatedAt,
    string Title,
    string Description,
    EventRoomInfo Room,
    bool InviteesTruncated,
    IReadOnlyList<EventInvitee> Invitees,
    bool IsTimeIndependent,
    bool? IsAllDay,
    DateTimeTz? StartsAt,
    DateTimeTz? EndsAt,
    IReadOnlyList<string>? RecurrencePattern,
    bool IsAdhoc,
    EventType Type,
    InviteStatus InviteStatus,
    bool IsFavorite,
    bool CanEdit,
    IReadOnlyList<StreamingTargetResource>? StreamingTargets,
    bool ShowMeetingDetails,
    int Revision,
    NextOccurrence? NextOccurrence) : EventListEntry;

/// <summary>
/// One changed occurrence of a recurring meeting (OpenTalk's <c>EventExceptionResource</c>), listed right after its
/// meeting in <c>GET /v1/events</c>: clients expanding the rule hide or move the occurrence it names.
/// </summary>
public sealed record EventExceptionResource(
    string Id,
    Guid RecurringEventId,
    string InstanceId,
    PublicUserProfile CreatedBy,
    DateTimeOffset CreatedAt,
    PublicUserProfile UpdatedBy,
    DateTimeOffset UpdatedAt,
    string? Title,
    string? Description,
    bool? IsAllDay,
    DateTimeTz? StartsAt,
    DateTimeTz? EndsAt,
    DateTimeTz OriginalStartsAt,
    EventType Type,
    InstanceStatus Status,
    bool CanEdit) : EventListEntry;

/// <summary>Someone invited (OpenTalk's <c>EventInvitee</c>): <see cref="Profile"/> says who, by <c>kind</c>.</summary>
public sealed record EventInvitee(InviteeProfile Profile, InviteStatus Status);

public enum InviteRole { User, Moderator, Guest }

public enum InviteStatus { Pending, Accepted, Tentative, Declined }

/// <summary>Invite a registered user (<see cref="Invitee"/>) or anyone by <see cref="Email"/>.</summary>
public sealed record EventInviteRequest(Guid? Invitee, string? Email, InviteRole Role = InviteRole.User);

public sealed record InviteAnswerRequest(InviteStatus Status);

/// <summary>The role of an invited user (OpenTalk's <c>PatchInviteBody</c>).</summary>
public sealed record InviteRoleRequest(InviteRole? Role);

/// <summary>Names someone invited by address (OpenTalk's <c>DeleteEmailInviteBody</c>).</summary>
public sealed record EmailInviteeRequest(string? Email);

public enum InstanceStatus { Ok, Cancelled }

/// <summary>
/// One occurrence of a meeting (OpenTalk's <c>EventInstance</c>). <see cref="InstanceId"/> is the UTC start of the
/// original occurrence (<c>20261005T070000Z</c>); <see cref="Id"/> is <c>{event id}_{instance id}</c>. Ours besides:
/// <see cref="IsException"/>.
/// </summary>
public sealed record InstanceResource(
    string Id,
    Guid RecurringEventId,
    string InstanceId,
    PublicUserProfile CreatedBy,
    DateTimeOffset CreatedAt,
    PublicUserProfile UpdatedBy,
    DateTimeOffset UpdatedAt,
    string Title,
    string Description,
    EventRoomInfo Room,
    bool InviteesTruncated,
    IReadOnlyList<EventInvitee> Invitees,
    bool IsAllDay,
    DateTimeTz StartsAt,
    DateTimeTz EndsAt,
    EventType Type,
    InstanceStatus Status,
    InviteStatus InviteStatus,
    bool IsFavorite,
    bool CanEdit,
    bool IsException);

/// <summary>Changes one occurrence: move it, retitle it, or cancel it (<c>status: cancelled</c>); omitted fields stay.</summary>
public sealed record InstancePatchRequest(string? Title, string? Description, DateTimeTz? StartsAt, DateTimeTz? EndsAt, InstanceStatus? Status);
