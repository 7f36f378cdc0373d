namespace OpenTalk.Protocol.Rest;

public sealed record CreateRoomRequest(string? Password, bool WaitingRoom = false);

public sealed record RoomResource(Guid Id, Guid CreatedBy, string? Password, bool WaitingRoom);

/// <summary><see cref="BreakoutRoom"/>: start in that breakout room of the room instead of the main room.</summary>
public sealed record StartRequest(string? Resumption = null, Guid? BreakoutRoom = null);

public sealed record StartInvitedRequest(string? InviteCode, string? Password = null, string? Resumption = null, Guid? BreakoutRoom = null);

public sealed record TicketResponse(string Ticket, string Resumption);

public sealed record CreateInviteRequest(DateTimeOffset? Expiration = null);

public sealed record InviteResource(string InviteCode, Guid Room, Guid CreatedBy, DateTimeOffset? Expiration, bool Active);

public sealed record VerifyInviteRequest(string? InviteCode);

public sealed record VerifyInviteResponse(Guid RoomId, bool PasswordRequired);

/// <summary>An RTMP destination for the room's live stream (kept for recording and streaming).</summary>
public sealed record StreamingTargetRequest(string? Name, string? StreamingEndpoint, string? StreamingKey, string? PublicUrl);

public sealed record StreamingTargetResource(Guid Id, string Name, string StreamingEndpoint, string StreamingKey, string? PublicUrl);
