namespace OpenTalk.Protocol.Rest;

/// <summary>
/// A service (the recorder) asks to join a room it was sent to: OpenTalk's <c>POST /v1/services/recording/start</c>;
/// <c>breakout_room</c> for a breakout room of it. Answered with a <see cref="TicketResponse"/>.
/// </summary>
public sealed record ServiceStartRequest(Guid? RoomId, Guid? BreakoutRoom);

/// <summary>
/// The phone gateway asks to bring a caller into the room whose conference id and PIN they keyed in: OpenTalk's
/// <c>POST /v1/services/call_in/start</c> (10 digits each). Answered with a <see cref="TicketResponse"/>, or
/// <c>400 invalid_credentials</c> when the pair is not a room's.
/// </summary>
public sealed record CallInStartRequest(string? Id, string? Pin);
