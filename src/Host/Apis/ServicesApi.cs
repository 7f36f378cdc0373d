using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>
/// Services that join meetings (OpenTalk's pattern): a service signs in with its client credentials, and a room that
/// asked for it gives it a ticket for a hidden session. Only accounts with the service's role may ask.
/// </summary>
public static class ServicesApi
{
    /// <summary>OpenTalk's role for the recorder's service account.</summary>
    public const string RecorderRole = "opentalk-recorder";

    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/services/recording/start", StartRecorder).RequireAuthorization()
            .Takes<ServiceStartRequest>().Returns<TicketResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        // Query: room_id, breakout_room (optional), filename, duration (seconds, optional); the body is the file.
        app.MapPost("/v1/services/recording/upload", RecordingUpload.HandleAsync).RequireAuthorization()
            .TakesFile("video/webm", AssetContentTypes.Bytes).Returns<AssetResource>(StatusCodes.Status201Created);
        return app;
    }

    private static async Task<IResult> StartRecorder(HttpRequest request, EngineGateway engine)
    {
        var caller = CurrentUser.From(request.HttpContext.User)!;
        if (!caller.Roles.Contains(RecorderRole))
            return Problems.For(ProblemCodes.Forbidden, $"Only a service account with the role {RecorderRole} may record.");
        var (body, problem) = await Problems.ReadBodyAsync<ServiceStartRequest>(request);
        if (problem is not null)
            return problem;
        if (body!.RoomId is not { } roomId)
            return Problems.Validation("room_id", "The room to record is required.");
        // A breakout room records like any room: its own meeting, which the main room opened.
        var room = body.BreakoutRoom ?? roomId;
        var identity = ParticipantIdentity.ForRecorder();
        return await RoomsApi.IssueTicketAsync(engine, room, identity, password: null, resumption: null, breakoutRoom: null,
            request.HttpContext.RequestAborted);
    }
}
