namespace OpenTalk.Protocol.Signaling;

/// <summary>Where a call a moderator placed stands.</summary>
public enum DialOutStatus { Dialing, Answered, Failed }

/// <summary>
/// (ours) A call to a phone changed, to the room's moderators: <c>dialing</c> once asked for, <c>answered</c> when the
/// callee joined (as <c>participant_id</c>), <c>failed</c> with a <c>reason</c>: <c>busy</c>, <c>declined</c>,
/// <c>no_answer</c>, <c>unreachable</c> (the trunk refused or could not be reached) or <c>no_gateway</c> (no phone
/// gateway took the call).
/// </summary>
public sealed record DialOutUpdated(Guid CallId, string Number, DialOutStatus Status, string? Reason = null, Guid? ParticipantId = null)
    : ServerPayload("call_updated");

