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
public sealed class MailOutboxProjection : IProjection
{
    public const string CopyPrefix = "copy:";

    public string Name => "mail";

    public string Tag => JournalTagger.Event;

    public void Clear(IDocumentOperations session)
    {
        session.DeleteWhere<MailEventDocument>(_ => true);
        session.DeleteWhere<OutboxMailDocument>(_ => true);
    }

    public async Task ApplyAsync(ProjectionBatch batch, EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not DomainEvent evt || !envelope.PersistenceId.StartsWith("event-", StringComparison.Ordinal)
            || !Guid.TryParse(envelope.PersistenceId["event-".Length..], out var eventId))
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
                    queue.To(MailKind.Invite, [e.Invitee]);
                break;
            case InviteeRemoved e:
                known.Recipients.Remove(e.Invitee);
                if (!e.SuppressMail)
                    queue.To(MailKind.Uninvite, [e.Invitee]);
                break;
            case EventChanged { SuppressMail: false }:
            case InstanceChanged { SuppressMail: false }:
                queue.To(MailKind.Update, known.Recipients);
                break;
            case EventCancelled { SuppressMail: false }:
                queue.To(MailKind.Cancel, known.Recipients);
                break;
        }
        known.LastSeq = envelope.SequenceNr;
        batch.Store(eventId, known);
    }

    /// <summary>Queues the mails of one journal event.</summary>
    private sealed class Queue(ProjectionBatch batch, Guid eventId, long seq, DateTimeOffset at, string creator)
    {
        /// <summary>Queues the mail for each recipient and, when there was anyone to tell, a copy for the creator.</summary>
        public void To(MailKind kind, List<string> recipients)
        {
            if (recipients.Count == 0)
                return;
            foreach (var recipient in recipients.Order(StringComparer.Ordinal))
                One(kind, recipient);
            One(kind, CopyPrefix + creator);
        }

        private void One(MailKind kind, string recipient) => batch.Insert(new OutboxMailDocument
        {
            Id = $"{eventId}:{seq}:{recipient}", EventId = eventId, Seq = seq, Kind = kind, Recipient = recipient,
            QueuedAt = at, NextAttemptAt = at,
        });
    }
}
