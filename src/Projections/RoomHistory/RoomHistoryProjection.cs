using System.Data.Common;
using System.Globalization;
using Akka.Persistence.Query;
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

    public IReadOnlyList<string> Schema =>
    [
        "CREATE TABLE IF NOT EXISTS room_history_progress (room_id TEXT PRIMARY KEY, last_seq BIGINT NOT NULL, session_no INTEGER NOT NULL, session_open INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS room_sessions (room_id TEXT NOT NULL, session_no INTEGER NOT NULL, started_at TEXT NOT NULL, ended_at TEXT, PRIMARY KEY (room_id, session_no))",
        """
        CREATE TABLE IF NOT EXISTS room_session_participants (room_id TEXT NOT NULL, session_no INTEGER NOT NULL, participant_id TEXT NOT NULL,
            display_name TEXT NOT NULL, kind TEXT NOT NULL, joined_at TEXT NOT NULL, left_at TEXT, left_reason TEXT,
            PRIMARY KEY (room_id, session_no, participant_id))
        """,
    ];

    public IReadOnlyList<string> Tables => ["room_session_participants", "room_sessions", "room_history_progress"];

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, EventEnvelope envelope)
    {
        if (envelope.Event is not DomainEvent evt || !envelope.PersistenceId.StartsWith("meeting-", StringComparison.Ordinal))
            return;
        var room = envelope.PersistenceId["meeting-".Length..];
        var (lastSeq, session, open) = await ProgressAsync(connection, transaction, room);
        if (envelope.SequenceNr <= lastSeq)
            return; // seen already (a replay after a crash)

        var at = evt.OccurredAt.ToString("O", CultureInfo.InvariantCulture);
        switch (evt)
        {
            case ParticipantJoined joined:
                if (!open)
                {
                    session++;
                    open = true;
                    await ReadModelDatabase.ExecuteAsync(connection, transaction,
                        "INSERT INTO room_sessions (room_id, session_no, started_at) VALUES (@room, @session, @at)",
                        ("@room", room), ("@session", session), ("@at", at));
                }
                await ReadModelDatabase.ExecuteAsync(connection, transaction, """
                    INSERT INTO room_session_participants (room_id, session_no, participant_id, display_name, kind, joined_at)
                    VALUES (@room, @session, @participant, @name, @kind, @at)
                    ON CONFLICT (room_id, session_no, participant_id) DO UPDATE SET left_at = NULL, left_reason = NULL
                    """, ("@room", room), ("@session", session), ("@participant", joined.ParticipantId.ToString()),
                    ("@name", joined.DisplayName), ("@kind", joined.Identity.Kind.ToString().ToLowerInvariant()), ("@at", at));
                break;
            case ParticipantLeft left when open:
                await ReadModelDatabase.ExecuteAsync(connection, transaction, """
                    UPDATE room_session_participants SET left_at = @at, left_reason = @reason
                    WHERE room_id = @room AND session_no = @session AND participant_id = @participant
                    """, ("@room", room), ("@session", session), ("@participant", left.ParticipantId.ToString()),
                    ("@at", at), ("@reason", left.Reason.ToString().ToLowerInvariant()));
                break;
            case DisplayNameSet renamed when open:
                await ReadModelDatabase.ExecuteAsync(connection, transaction, """
                    UPDATE room_session_participants SET display_name = @name
                    WHERE room_id = @room AND session_no = @session AND participant_id = @participant
                    """, ("@room", room), ("@session", session), ("@participant", renamed.ParticipantId.ToString()), ("@name", renamed.DisplayName));
                break;
            case SessionClosed when open:
                open = false;
                await ReadModelDatabase.ExecuteAsync(connection, transaction,
                    "UPDATE room_sessions SET ended_at = @at WHERE room_id = @room AND session_no = @session",
                    ("@room", room), ("@session", session), ("@at", at));
                break;
        }
        await ReadModelDatabase.ExecuteAsync(connection, transaction, """
            INSERT INTO room_history_progress (room_id, last_seq, session_no, session_open) VALUES (@room, @seq, @session, @open)
            ON CONFLICT (room_id) DO UPDATE SET last_seq = excluded.last_seq, session_no = excluded.session_no, session_open = excluded.session_open
            """, ("@room", room), ("@seq", envelope.SequenceNr), ("@session", session), ("@open", open ? 1 : 0));
    }

    private static async Task<(long LastSeq, int Session, bool Open)> ProgressAsync(DbConnection connection, DbTransaction transaction, string room)
    {
        await using var command = ReadModelDatabase.Command(connection, transaction,
            "SELECT last_seq, session_no, session_open FROM room_history_progress WHERE room_id = @room", ("@room", room));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture) == 1)
            : (0, 0, false);
    }
}
