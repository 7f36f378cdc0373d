using System.Data.Common;
using System.Globalization;
using Akka.Persistence.Query;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Projections.Mail;

/// <summary>What a queued mail is about.</summary>
public enum MailKind { Invite, Update, Cancel, Uninvite }

/// <summary>
/// Turns meeting events into queued mails (a transactional outbox): one row per recipient, written in the same
/// transaction as the projection's offset, so a mail is queued exactly once however often events are replayed. The
/// creator gets a copy of each. Sending is someone else's job (the Host's mail dispatcher).
/// </summary>
public sealed class MailOutboxProjection : IProjection
{
    public const string CopyPrefix = "copy:";

    public string Name => "mail";

    public string Tag => JournalTagger.Event;

    public IReadOnlyList<string> Schema =>
    [
        "CREATE TABLE IF NOT EXISTS mail_events (event_id TEXT PRIMARY KEY, creator TEXT NOT NULL, last_seq BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS mail_recipients (event_id TEXT NOT NULL, invitee TEXT NOT NULL, PRIMARY KEY (event_id, invitee))",
        """
        CREATE TABLE IF NOT EXISTS mail_outbox (id TEXT PRIMARY KEY, event_id TEXT NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL,
            recipient TEXT NOT NULL, queued_at TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL,
            next_attempt_at TEXT NOT NULL, claimed_until TEXT NULL, last_error TEXT NULL)
        """,
    ];

    public IReadOnlyList<string> Tables => ["mail_events", "mail_recipients", "mail_outbox"];

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, EventEnvelope envelope)
    {
        if (envelope.Event is not DomainEvent evt || !envelope.PersistenceId.StartsWith("event-", StringComparison.Ordinal))
            return;
        var eventId = envelope.PersistenceId["event-".Length..];
        if (evt is EventScheduled scheduled)
        {
            await ReadModelDatabase.ExecuteAsync(connection, transaction,
                "INSERT INTO mail_events (event_id, creator, last_seq) VALUES (@id, @creator, @seq) ON CONFLICT (event_id) DO NOTHING",
                ("@id", eventId), ("@creator", Invitee.UserKey(scheduled.CreatedBy)), ("@seq", envelope.SequenceNr));
            return;
        }
        string creator;
        await using (var check = ReadModelDatabase.Command(connection, transaction,
            "SELECT creator, last_seq FROM mail_events WHERE event_id = @id", ("@id", eventId)))
        await using (var reader = await check.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync() || Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) >= envelope.SequenceNr)
                return; // a replay
            creator = reader.GetString(0);
        }

        var queue = new Queue(connection, transaction, eventId, envelope.SequenceNr, evt.OccurredAt);
        switch (evt)
        {
            case InviteeAdded e when !e.RoleChange:
                await ReadModelDatabase.ExecuteAsync(connection, transaction,
                    "INSERT INTO mail_recipients (event_id, invitee) VALUES (@id, @who) ON CONFLICT (event_id, invitee) DO NOTHING",
                    ("@id", eventId), ("@who", e.Invitee));
                if (!e.SuppressMail)
                    await queue.ToAsync(MailKind.Invite, [e.Invitee], creator);
                break;
            case InviteeRemoved e:
                await ReadModelDatabase.ExecuteAsync(connection, transaction,
                    "DELETE FROM mail_recipients WHERE event_id = @id AND invitee = @who", ("@id", eventId), ("@who", e.Invitee));
                if (!e.SuppressMail)
                    await queue.ToAsync(MailKind.Uninvite, [e.Invitee], creator);
                break;
            case EventChanged { SuppressMail: false }:
            case InstanceChanged { SuppressMail: false }:
                await queue.ToAsync(MailKind.Update, await RecipientsAsync(connection, transaction, eventId), creator);
                break;
            case EventCancelled { SuppressMail: false }:
                await queue.ToAsync(MailKind.Cancel, await RecipientsAsync(connection, transaction, eventId), creator);
                break;
        }
        await ReadModelDatabase.ExecuteAsync(connection, transaction,
            "UPDATE mail_events SET last_seq = @seq WHERE event_id = @id", ("@id", eventId), ("@seq", envelope.SequenceNr));
    }

    private static async Task<IReadOnlyList<string>> RecipientsAsync(DbConnection connection, DbTransaction transaction, string eventId)
    {
        await using var command = ReadModelDatabase.Command(connection, transaction,
            "SELECT invitee FROM mail_recipients WHERE event_id = @id ORDER BY invitee", ("@id", eventId));
        await using var reader = await command.ExecuteReaderAsync();
        var recipients = new List<string>();
        while (await reader.ReadAsync())
            recipients.Add(reader.GetString(0));
        return recipients;
    }

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes outbox rows for one journal event.</summary>
    private sealed class Queue(DbConnection connection, DbTransaction transaction, string eventId, long seq, DateTimeOffset at)
    {
        /// <summary>Queues the mail for each recipient and, when there was anyone to tell, a copy for the creator.</summary>
        public async Task ToAsync(MailKind kind, IReadOnlyList<string> recipients, string creator)
        {
            if (recipients.Count == 0)
                return;
            foreach (var recipient in recipients)
                await OneAsync(kind, recipient);
            await OneAsync(kind, CopyPrefix + creator);
        }

        private Task<int> OneAsync(MailKind kind, string recipient) => ReadModelDatabase.ExecuteAsync(connection, transaction, """
            INSERT INTO mail_outbox (id, event_id, seq, kind, recipient, queued_at, state, attempts, next_attempt_at)
            VALUES (@key, @event, @seq, @kind, @recipient, @at, 'pending', 0, @at)
            ON CONFLICT (id) DO NOTHING
            """, ("@key", $"{eventId}:{seq}:{recipient}"), ("@event", eventId), ("@seq", seq),
            ("@kind", kind.ToString().ToLowerInvariant()), ("@recipient", recipient), ("@at", Instant(at)));
    }
}
