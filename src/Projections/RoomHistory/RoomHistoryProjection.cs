using Akka.Persistence.Query;
using Marten;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Projections.RoomHistory;

/// <summary>
/// Sessions of each room (from the first join to the last leave) and who was there when. Each room
/// remembers the last sequence number applied, so replaying an event is a no-op.
/// </summary>
public sealed class RoomHistoryProjection : IProjection
{
    public string Name => "room_history";

    public string Tag => JournalTagger.Meeting;

    public void Clear(IDocumentOperations session)
    {
        session.DeleteWhere<RoomSessionDocument>(_ => true);
        session.DeleteWhere<RoomHistoryProgress>(_ => true);
    }

    public async Task ApplyAsync(ProjectionBatch batch, EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not DomainEvent evt || !PersistenceIds.TryParse(envelope.PersistenceId, PersistenceIds.Meeting, out var room))
            return;
        var progress = await batch.LoadAsync<RoomHistoryProgress>(room, ct) ?? new RoomHistoryProgress { Id = room };
        if (envelope.SequenceNr <= progress.LastSeq)
            return; // seen already (a replay after a crash)

        var at = evt.OccurredAt.ToUniversalTime();
        switch (evt)
        {
            case ParticipantJoined joined:
                var session = progress.SessionOpen ? await OpenSessionAsync(batch, progress, ct) : null;
                if (session is null)
                {
                    progress.SessionNo++;
                    progress.SessionOpen = true;
                    session = new RoomSessionDocument
                    {
                        Id = RoomSessionDocument.IdOf(room, progress.SessionNo), RoomId = room, SessionNo = progress.SessionNo, StartedAt = at,
                    };
                }
                // A signed-in user who joins again (a reload, a second device) gets a new participant id but is the same
                // person: one entry, so the history does not count people twice.
                var user = joined.Identity.Kind == ParticipantKind.User ? joined.Identity.UserId : null;
                if (session.Participants.Find(p => p.Covers(joined.ParticipantId) || (user is not null && p.UserId == user)) is { } again)
                {
                    // Back in the same session: present again, name and first join kept.
                    again.LeftAt = null;
                    again.LeftReason = null;
                    if (!again.Covers(joined.ParticipantId))
                        again.ParticipantIds.Add(joined.ParticipantId);
                }
                else
                {
                    session.Participants.Add(new SessionAttendeeEntry
                    {
                        ParticipantId = joined.ParticipantId, ParticipantIds = [joined.ParticipantId], UserId = user,
                        DisplayName = joined.DisplayName, Kind = joined.Identity.Kind.ToString().ToLowerInvariant(), JoinedAt = at,
                    });
                }
                batch.Store(session.Id, session);
                break;
            case ParticipantLeft left when progress.SessionOpen:
                await ChangeAttendeeAsync(batch, progress, left.ParticipantId, a =>
                {
                    a.LeftAt = at;
                    a.LeftReason = left.Reason.ToString().ToLowerInvariant();
                }, ct);
                break;
            case DisplayNameSet renamed when progress.SessionOpen:
                await ChangeAttendeeAsync(batch, progress, renamed.ParticipantId, a => a.DisplayName = renamed.DisplayName, ct);
                break;
            case SessionClosed when progress.SessionOpen:
                progress.SessionOpen = false;
                if (await OpenSessionAsync(batch, progress, ct) is { } closed)
                {
                    closed.EndedAt = at;
                    batch.Store(closed.Id, closed);
                }
                break;
        }
        progress.LastSeq = envelope.SequenceNr;
        batch.Store(room, progress);
    }

    private static Task<RoomSessionDocument?> OpenSessionAsync(ProjectionBatch batch, RoomHistoryProgress progress, CancellationToken ct) =>
        batch.LoadAsync<RoomSessionDocument>(RoomSessionDocument.IdOf(progress.Id, progress.SessionNo), ct);

    private static async Task ChangeAttendeeAsync(
        ProjectionBatch batch, RoomHistoryProgress progress, Guid participant, Action<SessionAttendeeEntry> change, CancellationToken ct)
    {
        if (await OpenSessionAsync(batch, progress, ct) is not { } session
            || session.Participants.Find(p => p.Covers(participant)) is not { } attendee)
            return;
        change(attendee);
        batch.Store(session.Id, session);
    }
}
