using OpenTalk.Projections.RoomHistory;

namespace OpenTalk.Host.Apis;

public sealed record RoomHistory(Guid RoomId, IReadOnlyList<RoomSession> Sessions);

/// <summary>A room's sessions and attendance, from the room-history read model. Owner or admin only.</summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/rooms/{roomId:guid}/history", async (Guid roomId, HttpContext context, EngineGateway engine, RoomHistoryReader history) =>
        {
            if (await RoomOwnership.RefuseUnlessOwnerAsync(roomId, context, engine) is { } refused)
                return refused;
            return Results.Ok(new RoomHistory(roomId, await history.SessionsAsync(roomId, context.RequestAborted)));
        }).RequireAuthorization().Returns<RoomHistory>();
        return app;
    }
}
