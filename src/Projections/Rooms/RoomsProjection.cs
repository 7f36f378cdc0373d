using Akka.Persistence.Query;
using Marten;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Projections.Rooms;

/// <summary>Every room made through the REST API (not breakout rooms), by owner: the source of <c>GET /v1/rooms</c>.</summary>
public sealed class RoomsProjection : IProjection
{
    public string Name => "rooms";

    public string Tag => JournalTagger.Meeting;

    public void Clear(IDocumentOperations session) => session.DeleteWhere<RoomListDocument>(_ => true);

    public async Task ApplyAsync(ProjectionBatch batch, EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not (RoomCreated or RoomUpdated or RoomDeleted or InviteCreated or InviteRevoked)
            || !PersistenceIds.TryParse(envelope.PersistenceId, PersistenceIds.Meeting, out var roomId))
            return;
        var evt = (DomainEvent)envelope.Event;
        var room = await batch.LoadAsync<RoomListDocument>(roomId, ct);
        if (room is null && evt is not RoomCreated || room?.LastSeq >= envelope.SequenceNr)
            return; // events of a room made before this projection's first event cannot happen; a replay changes nothing
        room ??= new RoomListDocument { Id = roomId };
        switch (evt)
        {
            case RoomCreated e:
                (room.OwnerId, room.CreatedAt, room.Password, room.WaitingRoom) = (e.OwnerId, e.OccurredAt.ToUniversalTime(), e.Password, e.WaitingRoom);
                break;
            case RoomUpdated e:
                (room.Password, room.WaitingRoom) = (e.Password, e.WaitingRoom);
                break;
            case RoomDeleted:
                room.Deleted = true;
                room.InvitesCreatedAt.Clear();
                break;
            case InviteCreated e:
                room.InvitesCreatedAt[e.Code] = e.OccurredAt.ToUniversalTime();
                break;
            case InviteRevoked e:
                room.InvitesCreatedAt.Remove(e.Code);
                break;
        }
        room.LastSeq = envelope.SequenceNr;
        batch.Store(roomId, room);
    }
}
