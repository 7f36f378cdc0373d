using System.Globalization;

namespace OpenTalk.Projections.Mail;

/// <summary>A queued mail: which meeting, what about, and to whom (an invitee key, or <c>copy:</c> + the creator's key).</summary>
public sealed record QueuedMail(string Id, Guid EventId, MailKind Kind, string Recipient, int Attempts)
{
    public bool IsCreatorCopy => Recipient.StartsWith(MailOutboxProjection.CopyPrefix, StringComparison.Ordinal);

    public string InviteeKey => IsCreatorCopy ? Recipient[MailOutboxProjection.CopyPrefix.Length..] : Recipient;
}

/// <summary>
/// The sending side of the mail outbox: claims due mails (a lease, so two nodes never send the same one at once),
/// and records the result: sent, retry later, or given up.
/// </summary>
public sealed class MailOutbox(ReadModelDatabase database, ProjectionStore store)
{
    private static readonly MailOutboxProjection Projection = new();

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<QueuedMail>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        await store.EnsureSchemaAsync(Projection, ct);
        var at = MailOutboxProjection.Instant(now);
        await using var connection = await database.OpenAsync(ct);
        var due = new List<QueuedMail>();
        await using (var command = ReadModelDatabase.Command(connection, null, """
            SELECT id, event_id, kind, recipient, attempts FROM mail_outbox
            WHERE state = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)
            ORDER BY next_attempt_at, id LIMIT @max
            """, ("@now", at), ("@max", max)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                due.Add(new QueuedMail(reader.GetString(0), Guid.Parse(reader.GetString(1)),
                    Enum.Parse<MailKind>(reader.GetString(2), ignoreCase: true), reader.GetString(3),
                    Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture)));
            }
        }
        var claimed = new List<QueuedMail>();
        foreach (var mail in due)
        {
            var rows = await ReadModelDatabase.ExecuteAsync(connection, null, """
                UPDATE mail_outbox SET claimed_until = @until
                WHERE id = @id AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < @now)
                """, ("@id", mail.Id), ("@until", MailOutboxProjection.Instant(now + Lease)), ("@now", at));
            if (rows == 1)
                claimed.Add(mail);
        }
        return claimed;
    }

    public Task MarkSentAsync(QueuedMail mail, CancellationToken ct) => FinishAsync(mail, "sent", null, ct);

    /// <summary>A mail that can never be sent (no address known): kept with the reason, not retried.</summary>
    public Task MarkSkippedAsync(QueuedMail mail, string reason, CancellationToken ct) => FinishAsync(mail, "skipped", reason, ct);

    /// <summary>Schedules the next attempt after a growing pause, or gives up after <paramref name="maxAttempts"/>.</summary>
    public async Task MarkFailedAsync(QueuedMail mail, string error, DateTimeOffset now, int maxAttempts, CancellationToken ct)
    {
        var attempts = mail.Attempts + 1;
        var pause = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, attempts - 1)));
        await using var connection = await database.OpenAsync(ct);
        await ReadModelDatabase.ExecuteAsync(connection, null, """
            UPDATE mail_outbox SET attempts = @attempts, state = @state, next_attempt_at = @next, claimed_until = NULL, last_error = @error
            WHERE id = @id
            """, ("@id", mail.Id), ("@attempts", attempts), ("@state", attempts >= maxAttempts ? "failed" : "pending"),
            ("@next", MailOutboxProjection.Instant(now + pause)), ("@error", error.Length > 1000 ? error[..1000] : error));
    }

    /// <summary>Mails waiting for another attempt after a failure, with the last error.</summary>
    public async Task<IReadOnlyList<(string Id, int Attempts, string Error)>> RetryingAsync(CancellationToken ct)
    {
        await store.EnsureSchemaAsync(Projection, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = ReadModelDatabase.Command(connection, null,
            "SELECT id, attempts, last_error FROM mail_outbox WHERE state = 'pending' AND attempts > 0 ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var retrying = new List<(string, int, string)>();
        while (await reader.ReadAsync(ct))
            retrying.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2)));
        return retrying;
    }

    /// <summary>How many mails are in each state (for the admin view and tests).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken ct)
    {
        await store.EnsureSchemaAsync(Projection, ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = ReadModelDatabase.Command(connection, null, "SELECT state, COUNT(*) FROM mail_outbox GROUP BY state");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        return counts;
    }

    private async Task FinishAsync(QueuedMail mail, string state, string? note, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await ReadModelDatabase.ExecuteAsync(connection, null,
            "UPDATE mail_outbox SET state = @state, attempts = attempts + 1, claimed_until = NULL, last_error = @note WHERE id = @id",
            ("@id", mail.Id), ("@state", state), ("@note", note));
    }
}
