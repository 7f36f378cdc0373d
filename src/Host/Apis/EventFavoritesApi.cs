using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Auth;

namespace OpenTalk.Host.Apis;

/// <summary>Stars on the dashboard: anyone who may read a meeting may mark it as a favorite for themselves.</summary>
public static class EventFavoritesApi
{
    public static IEndpointRouteBuilder MapEventFavoritesApi(this IEndpointRouteBuilder app)
    {
        var favorites = app.MapGroup("/v1/users/me/event_favorites").RequireAuthorization();
        favorites.MapPut("/{eventId:guid}", (Guid eventId, HttpContext context, EngineGateway engine) => MarkAsync(eventId, true, context, engine))
            .ReturnsNothing();
        favorites.MapDelete("/{eventId:guid}", (Guid eventId, HttpContext context, EngineGateway engine) => MarkAsync(eventId, false, context, engine))
            .ReturnsNothing();
        return app;
    }

    private static async Task<IResult> MarkAsync(Guid eventId, bool favorite, HttpContext context, EngineGateway engine)
    {
        var reply = await engine.AskEventAsync(new MarkFavorite(new ScheduledEventId(eventId), new UserId(CurrentUser.From(context.User)!.Id), favorite), context.RequestAborted);
        return reply.Error is { } error ? Problems.For(error) : Results.NoContent();
    }
}
