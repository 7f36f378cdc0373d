using Akka.Persistence.Query;
using Marten;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Projections.Events;

/// <summary>
/// The dashboard's list of scheduled meetings, one document per event, fed by the <c>event</c> tag: details,
/// exceptions, the series' first start and last end (for range filters) and who starred it.
/// </summary>
public sealed class EventsProjection : IProjection
{
    public string Name => "events";

    public string Tag => JournalTagger.Event;

    public void Clear(IDocumentOperations session) => session.DeleteWhere<EventListDocument>(_ => true);

    public async Task ApplyAsync(ProjectionBatch batch, EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not DomainEvent evt)
            return;
        // Npgsql writes only UTC instants into timestamp columns (the creation time is one).
        var at = evt.OccurredAt.ToUniversalTime();
        if (evt is EventScheduled scheduled)
        {
            if (await batch.LoadAsync<EventListDocument>(scheduled.EventId, ct) is not null)
                return; // a replay
            var created = new EventListDocument
            {
                Id = scheduled.EventId, OwnerId = scheduled.CreatedBy, RoomId = scheduled.RoomId, CreatedAt = at, UpdatedAt = at,
                Revision = 1, Details = scheduled.Details, IsAdhoc = scheduled.IsAdhoc, LastSeq = envelope.SequenceNr,
            };
            SetSpan(created);
            batch.Store(created.Id, created);
            return;
        }
        if (!PersistenceIds.TryParse(envelope.PersistenceId, PersistenceIds.Event, out var eventId)
            || await batch.LoadAsync<EventListDocument>(eventId, ct) is not { } listed
            || listed.LastSeq >= envelope.SequenceNr)
            return; // a replay, or an event of an entity this model never saw created
        var revisionStep = 0;
        switch (evt)
        {
            case EventChanged e:
                if (!EventState.SameSeries(listed.Details, e.Details))
                    listed.Exceptions = [];
                listed.Details = e.Details;
                revisionStep = 1;
                break;
            case InstanceChanged e:
                listed.Exceptions[e.Exception.InstanceId] = e.Exception;
                revisionStep = 1;
                break;
            case EventCancelled:
                listed.Cancelled = true;
                revisionStep = 1;
                break;
            case FavoriteAdded e when !listed.FavoredBy.Contains(e.UserId):
                listed.FavoredBy.Add(e.UserId);
                break;
            case FavoriteRemoved e:
                listed.FavoredBy.Remove(e.UserId);
                break;
        }
        SetSpan(listed);
        listed.Revision += revisionStep;
        if (revisionStep > 0)
            listed.UpdatedAt = at;
        listed.LastSeq = envelope.SequenceNr;
        batch.Store(listed.Id, listed);
    }

    /// <summary>Range filters compare whole seconds, as the dashboard's time filters are given.</summary>
    public static DateTimeOffset Seconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    private static void SetSpan(EventListDocument listed)
    {
        var span = Recurrence.Span(listed.Details);
        listed.FirstStart = span is { } s ? Seconds(s.First) : null;
        listed.LastEnd = span?.Last is { } last ? Seconds(last) : null;
    }
}
