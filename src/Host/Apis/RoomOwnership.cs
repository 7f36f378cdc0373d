using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>The one check for owner-only room resources (the history): the owner or an admin, else 403.</summary>
public static class RoomOwnership
{
    public static async Task<IResult?> RefuseUnlessOwnerAsync(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var room = await engine.AskMeetingAsync<MeetingReply>(new GetRoom(roomId), context.RequestAborted);
        if (room.Error is { } error)
            return Problems.For(error);
        return room.Room!.OwnerId == user.Id || user.IsAdmin ? null : Problems.For(ProblemCodes.Forbidden);
    }
}
