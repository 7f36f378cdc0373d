using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>Who may see or change a meeting: the creator changes it; invited users (and admins) read it; others get 403.</summary>
public static class EventAccess
{
    public static async Task<(EventState? Event, IResult? Problem)> OwnAsync(Guid eventId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskEventAsync(new GetEvent(new ScheduledEventId(eventId)), context.RequestAborted);
        if (reply.Event is not { } evt)
            return (null, Problems.For(ProblemCodes.NotFound));
        return evt.CreatedBy == user.Id || user.IsAdmin ? (evt, null) : (null, Problems.For(ProblemCodes.Forbidden));
    }

    public static async Task<(EventState? Event, IResult? Problem)> ReadableAsync(Guid eventId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskEventAsync(new GetEvent(new ScheduledEventId(eventId)), context.RequestAborted);
        if (reply.Event is not { } evt)
            return (null, Problems.For(ProblemCodes.NotFound));
        return evt.MayRead(user.Id) || user.IsAdmin ? (evt, null) : (null, Problems.For(ProblemCodes.Forbidden));
    }

    /// <summary><c>?suppress_email_notification=true</c>: change the meeting without mailing anyone.</summary>
    public static bool SuppressMail(HttpContext context) =>
        context.Request.Query.TryGetValue("suppress_email_notification", out var value)
        && bool.TryParse(value.ToString(), out var suppress) && suppress;
}
