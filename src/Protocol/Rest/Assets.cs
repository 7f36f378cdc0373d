namespace OpenTalk.Protocol.Rest;

/// <summary>
/// A file stored for a room (OpenTalk's <c>AssetResource</c>): a recording is <c>namespace: recording</c>,
/// <c>kind: record</c>; <see cref="Size"/> in bytes.
/// </summary>
public sealed record AssetResource(Guid Id, string Filename, string? Namespace, DateTimeOffset CreatedAt, string Kind, long Size)
{
    /// <summary>(ours) How long a recording plays, in seconds, when the recorder said.</summary>
    public double? Duration { get; init; }
}

/// <summary>
/// One of a person's assets (OpenTalk's <c>UserAssetResource</c>): the asset's members, the room it belongs to, and
/// the meeting of that room if it has one.
/// </summary>
public sealed record UserAssetResource(Guid Id, string Filename, string? Namespace, DateTimeOffset CreatedAt, string Kind, long Size,
    Guid RoomId, Guid? EventId)
{
    /// <summary>(ours) How long a recording plays, in seconds, when the recorder said.</summary>
    public double? Duration { get; init; }
}

/// <summary>The assets of every room the caller owns (<c>GET /v1/users/me/assets</c>, OpenTalk's <c>GetUserAssetsResponseBody</c>).</summary>
public sealed record UserAssetsResponse(IReadOnlyList<UserAssetResource> OwnedAssets);
