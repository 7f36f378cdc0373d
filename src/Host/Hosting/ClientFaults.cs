using System.Text.Json;
using OpenTalk.Host.Apis;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Hosting;

/// <summary>
/// Turns the exceptions that mean "the client sent something wrong" (a body over the limit, a form
/// that cannot be read, JSON that is not JSON) into 400/413 problem details, and an engine that did
/// not answer in time into 503 with Retry-After, without the stack trace the exception handler logs
/// for real faults. Wherever the body is read, even inside the sign-in
/// provider's own endpoints.
/// </summary>
public static partial class ClientFaults
{
    public static IApplicationBuilder UseClientFaults(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is Akka.Actor.AskTimeoutException && !context.Response.HasStarted)
        {
            // The engine did not answer in time (a meeting's node just died and it is starting elsewhere,
            // or the journal is down): "try again shortly", not a fault of this node.
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientFaults));
            if (log.IsEnabled(LogLevel.Information))
                LogRefused(log, context.Request.Method, context.Request.Path.Value ?? "", StatusCodes.Status503ServiceUnavailable, "the engine did not answer in time");
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "2";
            await Problems.For(ProblemCodes.Unavailable, "The meeting is moving to another server or its storage is unreachable; try again in a few seconds.")
                .ExecuteAsync(context);
        }
        catch (Exception e) when (StatusFor(e) is { } status && !context.Response.HasStarted)
        {
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientFaults));
            if (log.IsEnabled(LogLevel.Information))
                LogRefused(log, context.Request.Method, context.Request.Path.Value ?? "", status, e.Message);
            context.Response.Clear();
            await Problems.For(status == StatusCodes.Status413PayloadTooLarge ? ProblemCodes.BodyTooLarge : ProblemCodes.BadRequest, e.Message)
                .ExecuteAsync(context);
        }
    });

    private static int? StatusFor(Exception e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode, // Kestrel: over MaxRequestBodyBytes (413), malformed (400)
        InvalidDataException => StatusCodes.Status400BadRequest, // a form over FormOptions' limits, a broken multipart body
        JsonException => StatusCodes.Status400BadRequest,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string reason);
}
