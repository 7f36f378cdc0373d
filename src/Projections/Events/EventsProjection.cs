using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Akka.Persistence.Query;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Projections.Events;

/// <summary>
/// The dashboard's list of scheduled meetings, one row per event, fed by the <c>event</c> tag: details, exceptions,
/// the series' first start and last end (for range filters) and who starred it.
/// </summary>
public sealed class EventsProjection : IProjection
{
    public string Name => "events";

    public string Tag => JournalTagger.Event;

    public IReadOnlyList<string> Schema =>
    [
        """
        CREATE TABLE IF NOT EXISTS events_list (event_id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, room_id TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL, details TEXT NOT NULL,
            exceptions TEXT NOT NULL, is_adhoc INTEGER NOT NULL, first_start TEXT NULL, last_end TEXT NULL,
            cancelled INTEGER NOT NULL, last_seq BIGINT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS event_favorites (event_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (event_id, user_id))",
    ];

    public IReadOnlyList<string> Tables => ["events_list", "event_favorites"];

    /// <summary>UTC instants stored as text that sorts like time.</summary>
    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, EventEnvelope envelope)
    {
        if (envelope.Event is not DomainEvent evt)
            return;
        var at = evt.OccurredAt.ToString("O", CultureInfo.InvariantCulture);
        if (evt is EventScheduled scheduled)
        {
            var span = Recurrence.Span(scheduled.Details);
            await ReadModelDatabase.ExecuteAsync(connection, transaction, """
                INSERT INTO events_list (event_id, owner_id, room_id, created_at, updated_at, revision, details, exceptions, is_adhoc,
                    first_start, last_end, cancelled, last_seq)
                VALUES (@id, @owner, @room, @at, @at, 1, @details, '{}', @adhoc, @first, @last, 0, @seq)
                ON CONFLICT (event_id) DO NOTHING
                """, ("@id", scheduled.EventId.ToString()), ("@owner", scheduled.CreatedBy.ToString()), ("@room", scheduled.RoomId.ToString()),
                ("@at", at), ("@details", Json(scheduled.Details)), ("@adhoc", scheduled.IsAdhoc ? 1 : 0),
                ("@first", span is { } s ? Instant(s.First) : null), ("@last", span?.Last is { } l ? Instant(l) : null), ("@seq", envelope.SequenceNr));
            return;
        }
        var eventId = envelope.PersistenceId["event-".Length..];
        var row = await ReadAsync(connection, transaction, eventId);
        if (row is null || row.Value.LastSeq >= envelope.SequenceNr)
            return; // a replay, or an event of an entity this model never saw created
        var (details, exceptions, _) = row.Value;
        var revisionStep = 0;
        var cancelled = false;
        switch (evt)
        {
            case EventChanged e:
                exceptions = EventState.SameSeries(details, e.Details) ? exceptions : new Dictionary<string, InstanceException>();
                details = e.Details;
                revisionStep = 1;
                break;
            case InstanceChanged e:
                exceptions = new Dictionary<string, InstanceException>(exceptions) { [e.Exception.InstanceId] = e.Exception };
                revisionStep = 1;
                break;
            case EventCancelled:
                cancelled = true;
                revisionStep = 1;
                break;
            case FavoriteAdded e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction,
                    "INSERT INTO event_favorites (event_id, user_id) VALUES (@id, @user) ON CONFLICT (event_id, user_id) DO NOTHING",
                    ("@id", eventId), ("@user", e.UserId.ToString()));
                break;
            case FavoriteRemoved e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction,
                    "DELETE FROM event_favorites WHERE event_id = @id AND user_id = @user", ("@id", eventId), ("@user", e.UserId.ToString()));
                break;
        }
        var span2 = Recurrence.Span(details);
        await ReadModelDatabase.ExecuteAsync(connection, transaction, """
            UPDATE events_list SET details = @details, exceptions = @exceptions, first_start = @first, last_end = @last,
                revision = revision + @step, updated_at = CASE WHEN @step > 0 THEN @at ELSE updated_at END,
                cancelled = CASE WHEN @cancelled = 1 THEN 1 ELSE cancelled END, last_seq = @seq
            WHERE event_id = @id
            """, ("@id", eventId), ("@details", Json(details)), ("@exceptions", JsonSerializer.Serialize(exceptions, JournalJson.Options)),
            ("@first", span2 is { } s2 ? Instant(s2.First) : null), ("@last", span2?.Last is { } l2 ? Instant(l2) : null),
            ("@step", revisionStep), ("@at", at), ("@cancelled", cancelled ? 1 : 0), ("@seq", envelope.SequenceNr));
    }

    private static string Json(EventDetails details) => JsonSerializer.Serialize(details, JournalJson.Options);

    private static async Task<(EventDetails Details, IReadOnlyDictionary<string, InstanceException> Exceptions, long LastSeq)?> ReadAsync(
        DbConnection connection, DbTransaction transaction, string eventId)
    {
        await using var command = ReadModelDatabase.Command(connection, transaction,
            "SELECT details, exceptions, last_seq FROM events_list WHERE event_id = @id", ("@id", eventId));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return (JsonSerializer.Deserialize<EventDetails>(reader.GetString(0), JournalJson.Options)!,
            JsonSerializer.Deserialize<Dictionary<string, InstanceException>>(reader.GetString(1), JournalJson.Options)!,
            Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
    }
}
