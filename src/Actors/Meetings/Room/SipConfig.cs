using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>Phone call-in for a room: a 10-digit conference id and a 10-digit PIN.</summary>
public sealed record SipSettings(
    [property: JsonPropertyName("sip_id")] string SipId,
    [property: JsonPropertyName("pin")] string Pin);

public sealed record SipConfigured(
    [property: JsonPropertyName("sip_id")] string SipId,
    [property: JsonPropertyName("pin")] string Pin) : DomainEvent;

public sealed record SipRemoved : DomainEvent;

/// <summary>Owner only. The id must already be claimed for this room in the SIP index.</summary>
public sealed record ConfigureSip(Guid RoomId, Guid UserId, string SipId, string Pin) : IWithRoomId;

public sealed record RemoveSip(Guid RoomId, Guid UserId) : IWithRoomId;

public sealed record GetSip(Guid RoomId) : IWithRoomId;

public sealed record SipReply(Guid OwnerId, SipSettings? Sip, string? Error) : IEngineMessage;
