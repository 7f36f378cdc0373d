using Akka.Persistence.Query;
using Marten;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Projections.Assets;

/// <summary>
/// The files stored for rooms, with the owner of each room: the source of the asset lists and of a person's used
/// storage. A room's events arrive in order, so the room remembers the last one applied and a replay changes nothing.
/// </summary>
public sealed class AssetsProjection : IProjection
{
    public string Name => "assets";

    public string Tag => JournalTagger.Meeting;

    public void Clear(IDocumentOperations session)
    {
        session.DeleteWhere<AssetDocument>(_ => true);
        session.DeleteWhere<AssetRoomDocument>(_ => true);
    }

    public async Task ApplyAsync(ProjectionBatch batch, EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not (RoomCreated or AssetAdded or AssetRenamed or AssetDeleted)
            || !PersistenceIds.TryParse(envelope.PersistenceId, PersistenceIds.Meeting, out var roomId))
            return;
        var room = await batch.LoadAsync<AssetRoomDocument>(roomId, ct);
        if (room is null && envelope.Event is not RoomCreated || room?.LastSeq >= envelope.SequenceNr)
            return; // assets of a room made before this projection's first event cannot happen; a replay changes nothing
        room ??= new AssetRoomDocument { Id = roomId };
        switch (envelope.Event)
        {
            case RoomCreated e:
                room.OwnerId = e.OwnerId;
                break;
            case AssetAdded e:
                batch.Store(e.AssetId, new AssetDocument
                {
                    Id = e.AssetId,
                    RoomId = roomId,
                    OwnerId = room.OwnerId,
                    Filename = e.Filename,
                    Namespace = e.Namespace,
                    Kind = e.Kind,
                    Size = e.Size,
                    DurationSeconds = e.DurationSeconds,
                    CreatedAt = e.OccurredAt.ToUniversalTime(),
                });
                break;
            case AssetRenamed e when await batch.LoadAsync<AssetDocument>(e.AssetId, ct) is { } renamed:
                renamed.Filename = e.Filename;
                batch.Store(e.AssetId, renamed);
                break;
            case AssetDeleted e when await batch.LoadAsync<AssetDocument>(e.AssetId, ct) is { } asset:
                asset.Deleted = true;
                batch.Store(e.AssetId, asset);
                break;
        }
        room.LastSeq = envelope.SequenceNr;
        batch.Store(roomId, room);
    }
}
