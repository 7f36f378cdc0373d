using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTalk.Services.Jobs;

/// <summary>
/// A room sends for a service: OpenTalk's message (<c>room</c>, <c>breakout</c>) and ours, <c>job_id</c>, which the
/// room knows the job by. Which service is the queue it travels on (<see cref="ServiceKinds"/>).
/// </summary>
public sealed record ServiceJob(
    [property: JsonPropertyName("room")] Guid Room,
    [property: JsonPropertyName("breakout")] Guid? Breakout,
    [property: JsonPropertyName("job_id")] Guid JobId)
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>The job in a message body; null for a body that is none (it is dropped, not retried forever).</summary>
    public static ServiceJob? FromBytes(ReadOnlySpan<byte> body)
    {
        try
        {
            var job = JsonSerializer.Deserialize<ServiceJob>(body, Options);
            return job is { Room: var room } && room != Guid.Empty ? job : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public static class ServiceKinds
{
    public const string Recorder = "recorder";

    /// <summary>A call a room places to a phone: taken by a phone gateway with a trunk.</summary>
    public const string CallOut = "call_out";
}

/// <summary>
/// A job a service took. The service acknowledges it once it joined the room (or found the room does not need it
/// any more): until then, a service that dies leaves the job to another. Releasing gives it back at once.
/// </summary>
public interface IJobLease
{
    ServiceJob Job { get; }

    /// <summary>How often the job was handed out before (0 the first time).</summary>
    int Redeliveries { get; }

    Task AcknowledgeAsync();

    Task ReleaseAsync();
}

/// <summary>
/// Where rooms send for services and services take their jobs: RabbitMQ (<see cref="RabbitMqJobQueue"/>) or, on one
/// machine without a broker, the node itself (<see cref="InProcessJobQueue"/>). Both hand a job to one service at a
/// time and hand it out again when that service gives it back or dies before acknowledging it.
/// </summary>
public interface IServiceJobQueue : IAsyncDisposable
{
    /// <summary>Completes once the job is stored (the broker confirmed it); throws when it is not.</summary>
    Task PublishAsync(string kind, ServiceJob job, CancellationToken ct);

    /// <summary>
    /// Hands jobs of <paramref name="kind"/> to <paramref name="handler"/>, at most <paramref name="capacity"/> at once (a
    /// handler runs for the whole job: a recording), until <paramref name="ct"/> ends. A handler that returns or throws
    /// before acknowledging gives its job back.
    /// </summary>
    Task ConsumeAsync(string kind, int capacity, Func<IJobLease, CancellationToken, Task> handler, CancellationToken ct);
}
