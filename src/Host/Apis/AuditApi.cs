using System.Text.Json;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Host.Apis;

public sealed record AuditEvent(long SequenceNr, string Type, DateTimeOffset OccurredAt, string By, string PrevHash, string Hash, JsonElement Data);

public sealed record AuditPage(Guid RoomId, IReadOnlyList<AuditEvent> Events, long? NextFrom);

public sealed record AuditVerification(Guid RoomId, bool Intact, int EventCount, string HeadHash, long? FirstBrokenSequenceNr);

/// <summary>A room's full history from the journal, and a check of its hash chain. Owner or admin only.</summary>
public static class AuditApi
{
    private const int PageSize = 500;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/v1/audit/rooms/{roomId:guid}").RequireAuthorization();
        audit.MapGet("/events", Events).Returns<AuditPage>();
        audit.MapGet("/verify", Verify).Returns<AuditVerification>();
        return app;
    }

    private static async Task<IResult> Events(Guid roomId, long? from, HttpContext context, EngineGateway engine, ActorSystem system)
    {
        if (await RoomOwnership.RefuseUnlessOwnerAsync(roomId, context, engine) is { } refused)
            return refused;
        var start = Math.Max(1, from ?? 1);
        var history = await ReadAsync(system, roomId, start, start + PageSize);
        var page = history.Take(PageSize).Select(ToAudit).ToList();
        return Results.Ok(new AuditPage(roomId, page, history.Count > PageSize ? page[^1].SequenceNr + 1 : null));
    }

    private static async Task<IResult> Verify(Guid roomId, HttpContext context, EngineGateway engine, ActorSystem system)
    {
        if (await RoomOwnership.RefuseUnlessOwnerAsync(roomId, context, engine) is { } refused)
            return refused;
        var history = await ReadAsync(system, roomId, 1, long.MaxValue);
        var events = history.Select(e => (DomainEvent)e.Event).ToList();
        var broken = HashChain.FirstBrokenLink(events);
        return Results.Ok(new AuditVerification(roomId, broken is null, events.Count,
            events.Count == 0 ? HashChain.Genesis : HashChain.HashOf(events[^1]),
            broken is { } index ? history[index].SequenceNr : null));
    }

    private static async Task<IReadOnlyList<EventEnvelope>> ReadAsync(ActorSystem system, Guid roomId, long from, long to)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>("akka.persistence.query.journal.sql");
        var events = await journal.CurrentEventsByPersistenceId(PersistenceIds.Of(PersistenceIds.Meeting, roomId), from, to)
            .Where(e => e.Event is DomainEvent)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
        return events;
    }

    private static AuditEvent ToAudit(EventEnvelope envelope)
    {
        var evt = (DomainEvent)envelope.Event;
        return new AuditEvent(envelope.SequenceNr, EventCatalog.ManifestOf(evt.GetType()), evt.OccurredAt, evt.By, evt.PrevHash,
            HashChain.HashOf(evt), JsonSerializer.SerializeToElement(evt, evt.GetType(), JournalJson.Options));
    }
}
