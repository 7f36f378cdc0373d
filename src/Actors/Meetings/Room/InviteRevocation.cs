using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>The owner withdraws a guest link: nobody can start a session with it any more.</summary>
public sealed record RevokeInvite(Guid RoomId, Guid UserId, bool AsAdmin, string Code) : IWithRoomId;

public sealed record InviteRevoked([property: JsonPropertyName("code")] string Code) : DomainEvent;

/// <summary>The room's guest links, for its owner.</summary>
public sealed record GetInvites(Guid RoomId) : IWithRoomId;

public sealed record InvitesReply(Guid OwnerId, IReadOnlyList<InviteLink> Invites, string? Error) : IEngineMessage;
