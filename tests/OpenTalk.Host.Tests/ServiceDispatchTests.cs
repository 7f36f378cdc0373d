using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using System.Threading.Channels;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Services.Jobs;

namespace OpenTalk.Host.Tests;

/// <summary>The tests that use the broker run one after the other: one of them restarts it.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection
{
    public const string Name = "RabbitMQ broker";
}

/// <summary>How rooms send for services: the job queue on the real RabbitMQ that ./test starts, and in the node without one.</summary>
[Collection(BrokerCollection.Name)]
public sealed class ServiceDispatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static string NewKind() => "test-" + Guid.NewGuid().ToString("N")[..8];

    private static Task<RabbitMqJobQueue> ConnectAsync(string name) =>
        RabbitMqJobQueue.ConnectAsync(TestBroker.Uri, name, NullLogger.Instance, CancellationToken.None);

    /// <summary>
    /// Takes jobs into a channel, each held until the test settles it; then its handler returns, as a service's does
    /// when it is done with a job.
    /// </summary>
    private static (Task Running, ChannelReader<IJobLease> Taken) Consume(IServiceJobQueue queue, string kind, CancellationToken stop)
    {
        var taken = Channel.CreateUnbounded<IJobLease>();
        var running = queue.ConsumeAsync(kind, 1, async (lease, ct) =>
        {
            var held = new HeldLease(lease);
            await taken.Writer.WriteAsync(held, ct);
            await held.Settled.WaitAsync(ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }, stop);
        return (running, taken.Reader);
    }

    private sealed class HeldLease(IJobLease lease) : IJobLease
    {
        private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Settled => _settled.Task;

        public ServiceJob Job => lease.Job;

        public int Redeliveries => lease.Redeliveries;

        public async Task AcknowledgeAsync()
        {
            await lease.AcknowledgeAsync();
            _settled.TrySetResult();
        }

        public async Task ReleaseAsync()
        {
            await lease.ReleaseAsync();
            _settled.TrySetResult();
        }
    }

    private static async Task<IJobLease> TakeAsync(ChannelReader<IJobLease> taken) =>
        await NextAsync(taken, Patience) ?? throw new TimeoutException("No job was taken.");

    /// <summary>The next job taken, or null when none comes within <paramref name="within"/> (the wait is withdrawn, so it takes nothing later).</summary>
    private static async Task<IJobLease?> NextAsync(ChannelReader<IJobLease> taken, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await taken.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_job_goes_to_one_service_and_to_another_when_that_one_dies_before_acknowledging_it()
    {
        var kind = NewKind();
        var job = new ServiceJob(Guid.NewGuid(), null, Guid.NewGuid());
        await using (var node = await ConnectAsync("node"))
            await node.PublishAsync(kind, job, CancellationToken.None);

        using var stopFirst = new CancellationTokenSource();
        var first = await ConnectAsync("first");
        var (firstRunning, firstTaken) = Consume(first, kind, stopFirst.Token);
        var lease = await TakeAsync(firstTaken);
        Assert.Equal((job, 0), (lease.Job, lease.Redeliveries));

        // While the first holds it, nobody else gets it.
        using var stopSecond = new CancellationTokenSource();
        await using var second = await ConnectAsync("second");
        var (secondRunning, secondTaken) = Consume(second, kind, stopSecond.Token);
        Assert.Null(await NextAsync(secondTaken, TimeSpan.FromSeconds(2)));

        // The first dies without acknowledging (its connection goes): the second takes the job.
        await first.DisposeAsync();
        await stopFirst.CancelAsync();
        var retaken = await TakeAsync(secondTaken);
        Assert.Equal(job, retaken.Job);
        Assert.True(retaken.Redeliveries >= 1);
        await retaken.AcknowledgeAsync();

        // Acknowledged is done: a third never sees it.
        using var stopThird = new CancellationTokenSource();
        await using var third = await ConnectAsync("third");
        var (thirdRunning, thirdTaken) = Consume(third, kind, stopThird.Token);
        Assert.Null(await NextAsync(thirdTaken, TimeSpan.FromSeconds(2)));
        await stopSecond.CancelAsync();
        await stopThird.CancelAsync();
        await Task.WhenAll(secondRunning, thirdRunning).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_job_queued_while_the_broker_restarts_still_runs_and_only_once()
    {
        var kind = NewKind();
        var job = new ServiceJob(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var node = await ConnectAsync("node"))
            await node.PublishAsync(kind, job, CancellationToken.None);

        await TestBroker.RestartAsync();

        using var stop = new CancellationTokenSource();
        await using var service = await ConnectAsync("service");
        var (running, taken) = Consume(service, kind, stop.Token);
        var lease = await TakeAsync(taken);
        Assert.Equal(job, lease.Job);
        await lease.AcknowledgeAsync();
        Assert.Null(await NextAsync(taken, TimeSpan.FromSeconds(2)));
        await stop.CancelAsync();
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task In_the_node_a_job_given_back_comes_again_and_an_acknowledged_one_does_not()
    {
        await using var queue = new InProcessJobQueue();
        var job = new ServiceJob(Guid.NewGuid(), null, Guid.NewGuid());
        await queue.PublishAsync(ServiceKinds.Recorder, job, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var (running, taken) = Consume(queue, ServiceKinds.Recorder, stop.Token);
        var lease = await TakeAsync(taken);
        await lease.ReleaseAsync();
        var again = await TakeAsync(taken);
        Assert.Equal((job, 1), (again.Job, again.Redeliveries));
        await again.AcknowledgeAsync();
        await stop.CancelAsync();
        await running.WaitAsync(Patience);
        Assert.False(taken.TryRead(out _));
    }
}

/// <summary>A node with a broker: a moderator's start sends for a recorder over RabbitMQ, and the recorder that takes the job joins.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RecorderJobOverRabbitMqTests : RoomTest
{
    protected override string[] NodeArguments => ["--Services:RabbitMq", TestBroker.Uri.ToString()];

    [Fact]
    public async Task Starting_a_recording_sends_a_job_that_one_recorder_takes_and_a_second_taker_finds_done()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var recording = Guid.Parse(owner.JoinSuccess.GetProperty("recording").GetProperty("targets").EnumerateObject()
            .Single(t => t.Value.GetProperty("streaming_kind").GetString() == "recording").Name);

        await using var broker = await RabbitMqJobQueue.ConnectAsync(TestBroker.Uri, "recorder", NullLogger.Instance, CancellationToken.None);
        var recorder = await Node.AsRecorderAsync();
        var joined = new TaskCompletionSource<SignalingClient>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var running = broker.ConsumeAsync(ServiceKinds.Recorder, 1, async (lease, ct) =>
        {
            var ticket = await recorder.StartRecorderAsync(lease.Job.Room, lease.Job.Breakout, ct);
            var socket = await Node.ConnectAsync(ticket.Ticket);
            await socket.JoinAsync("Recorder", ct);
            await socket.WaitForAsync("control", "join_success");
            await lease.AcknowledgeAsync(); // only now: joined
            joined.SetResult(socket);
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }, stop.Token);

        await owner.Socket.SendAsync("recording", "start_stream", new { target_ids = new[] { recording } });
        await using var service = await joined.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await service.SendAsync("recording_service", "stream_updated", new { target_id = recording, status = "active" });
        await owner.Socket.WaitForAsync(m => m.Message == "stream_updated" && m.Payload.GetProperty("status").GetString() == "active");

        // The broker hands the same job out again (a connection lost right after the acknowledgement): the room has its recorder.
        var late = await Assert.ThrowsAsync<OpenTalkApiException>(() => recorder.StartRecorderAsync(Room));
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.DoesNotContain(owner.Socket.Drain(), m => m.Message is "recorder_error");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
