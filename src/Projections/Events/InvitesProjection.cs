using Akka.Persistence.Query;
using Marten;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Projections.Events;

/// <summary>Who is invited to which meeting and how they answered: the source of "my pending invites".</summary>
public sealed class InvitesProjection : IProjection
{
    public string Name => "invites";

    public string Tag => JournalTagger.Event;

    public void Clear(IDocumentOperations session) => session.DeleteWhere<EventInvitesDocument>(_ => true);

    public async Task ApplyAsync(ProjectionBatch batch, EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not DomainEvent evt || !PersistenceIds.TryParse(envelope.PersistenceId, PersistenceIds.Event, out var eventId))
            return;
        var invites = await batch.LoadAsync<EventInvitesDocument>(eventId, ct) ?? new EventInvitesDocument { Id = eventId };
        if (invites.LastSeq >= envelope.SequenceNr)
            return; // a replay
        var at = invites.Invitees.FindIndex(i => i.Key == Key(evt));
        switch (evt)
        {
            case InviteeAdded e when at >= 0:
                invites.Invitees[at] = invites.Invitees[at] with { Role = Wire(e.Role) };
                break;
            case InviteeAdded e:
                invites.Invitees.Add(new InviteEntry(e.Invitee, Wire(e.Role), Wire(InviteeStatus.Pending)));
                break;
            case InviteeRemoved when at >= 0:
                invites.Invitees.RemoveAt(at);
                break;
            case InviteAnswered e when at >= 0:
                invites.Invitees[at] = invites.Invitees[at] with { Status = Wire(e.Status) };
                break;
        }
        invites.InviteeKeys = [.. invites.Invitees.Select(i => i.Key)];
        invites.LastSeq = envelope.SequenceNr;
        batch.Store(eventId, invites);
    }

    private static string? Key(DomainEvent evt) => evt switch
    {
        InviteeAdded e => e.Invitee,
        InviteeRemoved e => e.Invitee,
        InviteAnswered e => e.Invitee,
        _ => null,
    };

    public static string Wire<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
