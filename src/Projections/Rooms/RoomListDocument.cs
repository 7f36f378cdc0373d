namespace OpenTalk.Projections.Rooms;

/// <summary>
/// A room as its owner lists it (<c>GET /v1/rooms</c>), with what the meeting's own state does not keep: when the room
/// and each of its guest links were made. A deleted room stays, marked, so that replaying its older events cannot
/// bring it back.
/// </summary>
public sealed class RoomListDocument
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? Password { get; set; }

    public bool WaitingRoom { get; set; }

    public bool Deleted { get; set; }

    /// <summary>When each guest link still in use was made, by its code.</summary>
    public Dictionary<string, DateTimeOffset> InvitesCreatedAt { get; set; } = [];

    public long LastSeq { get; set; }
}
