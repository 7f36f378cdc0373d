using Akka.Actor;
using Akka.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenTalk.Actors.Telemetry;

/// <summary>
/// Loggers of the node's <see cref="ILoggerFactory"/> for actors that log with <c>[LoggerMessage]</c>: their fields (the
/// meeting's and participant's ids) reach structured logs as fields, which Akka's own logging adapter flattens into text.
/// </summary>
public static class EngineLoggers
{
    public static ILogger For<T>(ActorSystem system)
    {
        try
        {
            return DependencyResolver.For(system).Resolver.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;
        }
        catch (Akka.Configuration.ConfigurationException)
        {
            // An actor system without a service provider (some tests): nothing to log to.
            return NullLogger<T>.Instance;
        }
    }
}
