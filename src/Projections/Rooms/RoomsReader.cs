using Marten;

namespace OpenTalk.Projections.Rooms;

public sealed record RoomRow(Guid Id, Guid OwnerId, DateTimeOffset CreatedAt, string? Password, bool WaitingRoom);

/// <summary>Reads rooms from the read model: what lags the meeting by a moment, and never decides who may do what.</summary>
public sealed class RoomsReader(IDocumentStore store, ReadModelSchema schema)
{
    /// <summary>One page (from 1) of the rooms this user owns, oldest first, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<RoomRow> Rooms, int Total)> OwnedAsync(Guid owner, int page, int perPage, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var owned = session.Query<RoomListDocument>().Where(r => r.OwnerId == owner && !r.Deleted);
        var total = await owned.CountAsync(ct);
        var rows = await owned.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return ([.. rows.Select(r => new RoomRow(r.Id, r.OwnerId, r.CreatedAt, r.Password, r.WaitingRoom))], total);
    }

    /// <summary>When the room was made and when each of its guest links was; null until the read model has the room.</summary>
    public async Task<(DateTimeOffset CreatedAt, IReadOnlyDictionary<string, DateTimeOffset> Invites)?> CreationTimesAsync(Guid roomId, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        return await session.LoadAsync<RoomListDocument>(roomId, ct) is { Deleted: false } room ? (room.CreatedAt, room.InvitesCreatedAt) : null;
    }
}
