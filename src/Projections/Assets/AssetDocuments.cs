namespace OpenTalk.Projections.Assets;

/// <summary>
/// An asset as its owner lists it (<c>GET /v1/rooms/{id}/assets</c>, <c>GET /v1/users/me/assets</c>). A deleted one
/// stays, marked, so that replaying its older events cannot bring it back.
/// </summary>
public sealed class AssetDocument
{
    public Guid Id { get; set; }

    public Guid RoomId { get; set; }

    /// <summary>The room's owner, who owns its assets.</summary>
    public Guid OwnerId { get; set; }

    public string Filename { get; set; } = "";

    public string Namespace { get; set; } = "";

    public string Kind { get; set; } = "";

    public long Size { get; set; }

    public double? DurationSeconds { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Deleted { get; set; }
}

/// <summary>What the assets projection knows of a room: whose it is, and the last of its events applied.</summary>
public sealed class AssetRoomDocument
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public long LastSeq { get; set; }
}
