using System.Threading.Channels;

namespace OpenTalk.Services.Jobs;

/// <summary>
/// Jobs inside one process, for a node without a broker: the same contract as RabbitMQ, without surviving a restart
/// (the rooms that asked ask again: their streams time out and a moderator starts them anew).
/// </summary>
public sealed class InProcessJobQueue : IServiceJobQueue
{
    private readonly Dictionary<string, Channel<(ServiceJob Job, int Redeliveries)>> _queues = new(StringComparer.Ordinal);

    private Channel<(ServiceJob Job, int Redeliveries)> Queue(string kind)
    {
        lock (_queues)
        {
            if (!_queues.TryGetValue(kind, out var queue))
                _queues[kind] = queue = Channel.CreateUnbounded<(ServiceJob, int)>();
            return queue;
        }
    }

    public Task PublishAsync(string kind, ServiceJob job, CancellationToken ct) => Queue(kind).Writer.WriteAsync((job, 0), ct).AsTask();

    public async Task ConsumeAsync(string kind, int capacity, Func<IJobLease, CancellationToken, Task> handler, CancellationToken ct)
    {
        var queue = Queue(kind);
        using var slots = new SemaphoreSlim(capacity);
        var running = new List<Task>();
        try
        {
            while (true)
            {
                await slots.WaitAsync(ct);
                var (job, redeliveries) = await queue.Reader.ReadAsync(ct);
                var lease = new Lease(job, redeliveries, queue.Writer);
                running.Add(RunAsync(lease, handler, slots, ct));
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Task.WhenAll(running);
        }
    }

    private static async Task RunAsync(Lease lease, Func<IJobLease, CancellationToken, Task> handler, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await handler(lease, ct);
        }
        catch (Exception) when (!lease.Settled)
        {
            // Not acknowledged: another try gets it, as a broker would redeliver it.
        }
        finally
        {
            await lease.ReleaseAsync();
            slots.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_queues)
        {
            foreach (var queue in _queues.Values)
                queue.Writer.TryComplete();
        }
        return ValueTask.CompletedTask;
    }

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private sealed class Lease(ServiceJob job, int redeliveries, ChannelWriter<(ServiceJob, int)> queue) : IJobLease
    {
        private int _settled;

        public ServiceJob Job => job;

        public int Redeliveries => redeliveries;

        public bool Settled => Volatile.Read(ref _settled) == 1;

        public Task AcknowledgeAsync()
        {
            Interlocked.Exchange(ref _settled, 1);
            return Task.CompletedTask;
        }

        public Task ReleaseAsync()
        {
            // Handed out again after a pause, as a broker's redelivery would be: a job that fails at once does not spin.
            if (Interlocked.Exchange(ref _settled, 1) == 0)
                _ = Task.Delay(RetryDelay).ContinueWith(_ => queue.TryWrite((job, redeliveries + 1)), TaskScheduler.Default);
            return Task.CompletedTask;
        }
    }
}
