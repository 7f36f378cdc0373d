using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.RoomHistory;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

public sealed record RoomHistory(Guid RoomId, IReadOnlyList<RoomSession> Sessions);

/// <summary>A room's sessions and attendance, from the room-history read model. Owner or admin only.</summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/rooms/{roomId:guid}/history", async (Guid roomId, HttpContext context, EngineGateway engine, RoomHistoryReader history) =>
        {
            var user = CurrentUser.From(context.User)!;
            var room = await engine.AskMeetingAsync<MeetingReply>(new GetRoom(roomId), context.RequestAborted);
            if (room.Error is { } error)
                return Problems.For(error);
            if (room.Room!.OwnerId != user.Id && !user.IsAdmin)
                return Problems.For(ProblemCodes.Forbidden);
            return Results.Ok(new RoomHistory(roomId, await history.SessionsAsync(roomId, context.RequestAborted)));
        }).RequireAuthorization();
        return app;
    }
}
