using Akka.Actor;
using Akka.Cluster;

namespace OpenTalk.Host.Apis;

/// <summary>Liveness (the process answers) and readiness (this node is an Up cluster member).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous();
        app.MapGet("/health/ready", (ActorSystem system) =>
        {
            var status = Cluster.Get(system).SelfMember.Status;
            return status == MemberStatus.Up
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = status.ToString().ToLowerInvariant() }, statusCode: 503);
        }).AllowAnonymous();
        return app;
    }
}
