namespace OpenTalk.Protocol.Rest;

/// <summary>
/// A service (the recorder) asks to join a room it was sent to: OpenTalk's <c>POST /v1/services/recording/start</c>;
/// <c>breakout_room</c> for a breakout room of it. Answered with a <see cref="TicketResponse"/>.
/// </summary>
public sealed record ServiceStartRequest(Guid? RoomId, Guid? BreakoutRoom);
