using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// A command about what a room leaves behind: allowed after the room was deleted (its owner still fetches and
/// removes its recordings), refused for a room that never existed.
/// </summary>
public interface IRoomArchiveCommand;

/// <summary>Records a file already written to the artifact store as the room's asset; <paramref name="UserId"/> stored it.</summary>
public sealed record AddAsset(Guid RoomId, Guid UserId, RoomAsset Asset) : IWithRoomId;

/// <summary>Removes an asset from the room. The owner (or an admin, <paramref name="AsAdmin"/>) only.</summary>
public sealed record DeleteAsset(Guid RoomId, Guid UserId, bool AsAdmin, Guid AssetId) : IWithRoomId, IRoomArchiveCommand;

/// <summary>The room's owner and assets; answered for deleted rooms too (see <see cref="IRoomArchiveCommand"/>).</summary>
public sealed record GetRoomAssets(Guid RoomId) : IWithRoomId;

public sealed record RoomAssetsReply(Guid OwnerId, IReadOnlyList<RoomAsset> Assets, string? Error) : IEngineMessage;
