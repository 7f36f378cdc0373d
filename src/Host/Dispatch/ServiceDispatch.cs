using Akka.Actor;
using Microsoft.Extensions.Options;
using OpenTalk.Actors.Meetings;
using OpenTalk.Services.Jobs;

namespace OpenTalk.Host.Dispatch;

/// <summary>Section <c>Services</c>: where rooms send for services.</summary>
public sealed class ServicesSettings
{
    public const string Section = "Services";

    /// <summary>
    /// The RabbitMQ broker (<c>amqp://user:password@host:5672/</c>) that carries jobs to recorders on other machines.
    /// Unset: the node keeps the jobs itself and its own services take them.
    /// </summary>
    public string? RabbitMq { get; set; }

    /// <summary>The job queues' names before the service kind: deployments that share a broker each take their own.</summary>
    public string JobQueuePrefix { get; set; } = RabbitMqJobQueue.DefaultPrefix;
}

/// <summary>The node's job queue: RabbitMQ when configured, else in the node. Connects on first use and again after a failure.</summary>
public sealed class ServiceJobQueue(IOptions<ServicesSettings> settings, ILogger<ServiceJobQueue> log) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IServiceJobQueue? _queue;

    public bool IsInProcess => string.IsNullOrWhiteSpace(settings.Value.RabbitMq);

    public async Task<IServiceJobQueue> GetAsync(CancellationToken ct)
    {
        if (_queue is { } ready)
            return ready;
        await _connecting.WaitAsync(ct);
        try
        {
            return _queue ??= IsInProcess
                ? new InProcessJobQueue()
                : await RabbitMqJobQueue.ConnectAsync(new Uri(settings.Value.RabbitMq!), $"opentalk-node-{Environment.MachineName}", log, ct,
                    settings.Value.JobQueuePrefix);
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue is not null)
            await _queue.DisposeAsync();
        _connecting.Dispose();
    }
}

/// <summary>
/// Sends the jobs rooms on this node ask for (<see cref="ServiceJobRequested"/>, on the node's event stream) to the
/// queue. A job that cannot be stored is logged: its room hears that no service came and says so to the moderator.
/// </summary>
public sealed class ServiceDispatchActor : ReceiveActor
{
    public const string Name = "service-dispatch";
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    public ServiceDispatchActor(ServiceJobQueue queue, ILogger log)
    {
        ReceiveAsync<ServiceJobRequested>(async request =>
        {
            var job = new ServiceJob(request.MainRoomId ?? request.RoomId, request.MainRoomId is null ? null : request.RoomId, request.JobId);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await (await queue.GetAsync(timeout.Token)).PublishAsync(request.Kind, job, timeout.Token);
                    return;
                }
                catch (Exception e) when (attempt < Retries.Length)
                {
                    log.LogWarning(e, "Sending job {JobId} for room {Room} to the {Kind} queue failed; trying again", job.JobId, request.RoomId, request.Kind);
                    await Task.Delay(Retries[attempt]);
                }
                catch (Exception e)
                {
                    log.LogError(e, "Job {JobId} for room {Room} could not be sent to the {Kind} queue: the room will report that no service came",
                        job.JobId, request.RoomId, request.Kind);
                    return;
                }
            }
        });
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ServiceJobRequested));

    public static Props Props(ServiceJobQueue queue, ILogger log) => Akka.Actor.Props.Create<ServiceDispatchActor>(queue, log);
}
