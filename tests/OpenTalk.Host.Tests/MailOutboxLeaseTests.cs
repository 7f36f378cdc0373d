using Marten;
using OpenTalk.Host.Hosting;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Projections;
using OpenTalk.Projections.Mail;

namespace OpenTalk.Host.Tests;

/// <summary>Two nodes sending the outbox: a node whose lease ran out must not undo what the next one recorded.</summary>
public sealed class MailOutboxLeaseTests
{
    [Fact]
    public async Task A_node_whose_lease_ran_out_cannot_put_back_a_mail_the_next_node_sent()
    {
        var postgres = await TestDatabase.CreateAsync();
        using var store = OpenTalkApp.ReadModels(postgres);
        var schema = new ReadModelSchema(store);
        await schema.EnsureAsync();
        var start = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        await using (var session = store.LightweightSession())
        {
            session.Store(new OutboxMailDocument
            {
                Id = "invite-1", EventId = Guid.NewGuid(), Kind = MailKind.Invite, Recipient = "user:1", QueuedAt = start, NextAttemptAt = start,
            });
            await session.SaveChangesAsync();
        }
        var slowNode = new MailOutbox(store, schema);
        var nextNode = new MailOutbox(store, schema);

        var first = Assert.Single(await slowNode.ClaimDueAsync(start, 10, CancellationToken.None));
        Assert.Empty(await nextNode.ClaimDueAsync(start + TimeSpan.FromSeconds(1), 10, CancellationToken.None));
        var second = Assert.Single(await nextNode.ClaimDueAsync(start + MailOutbox.Lease + TimeSpan.FromSeconds(1), 10, CancellationToken.None));
        await nextNode.MarkSentAsync(second, CancellationToken.None);
        await slowNode.MarkFailedAsync(first, "timed out", start + MailOutbox.Lease + TimeSpan.FromSeconds(2), 5, CancellationToken.None);

        Assert.Equal(1, (await slowNode.CountsAsync(CancellationToken.None))[OutboxState.Sent]);
        Assert.Empty(await slowNode.ClaimDueAsync(start + TimeSpan.FromDays(1), 10, CancellationToken.None));
    }
}
