using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// The registered users a scheduled meeting invited as moderators: they enter the room as moderators,
/// like the owner. Set as a whole by the meeting's invites, so replays and retries are harmless.
/// </summary>
public sealed record SetInvitedModerators(Guid RoomId, Guid UserId, bool AsAdmin, IReadOnlyList<Guid> Users) : IWithRoomId;

public sealed record InvitedModeratorsSet([property: JsonPropertyName("users")] IReadOnlyList<Guid> Users) : DomainEvent;
