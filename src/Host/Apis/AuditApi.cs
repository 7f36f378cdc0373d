using System.Text.Json;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Audit;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>One stored event; <paramref name="Data"/> is null and <paramref name="Stored"/> holds the bytes as text when they are not readable.</summary>
public sealed record AuditEvent(long SequenceNr, string Type, DateTimeOffset? OccurredAt, string? By, string? PrevHash, string Hash, JsonElement? Data,
    string? Stored = null);

public sealed record AuditPage(Guid RoomId, IReadOnlyList<AuditEvent> Events, long? NextFrom);

/// <summary>
/// <paramref name="FirstBrokenSequenceNr"/> names the first event that was changed, removed or cannot be read;
/// <paramref name="Problems"/> lists each of them.
/// </summary>
public sealed record AuditVerification(Guid RoomId, bool Intact, int EventCount, string HeadHash, long? FirstBrokenSequenceNr,
    IReadOnlyList<ChainProblem> Problems);

/// <summary>
/// A room's full history from the journal table as stored, a check of its hash chain, and the room as it stood at any
/// instant. For the room's owner, administrators and auditors (role <c>opentalk-auditor</c>), who may audit every room.
/// </summary>
public static class AuditApi
{
    private const int PageSize = 500;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/v1/audit/rooms/{roomId:guid}").RequireAuthorization();
        audit.MapGet("/events", Events).Returns<AuditPage>();
        audit.MapGet("/verify", Verify).Returns<AuditVerification>();
        audit.MapGet("/state", State).Returns<AuditRoomState>();
        return app;
    }

    private static async Task<IResult> Events(Guid roomId, long? from, HttpContext context, AuditJournal journal)
    {
        if (await RefuseUnlessAllowedAsync(roomId, context, journal) is { } refused)
            return refused;
        var start = Math.Max(1, from ?? 1);
        var stored = await journal.EventsAsync(roomId, context.RequestAborted, start, PageSize + 1);
        var page = stored.Take(PageSize).Select(ToAudit).ToList();
        return Results.Ok(new AuditPage(roomId, page, stored.Count > PageSize ? page[^1].SequenceNr + 1 : null));
    }

    private static async Task<IResult> Verify(Guid roomId, HttpContext context, AuditJournal journal)
    {
        if (await RefuseUnlessAllowedAsync(roomId, context, journal) is { } refused)
            return refused;
        var report = await journal.CheckAsync(roomId, context.RequestAborted);
        return Results.Ok(new AuditVerification(roomId, report.Intact, report.Events.Count, report.HeadHash,
            report.Problems.Count > 0 ? report.Problems[0].SequenceNr : null, report.Problems));
    }

    /// <summary><c>?at=</c> an ISO 8601 instant (default: now).</summary>
    private static async Task<IResult> State(Guid roomId, DateTimeOffset? at, HttpContext context, AuditJournal journal,
        TimeProvider clock)
    {
        if (await RefuseUnlessAllowedAsync(roomId, context, journal) is { } refused)
            return refused;
        var report = await journal.CheckAsync(roomId, context.RequestAborted);
        return Results.Ok(AuditRoomState.Replay(roomId, report.Events, at ?? clock.GetUtcNow()));
    }

    /// <summary>
    /// Auditors and administrators may audit any room the journal knows (a deleted one too); the owner their own. The
    /// owner is read from the journal's first event, not asked of the live meeting: a room whose journal was damaged
    /// may not start any more, and that is exactly when its history must still be readable.
    /// </summary>
    private static async Task<IResult?> RefuseUnlessAllowedAsync(Guid roomId, HttpContext context, AuditJournal journal)
    {
        var user = CurrentUser.From(context.User)!;
        var first = await journal.EventsAsync(roomId, context.RequestAborted, limit: 1);
        if (first.Count == 0)
            return Problems.For(ProblemCodes.NotFound);
        if (user.IsAdmin || user.IsAuditor || ChainAudit.Read(first[0]).Event is RoomCreated created && created.OwnerId == user.Id)
            return null;
        return Problems.For(ProblemCodes.Forbidden);
    }

    private static AuditEvent ToAudit(StoredEvent stored)
    {
        var entry = ChainAudit.Read(stored);
        return entry.Event is { } evt
            ? new AuditEvent(stored.SequenceNr, stored.Manifest, evt.OccurredAt, evt.By, evt.PrevHash, entry.Hash,
                JsonSerializer.SerializeToElement(evt, evt.GetType(), JournalJson.Options))
            : new AuditEvent(stored.SequenceNr, stored.Manifest, null, null, null, entry.Hash, null, System.Text.Encoding.UTF8.GetString(stored.Payload));
    }
}
