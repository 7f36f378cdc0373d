using System.Linq.Expressions;
using Marten;
using Marten.Patching;

namespace OpenTalk.Projections.Mail;

/// <summary>
/// A queued mail: which meeting, what about, and to whom (an invitee key, or <c>copy:</c> + the creator's key), with
/// the token of the claim it was sent under.
/// </summary>
public sealed record QueuedMail(string Id, Guid EventId, MailKind Kind, string Recipient, int Attempts, Guid ClaimToken)
{
    public bool IsCreatorCopy => Recipient.StartsWith(MailOutboxProjection.CopyPrefix, StringComparison.Ordinal);

    public string InviteeKey => IsCreatorCopy ? Recipient[MailOutboxProjection.CopyPrefix.Length..] : Recipient;
}

/// <summary>
/// The sending side of the mail outbox: claims due mails (a lease, so two nodes never send the same one at once),
/// and records the result: sent, retry later, or given up.
/// </summary>
public sealed class MailOutbox(IDocumentStore store, ReadModelSchema schema)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<QueuedMail>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        now = now.ToUniversalTime();
        await using var session = store.LightweightSession();
        var due = (await session.Query<OutboxMailDocument>()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(max)
            .ToListAsync(ct)).ToArray();
        if (due.Length == 0)
            return [];
        // One conditional update: a node claiming at the same moment waits for the row lock, finds the condition
        // false and leaves the row alone. What this node won is what carries its token.
        var token = Guid.NewGuid();
        session.Patch<OutboxMailDocument>(m => due.Contains(m.Id) && m.State == OutboxState.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .Set(m => m.ClaimedUntil, (DateTimeOffset?)(now + Lease))
            .Set(m => m.ClaimToken, (Guid?)token);
        await session.SaveChangesAsync(ct);
        var claimed = await session.Query<OutboxMailDocument>().Where(m => m.ClaimToken == token)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync(ct);
        return [.. claimed.Select(m => new QueuedMail(m.Id, m.EventId, m.Kind, m.Recipient, m.Attempts, token))];
    }

    public Task MarkSentAsync(QueuedMail mail, CancellationToken ct) => FinishAsync(mail, OutboxState.Sent, null, ct);

    /// <summary>A mail that can never be sent (no address known): kept with the reason, not retried.</summary>
    public Task MarkSkippedAsync(QueuedMail mail, string reason, CancellationToken ct) => FinishAsync(mail, OutboxState.Skipped, reason, ct);

    /// <summary>Schedules the next attempt after a growing pause, or gives up after <paramref name="maxAttempts"/>.</summary>
    public async Task MarkFailedAsync(QueuedMail mail, string error, DateTimeOffset now, int maxAttempts, CancellationToken ct)
    {
        var attempts = mail.Attempts + 1;
        var pause = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, attempts - 1)));
        await using var session = store.LightweightSession();
        session.Patch(HeldBy(mail))
            .Set(m => m.Attempts, attempts)
            .Set(m => m.State, attempts >= maxAttempts ? OutboxState.Failed : OutboxState.Pending)
            .Set(m => m.NextAttemptAt, now.ToUniversalTime() + pause)
            .Set(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .Set(m => m.LastError, error.Length > 1000 ? error[..1000] : error);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Mails waiting for another attempt after a failure, with the last error.</summary>
    public async Task<IReadOnlyList<(string Id, int Attempts, string Error)>> RetryingAsync(CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var retrying = await session.Query<OutboxMailDocument>()
            .Where(m => m.State == OutboxState.Pending && m.Attempts > 0).OrderBy(m => m.Id).ToListAsync(ct);
        return [.. retrying.Select(m => (m.Id, m.Attempts, m.LastError ?? ""))];
    }

    /// <summary>How many mails are in each state (for the admin view and tests).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var counts = await session.Query<OutboxMailDocument>().GroupBy(m => m.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// The mail, as long as the claim it was sent under is still the last: a node whose lease ran out while it was
    /// sending must not undo what the node that took the mail over recorded (a failure after its success would send
    /// the mail once more).
    /// </summary>
    private static Expression<Func<OutboxMailDocument, bool>> HeldBy(QueuedMail mail) =>
        m => m.Id == mail.Id && m.ClaimToken == mail.ClaimToken;

    private async Task FinishAsync(QueuedMail mail, string state, string? note, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Patch(HeldBy(mail))
            .Set(m => m.State, state)
            .Increment(m => m.Attempts)
            .Set(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .Set(m => m.LastError, note);
        await session.SaveChangesAsync(ct);
    }
}
