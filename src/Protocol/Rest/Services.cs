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

/// <summary>
/// (ours) A phone gateway took a room's call to a phone (the job's id is the call's): <c>POST /v1/services/call_out/start</c>
/// answers the number to dial (<see cref="CallOutStartResponse"/>); <c>POST /v1/services/call_out/answered</c> the ticket
/// for the callee once they picked up.
/// </summary>
public sealed record CallOutRequest(Guid? RoomId, Guid? BreakoutRoom, Guid? CallId);

public sealed record CallOutStartResponse(string Number);

/// <summary>(ours) <c>POST /v1/services/call_out/failed</c>: the callee was not reached (<c>busy</c>, <c>declined</c>, <c>no_answer</c>, <c>unreachable</c>).</summary>
public sealed record CallOutFailedRequest(Guid? RoomId, Guid? BreakoutRoom, Guid? CallId, string? Reason);
