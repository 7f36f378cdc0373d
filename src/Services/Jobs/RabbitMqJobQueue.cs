using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OpenTalk.Services.Jobs;

/// <summary>
/// Jobs on RabbitMQ: a durable quorum queue per service kind (<c>opentalk.jobs.{kind}</c>), persistent messages
/// published with confirms, acknowledged by hand. A service that dies before acknowledging (its connection closes)
/// leaves the job to the next; a job handed out <see cref="DeliveryLimit"/> times is dropped as poison. The broker may
/// hand a job out twice (a connection lost right after the acknowledgement); the room admits one service per job,
/// so the second finds it taken and lets it go.
/// </summary>
public sealed class RabbitMqJobQueue : IServiceJobQueue
{
    public const int DeliveryLimit = 10;

    /// <summary>How long a service that is full waits before it gives a job back for another to take.</summary>
    private static readonly TimeSpan FullBackoff = TimeSpan.FromSeconds(1);

    private readonly IConnection _connection;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private IChannel? _publisher;

    /// <summary>Queues are named <c>{prefix}.{kind}</c>; deployments sharing a broker keep apart with their own prefix.</summary>
    public const string DefaultPrefix = "opentalk.jobs";

    private readonly string _prefix;

    private RabbitMqJobQueue(IConnection connection, ILogger log, string prefix)
    {
        _prefix = prefix;
        _connection = connection;
        _log = log;
    }

    /// <param name="uri">amqp://user:password@host:port/vhost</param>
    /// <param name="prefix">The queues' names before the service kind (<see cref="DefaultPrefix"/>).</param>
    public static async Task<RabbitMqJobQueue> ConnectAsync(Uri uri, string clientName, ILogger log, CancellationToken ct, string prefix = DefaultPrefix)
    {
        var factory = new ConnectionFactory
        {
            Uri = uri,
            ClientProvidedName = clientName,
            // After a broker restart the connection, its channels and consumers come back by themselves.
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        };
        return new RabbitMqJobQueue(await factory.CreateConnectionAsync(ct), log, prefix);
    }

    public string QueueOf(string kind) => $"{_prefix}.{kind}";

    private async Task DeclareAsync(IChannel channel, string kind, CancellationToken ct) =>
        await channel.QueueDeclareAsync(QueueOf(kind), durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum", ["x-delivery-limit"] = DeliveryLimit },
            cancellationToken: ct);

    public async Task PublishAsync(string kind, ServiceJob job, CancellationToken ct)
    {
        await _publishing.WaitAsync(ct);
        try
        {
            if (_publisher is not { IsOpen: true })
            {
                if (_publisher is not null)
                    await _publisher.DisposeAsync();
                _publisher = await _connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            }
            await DeclareAsync(_publisher, kind, ct);
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = "application/json",
                MessageId = job.JobId.ToString(),
            };
            // With confirms tracked, this completes when the broker has the message, and throws when it refused it.
            await _publisher.BasicPublishAsync(exchange: "", routingKey: QueueOf(kind), mandatory: true, basicProperties: properties,
                body: job.ToBytes(), cancellationToken: ct);
        }
        finally
        {
            _publishing.Release();
        }
    }

    public async Task ConsumeAsync(string kind, int capacity, Func<IJobLease, CancellationToken, Task> handler, CancellationToken ct)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: ct);
        await DeclareAsync(channel, kind, ct);
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: (ushort)capacity, global: false, ct);
        using var slots = new SemaphoreSlim(capacity);
        var running = new List<Task>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var lease = new Lease(channel, delivery.DeliveryTag, ServiceJob.FromBytes(delivery.Body.Span), RedeliveriesOf(delivery));
            if (lease.Job is null)
            {
                _log.LogWarning("Dropped a message on {Queue} that is no job: {Body}", QueueOf(kind), System.Text.Encoding.UTF8.GetString(delivery.Body.Span));
                await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false);
                return;
            }
            if (!await slots.WaitAsync(0, CancellationToken.None))
            {
                // Full: the job goes back for another service (prefetch let it in while a job ran past its acknowledgement).
                await Task.Delay(FullBackoff, CancellationToken.None);
                await lease.ReleaseAsync();
                return;
            }
            lock (running)
                running.Add(RunAsync(lease, handler, slots, ct));
        };
        await channel.BasicConsumeAsync(QueueOf(kind), autoAck: false, consumer, ct);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Task[] all;
            lock (running)
                all = [.. running];
            await Task.WhenAll(all);
        }
    }

    /// <summary>Quorum queues count deliveries in <c>x-delivery-count</c>.</summary>
    private static int RedeliveriesOf(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var count) == true && count is long n ? (int)n
        : delivery.Redelivered ? 1 : 0;

    private async Task RunAsync(Lease lease, Func<IJobLease, CancellationToken, Task> handler, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await Task.Yield(); // off the consumer's dispatch: a job runs for as long as its recording
            await handler(lease, ct);
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "Job {JobId} for room {Room} failed", lease.Job.JobId, lease.Job.Room);
        }
        finally
        {
            await lease.ReleaseAsync();
            slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null)
            await _publisher.DisposeAsync();
        await _connection.DisposeAsync();
        _publishing.Dispose();
    }

    private sealed class Lease(IChannel channel, ulong deliveryTag, ServiceJob? job, int redeliveries) : IJobLease
    {
        private int _settled;

        public ServiceJob Job => job!;

        public int Redeliveries => redeliveries;

        public Task AcknowledgeAsync() => SettleAsync(() => channel.BasicAckAsync(deliveryTag, multiple: false).AsTask());

        public Task ReleaseAsync() => SettleAsync(() => channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true).AsTask());

        private async Task SettleAsync(Func<Task> settle)
        {
            if (Interlocked.Exchange(ref _settled, 1) != 0)
                return;
            try
            {
                await settle();
            }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or ObjectDisposedException)
            {
                // The channel is gone (broker restart): the broker has put the job back already.
            }
        }
    }
}
