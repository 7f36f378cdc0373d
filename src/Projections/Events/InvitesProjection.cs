using System.Data.Common;
using Akka.Persistence.Query;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Projections.Events;

/// <summary>Who is invited to which meeting and how they answered: the source of "my pending invites".</summary>
public sealed class InvitesProjection : IProjection
{
    public string Name => "invites";

    public string Tag => JournalTagger.Event;

    public IReadOnlyList<string> Schema =>
    [
        """
        CREATE TABLE IF NOT EXISTS event_invites (event_id TEXT NOT NULL, invitee TEXT NOT NULL, role TEXT NOT NULL,
            status TEXT NOT NULL, PRIMARY KEY (event_id, invitee))
        """,
        "CREATE TABLE IF NOT EXISTS event_invites_progress (event_id TEXT PRIMARY KEY, last_seq BIGINT NOT NULL, cancelled INTEGER NOT NULL)",
    ];

    public IReadOnlyList<string> Tables => ["event_invites", "event_invites_progress"];

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, EventEnvelope envelope)
    {
        if (envelope.Event is not DomainEvent evt || !envelope.PersistenceId.StartsWith("event-", StringComparison.Ordinal))
            return;
        var eventId = envelope.PersistenceId["event-".Length..];
        await using (var check = ReadModelDatabase.Command(connection, transaction,
            "SELECT last_seq FROM event_invites_progress WHERE event_id = @id", ("@id", eventId)))
        {
            if (await check.ExecuteScalarAsync() is { } seen and not DBNull && Convert.ToInt64(seen, System.Globalization.CultureInfo.InvariantCulture) >= envelope.SequenceNr)
                return; // a replay
        }
        var cancelled = false;
        switch (evt)
        {
            case InviteeAdded e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction, """
                    INSERT INTO event_invites (event_id, invitee, role, status) VALUES (@id, @who, @role, @status)
                    ON CONFLICT (event_id, invitee) DO UPDATE SET role = excluded.role
                    """, ("@id", eventId), ("@who", e.Invitee), ("@role", Wire(e.Role)), ("@status", Wire(InviteStatus.Pending)));
                break;
            case InviteeRemoved e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction,
                    "DELETE FROM event_invites WHERE event_id = @id AND invitee = @who", ("@id", eventId), ("@who", e.Invitee));
                break;
            case InviteAnswered e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction,
                    "UPDATE event_invites SET status = @status WHERE event_id = @id AND invitee = @who",
                    ("@id", eventId), ("@who", e.Invitee), ("@status", Wire(e.Status)));
                break;
            case EventCancelled:
                cancelled = true;
                break;
        }
        await ReadModelDatabase.ExecuteAsync(connection, transaction, """
            INSERT INTO event_invites_progress (event_id, last_seq, cancelled) VALUES (@id, @seq, @cancelled)
            ON CONFLICT (event_id) DO UPDATE SET last_seq = excluded.last_seq,
                cancelled = CASE WHEN excluded.cancelled = 1 THEN 1 ELSE event_invites_progress.cancelled END
            """, ("@id", eventId), ("@seq", envelope.SequenceNr), ("@cancelled", cancelled ? 1 : 0));
    }

    public static string Wire<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
