using Akka.Persistence.Query;
using Marten;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Hosting;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Projections;
using OpenTalk.Projections.Mail;

namespace OpenTalk.Host.Tests;

/// <summary>
/// The outbox on a read-model store that starts afresh on an old journal: what changed long ago is recorded, not
/// mailed to everyone again, while what just changed is mailed.
/// </summary>
public sealed class MailOutboxReplayTests
{
    [Fact]
    public async Task Changes_older_than_a_day_are_recorded_as_skipped_and_recent_ones_are_queued()
    {
        var postgres = await TestDatabase.CreateAsync();
        using var store = OpenTalkApp.ReadModels(postgres);
        var schema = new ReadModelSchema(store);
        var projections = new ProjectionStore(store, schema);
        var now = DateTimeOffset.UtcNow;
        var eventId = Guid.NewGuid();
        var details = new EventDetails("Board meeting", "", false, true, null, null, null, null, []);
        DomainEventAt[] journal =
        [
            new(new EventScheduled(eventId, Guid.NewGuid(), Guid.NewGuid(), details), now - TimeSpan.FromDays(30)),
            new(new InviteeAdded(eventId, "user:long-ago", InviteeRole.User), now - TimeSpan.FromDays(30)),
            new(new InviteeAdded(eventId, "user:just-now", InviteeRole.User), now - TimeSpan.FromMinutes(1)),
        ];

        await projections.ApplyBatchAsync(new MailOutboxProjection(), [.. journal.Select((e, i) =>
            new EventEnvelope(Offset.Sequence(i + 1), $"event-{eventId}", i + 1, e.Event with { OccurredAt = e.At }, e.At.ToUnixTimeMilliseconds(), []))]);

        await using var session = store.QuerySession();
        var mails = (await session.Query<OutboxMailDocument>().ToListAsync()).OrderBy(m => m.Seq).ThenBy(m => m.Recipient, StringComparer.Ordinal)
            .Select(m => (m.Seq, Copy: m.Recipient.StartsWith(MailOutboxProjection.CopyPrefix, StringComparison.Ordinal), m.State)).ToList();
        Assert.Equal(
            [(2L, true, OutboxState.Skipped), (2L, false, OutboxState.Skipped), (3L, true, OutboxState.Pending), (3L, false, OutboxState.Pending)],
            mails);
    }

    private sealed record DomainEventAt(OpenTalk.Actors.Journal.DomainEvent Event, DateTimeOffset At);
}
