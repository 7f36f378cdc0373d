using System.Text.Json;
using OpenTalk.Host.Apis;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Hosting;

/// <summary>
/// Answers the exceptions that are not faults of this node with problem details and without the stack
/// trace the exception handler logs for real faults, wherever they are thrown (the sign-in provider's own
/// endpoints included): the client sent something wrong (a body over the limit, a form that cannot be
/// read, JSON that is not JSON: 400/413), or the engine did not answer in time (a meeting's node just
/// died and it is starting elsewhere, or Postgres is down: 503 with Retry-After).
/// </summary>
public static partial class ClientFaults
{
    private sealed record Refusal(int Status, string Code, string Detail, string? RetryAfter = null);

    public static IApplicationBuilder UseClientFaults(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (RefusalFor(e) is { } refusal && !context.Response.HasStarted)
        {
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientFaults));
            if (log.IsEnabled(LogLevel.Information))
                LogRefused(log, context.Request.Method, context.Request.Path.Value ?? "", refusal.Status, e.Message);
            context.Response.Clear();
            if (refusal.RetryAfter is { } seconds)
                context.Response.Headers.RetryAfter = seconds;
            await Problems.For(refusal.Code, refusal.Detail).ExecuteAsync(context);
        }
    });

    private static Refusal? RefusalFor(Exception e) => e switch
    {
        // Kestrel: over MaxRequestBodyBytes (413), malformed (400).
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge, e.Message),
        BadHttpRequestException => new(StatusCodes.Status400BadRequest, ProblemCodes.BadRequest, e.Message),
        // A form over FormOptions' limits, a broken multipart body; JSON read outside our own helpers.
        InvalidDataException or JsonException => new(StatusCodes.Status400BadRequest, ProblemCodes.BadRequest, e.Message),
        Akka.Actor.AskTimeoutException => new(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable,
            "The meeting is moving to another server or its storage is unreachable; try again in a few seconds.", RetryAfter: "2"),
        OpenTalk.Host.Artifacts.ArtifactStoreUnavailableException => new(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable,
            "The file store is unreachable for the moment; try again in a little while.", RetryAfter: "10"),
        _ when IsStorageOutage(e) => new(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable,
            "The storage is unreachable for the moment; try again in a few seconds.", RetryAfter: "2"),
        _ => null,
    };

    /// <summary>
    /// Postgres cannot be reached (read models, accounts): Marten and EF Core wrap Npgsql's exception in their own.
    /// Only transient failures: a broken query is a fault of this node and keeps its 500.
    /// </summary>
    private static bool IsStorageOutage(Exception? e) =>
        e is not null && (e is Npgsql.NpgsqlException { IsTransient: true } || IsStorageOutage(e.InnerException));

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string reason);
}
