using Marten;

namespace OpenTalk.Projections.Assets;

public sealed record AssetRow(Guid Id, Guid RoomId, string Filename, string Namespace, string Kind, long Size, double? DurationSeconds, DateTimeOffset CreatedAt);

/// <summary>What a list of assets is ordered by (OpenTalk's <c>sort</c>).</summary>
public enum AssetOrder { CreatedAt, Filename, Size, Namespace, Kind }

/// <summary>Reads assets from the read model: it lags the room by a moment, and never decides who may do what.</summary>
public sealed class AssetsReader(IDocumentStore store, ReadModelSchema schema)
{
    /// <summary>One page (from 1) of a room's assets, newest first, and how many it has.</summary>
    public async Task<(IReadOnlyList<AssetRow> Assets, int Total)> OfRoomAsync(Guid roomId, int page, int perPage, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var assets = session.Query<AssetDocument>().Where(a => a.RoomId == roomId && !a.Deleted);
        var total = await assets.CountAsync(ct);
        var rows = await assets.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return ([.. rows.Select(Row)], total);
    }

    /// <summary>One page (from 1) of the assets of every room this person owns, and how many there are.</summary>
    public async Task<(IReadOnlyList<AssetRow> Assets, int Total)> OwnedAsync(Guid owner, AssetOrder order, bool descending, int page, int perPage,
        CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var owned = session.Query<AssetDocument>().Where(a => a.OwnerId == owner && !a.Deleted);
        var total = await owned.CountAsync(ct);
        var sorted = (order, descending) switch
        {
            (AssetOrder.Filename, false) => owned.OrderBy(a => a.Filename),
            (AssetOrder.Filename, true) => owned.OrderByDescending(a => a.Filename),
            (AssetOrder.Size, false) => owned.OrderBy(a => a.Size),
            (AssetOrder.Size, true) => owned.OrderByDescending(a => a.Size),
            (AssetOrder.Namespace, false) => owned.OrderBy(a => a.Namespace),
            (AssetOrder.Namespace, true) => owned.OrderByDescending(a => a.Namespace),
            (AssetOrder.Kind, false) => owned.OrderBy(a => a.Kind),
            (AssetOrder.Kind, true) => owned.OrderByDescending(a => a.Kind),
            (_, false) => owned.OrderBy(a => a.CreatedAt),
            (_, true) => owned.OrderByDescending(a => a.CreatedAt),
        };
        var rows = await sorted.ThenBy(a => a.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return ([.. rows.Select(Row)], total);
    }

    /// <summary>The bytes this person's rooms keep (OpenTalk's <c>used_storage</c>).</summary>
    public async Task<long> UsedStorageAsync(Guid owner, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var sizes = await session.Query<AssetDocument>().Where(a => a.OwnerId == owner && !a.Deleted).Select(a => a.Size).ToListAsync(ct);
        return sizes.Sum();
    }

    private static AssetRow Row(AssetDocument a) => new(a.Id, a.RoomId, a.Filename, a.Namespace, a.Kind, a.Size, a.DurationSeconds, a.CreatedAt);
}
