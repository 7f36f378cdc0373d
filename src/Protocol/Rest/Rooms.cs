namespace OpenTalk.Protocol.Rest;

public sealed record CreateRoomRequest(string? Password, bool WaitingRoom = false);

/// <summary>Changes to a room; a <c>password</c> of <c>null</c> removes it, an absent one keeps it.</summary>
public sealed record PatchRoomRequest(string? Password, bool? WaitingRoom);

/// <summary>
/// The meeting a room belongs to (OpenTalk's <c>EventInfo</c>), as its lobby shows it; with how to join when its owner
/// chose to show that in the room (<c>show_meeting_details</c>).
/// </summary>
public sealed record RoomEventInfo(Guid Id, Guid RoomId, string Title, bool IsAdhoc, bool E2eEncryption, MeetingDetails? MeetingDetails = null);

/// <summary>
/// How to join a meeting (OpenTalk's <c>MeetingDetails</c>): its guest link that does not expire, its call-in and the
/// public pages of its live streams.
/// </summary>
public sealed record MeetingDetails(string? InviteCodeId, CallIn? CallIn, IReadOnlyList<StreamingLink> StreamingLinks);

public sealed record StreamingLink(string Name, string Url);

/// <summary>
/// A room (OpenTalk's <c>RoomResource</c>). <see cref="CreatedAt"/> comes from the rooms read model and is left out in
/// the moment before it has seen a new room.
/// </summary>
public sealed record RoomResource(Guid Id, PublicUserProfile CreatedBy, DateTimeOffset? CreatedAt, string? Password, bool WaitingRoom);

/// <summary><see cref="BreakoutRoom"/>: start in that breakout room of the room instead of the main room.</summary>
public sealed record StartRequest(string? Resumption = null, Guid? BreakoutRoom = null);

public sealed record StartInvitedRequest(string? InviteCode, string? Password = null, string? Resumption = null, Guid? BreakoutRoom = null);

public sealed record TicketResponse(string Ticket, string Resumption);

public sealed record CreateInviteRequest(DateTimeOffset? Expiration = null);

/// <summary>
/// A guest link (OpenTalk's <c>InviteResource</c>). <see cref="Expiration"/> is always written, <c>null</c> for a link
/// that does not expire: OpenTalk's web app looks for exactly that, and makes a new link when it finds none.
/// <see cref="Created"/> and <see cref="Updated"/> are known only in the answer that makes the link: a room keeps its
/// links without their times.
/// </summary>
public sealed record InviteResource(
    string InviteCode,
    DateTimeOffset? Created,
    PublicUserProfile CreatedBy,
    DateTimeOffset? Updated,
    PublicUserProfile UpdatedBy,
    Guid RoomId,
    bool Active,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] DateTimeOffset? Expiration);

public sealed record VerifyInviteRequest(string? InviteCode);

public sealed record VerifyInviteResponse(Guid RoomId, bool PasswordRequired);

/// <summary>An RTMP destination for the room's live stream (kept for recording and streaming).</summary>
public sealed record StreamingTargetRequest(string? Name, string? StreamingEndpoint, string? StreamingKey, string? PublicUrl);

public sealed record StreamingTargetResource(Guid Id, string Name, string StreamingEndpoint, string StreamingKey, string? PublicUrl)
{
    /// <summary>OpenTalk's only kind of target: one the owner entered by hand.</summary>
    public string Kind => "custom";
}
