using Akka.Persistence.Query;
using Marten;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Projections.Mail;

/// <summary>What a queued mail is about.</summary>
public enum MailKind { Invite, Update, Cancel, Uninvite }

/// <summary>
/// Turns meeting events into queued mails (a transactional outbox): one document per recipient, written in the same
/// transaction as the projection's offset, so a mail is queued exactly once however often events are replayed. The
/// creator gets a copy of each. Sending is someone else's job (the Host's mail dispatcher).
/// </summary>
/// <remarks>
/// The queued mails are a record of what was sent, not a view that can be drawn again: a rebuild keeps them and queues
/// only what is missing.
/// </remarks>
public sealed class MailOutboxProjection : IProjection
{
    public const string CopyPrefix = "copy:";

    public string Name => "mail";

    public string Tag => JournalTagger.Event;

    public void Clear(IDocumentOperations session)
    {
        // Only what the projection knows of each meeting: the outbox itself stays (see the remarks).
        session.DeleteWhere<MailEventDocument>(_ => true);
    }

    public async Task ApplyAsync(ProjectionBatch batch, EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not DomainEvent evt || !PersistenceIds.TryParse(envelope.PersistenceId, PersistenceIds.Event, out var eventId))
            return;
        var known = await batch.LoadAsync<MailEventDocument>(eventId, ct);
        if (evt is EventScheduled scheduled)
        {
            if (known is null)
                batch.Store(eventId, new MailEventDocument { Id = eventId, Creator = Invitee.UserKey(scheduled.CreatedBy), LastSeq = envelope.SequenceNr });
            return;
        }
        if (known is null || known.LastSeq >= envelope.SequenceNr)
            return; // a replay

        var queue = new Queue(batch, eventId, envelope.SequenceNr, evt.OccurredAt.ToUniversalTime(), known.Creator);
        switch (evt)
        {
            case InviteeAdded e when !e.RoleChange:
                if (!known.Recipients.Contains(e.Invitee))
                    known.Recipients.Add(e.Invitee);
                if (!e.SuppressMail)
                    await queue.ToAsync(MailKind.Invite, [e.Invitee], ct);
                break;
            case InviteeRemoved e:
                known.Recipients.Remove(e.Invitee);
                if (!e.SuppressMail)
                    await queue.ToAsync(MailKind.Uninvite, [e.Invitee], ct);
                break;
            case EventChanged { SuppressMail: false }:
            case InstanceChanged { SuppressMail: false }:
                await queue.ToAsync(MailKind.Update, known.Recipients, ct);
                break;
            case EventCancelled { SuppressMail: false }:
                await queue.ToAsync(MailKind.Cancel, known.Recipients, ct);
                break;
        }
        known.LastSeq = envelope.SequenceNr;
        batch.Store(eventId, known);
    }

    /// <summary>Queues the mails of one journal event.</summary>
    private sealed class Queue(ProjectionBatch batch, Guid eventId, long seq, DateTimeOffset at, string creator)
    {
        /// <summary>Queues the mail for each recipient and, when there was anyone to tell, a copy for the creator.</summary>
        public async Task ToAsync(MailKind kind, List<string> recipients, CancellationToken ct)
        {
            if (recipients.Count == 0)
                return;
            foreach (var recipient in recipients.Order(StringComparer.Ordinal))
                await OneAsync(kind, recipient, ct);
            await OneAsync(kind, CopyPrefix + creator, ct);
        }

        private async Task OneAsync(MailKind kind, string recipient, CancellationToken ct)
        {
            var id = $"{eventId}:{seq}:{recipient}";
            if (await batch.LoadAsync<OutboxMailDocument>(id, ct) is not null)
                return; // queued before a rebuild: sent, or on its way
            batch.Insert(new OutboxMailDocument
            {
                Id = id, EventId = eventId, Seq = seq, Kind = kind, Recipient = recipient, QueuedAt = at, NextAttemptAt = at,
            });
        }
    }
}
