using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Akka.Persistence.Query;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Projections.Events;

/// <summary>The dashboard's list of scheduled meetings, one row per event, fed by the <c>event</c> tag.</summary>
public sealed class EventsProjection : IProjection
{
    public string Name => "events";

    public string Tag => JournalTagger.Event;

    public IReadOnlyList<string> Schema =>
    [
        """
        CREATE TABLE IF NOT EXISTS events_list (event_id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, room_id TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL, details TEXT NOT NULL,
            cancelled INTEGER NOT NULL, last_seq BIGINT NOT NULL)
        """,
    ];

    public IReadOnlyList<string> Tables => ["events_list"];

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, EventEnvelope envelope)
    {
        var at = envelope.Event is DomainEvent evt ? evt.OccurredAt.ToString("O", CultureInfo.InvariantCulture) : null;
        // Each statement is guarded by last_seq, so a replayed event changes nothing.
        switch (envelope.Event)
        {
            case EventScheduled e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction, """
                    INSERT INTO events_list (event_id, owner_id, room_id, created_at, updated_at, revision, details, cancelled, last_seq)
                    VALUES (@id, @owner, @room, @at, @at, 1, @details, 0, @seq)
                    ON CONFLICT (event_id) DO NOTHING
                    """, ("@id", e.EventId.ToString()), ("@owner", e.CreatedBy.ToString()), ("@room", e.RoomId.ToString()),
                    ("@at", at), ("@details", JsonSerializer.Serialize(e.Details, JournalJson.Options)), ("@seq", envelope.SequenceNr));
                break;
            case EventChanged e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction, """
                    UPDATE events_list SET details = @details, updated_at = @at, revision = revision + 1, last_seq = @seq
                    WHERE event_id = @id AND last_seq < @seq
                    """, ("@id", e.EventId.ToString()), ("@details", JsonSerializer.Serialize(e.Details, JournalJson.Options)),
                    ("@at", at), ("@seq", envelope.SequenceNr));
                break;
            case EventCancelled e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction,
                    "UPDATE events_list SET cancelled = 1, updated_at = @at, last_seq = @seq WHERE event_id = @id AND last_seq < @seq",
                    ("@id", e.EventId.ToString()), ("@at", at), ("@seq", envelope.SequenceNr));
                break;
        }
    }
}
