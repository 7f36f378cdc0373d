using Akka.Actor;
using Akka.Cluster;
using Marten;

namespace OpenTalk.Host.Apis;

/// <summary>
/// Liveness (the process answers) and readiness (this node is an Up cluster member, is not being drained, and its
/// database answers: without it no meeting can change, so a load balancer should send people elsewhere).
/// </summary>
public static class HealthApi
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous();
        app.MapGet("/health/ready", async (ActorSystem system, IDocumentStore store, Hosting.NodeDrain drain, CancellationToken ct) =>
        {
            if (drain.IsDraining)
                return Results.Json(new { status = "draining" }, statusCode: 503);
            var status = Cluster.Get(system).SelfMember.Status;
            if (status != MemberStatus.Up)
                return Results.Json(new { status = status.ToString().ToLowerInvariant() }, statusCode: 503);
            return await DatabaseAnswersAsync(store, ct)
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "storage_unavailable" }, statusCode: 503);
        }).AllowAnonymous();
        return app;
    }

    private static async Task<bool> DatabaseAnswersAsync(IDocumentStore store, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(timeout.Token);
            await using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT 1";
            await probe.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }
}
