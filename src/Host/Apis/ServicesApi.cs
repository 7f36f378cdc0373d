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

    /// <summary>OpenTalk's role for the phone gateway's service account.</summary>
    public const string CallInRole = "opentalk-call-in";

    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/services/recording/start", StartRecorder).RequireAuthorization()
            .Takes<ServiceStartRequest>().Returns<TicketResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        // Query: room_id, breakout_room (optional), filename, duration (seconds, optional); the body is the file.
        app.MapPost("/v1/services/recording/upload", RecordingUpload.HandleAsync).RequireAuthorization()
            .TakesFile("video/webm", AssetContentTypes.Bytes).Returns<AssetResource>(StatusCodes.Status201Created);
        app.MapPost("/v1/services/call_in/start", StartCallIn).RequireAuthorization()
            .Takes<CallInStartRequest>().Returns<TicketResponse>().ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapPost("/v1/services/call_out/start", StartCallOut).RequireAuthorization()
            .Takes<CallOutRequest>().Returns<CallOutStartResponse>();
        app.MapPost("/v1/services/call_out/answered", CallOutAnswered).RequireAuthorization()
            .Takes<CallOutRequest>().Returns<TicketResponse>();
        app.MapPost("/v1/services/call_out/failed", CallOutFailed).RequireAuthorization()
            .Takes<CallOutFailedRequest>().ReturnsNothing();
        return app;
    }

    /// <summary>
    /// (ours) A gateway took a room's call to a phone: the number to dial. Each call is taken once; a call the room no
    /// longer waits for (it gave up, the session ended) is a 404 and the gateway drops it.
    /// </summary>
    private static async Task<IResult> StartCallOut(HttpRequest request, EngineGateway engine)
    {
        var (call, problem) = await ReadCallOutAsync<CallOutRequest>(request, b => (b.RoomId, b.BreakoutRoom, b.CallId));
        if (problem is not null)
            return problem;
        var claimed = await engine.AskMeetingAsync<DialOutReply>(new ClaimDialOut(call.Room, call.CallId), request.HttpContext.RequestAborted);
        return claimed is { Number: { } number } ? Results.Ok(new CallOutStartResponse(number)) : Problems.For(claimed.Error ?? ProblemCodes.NotFound);
    }

    /// <summary>(ours) The callee picked up: a ticket for them, past the waiting room, valid while the call is under way.</summary>
    private static async Task<IResult> CallOutAnswered(HttpRequest request, EngineGateway engine)
    {
        var (call, problem) = await ReadCallOutAsync<CallOutRequest>(request, b => (b.RoomId, b.BreakoutRoom, b.CallId));
        if (problem is not null)
            return problem;
        return await RoomsApi.IssueTicketAsync(engine, call.Room, ParticipantIdentity.ForCallee(call.CallId), password: null, resumption: null,
            breakoutRoom: null, request.HttpContext.RequestAborted);
    }

    /// <summary>(ours) The callee was not reached: the moderators hear why.</summary>
    private static async Task<IResult> CallOutFailed(HttpRequest request, EngineGateway engine)
    {
        var (call, problem) = await ReadCallOutAsync<CallOutFailedRequest>(request, b => (b.RoomId, b.BreakoutRoom, b.CallId));
        if (problem is not null)
            return problem;
        if (call.Body.Reason is not { } reason || !DialOutModule.GatewayReasons.Contains(reason))
            return Problems.Validation("reason", "The reason is one of: " + string.Join(", ", DialOutModule.GatewayReasons.Order(StringComparer.Ordinal)) + ".");
        var reply = await engine.AskMeetingAsync<MeetingReply>(new ReportDialOutFailed(call.Room, call.CallId, reason), request.HttpContext.RequestAborted);
        return reply.Error is { } error ? Problems.For(error) : Results.NoContent();
    }

    private sealed record CallOut<T>(T Body, Guid Room, Guid CallId);

    /// <summary>The gateway's account, then the body: the room (a breakout room's own meeting when named) and the call.</summary>
    private static async Task<(CallOut<T> Call, IResult? Problem)> ReadCallOutAsync<T>(HttpRequest request, Func<T, (Guid? Room, Guid? Breakout, Guid? CallId)> ids)
        where T : class
    {
        var caller = CurrentUser.From(request.HttpContext.User)!;
        if (!caller.Roles.Contains(CallInRole))
            return (null!, Problems.For(ProblemCodes.Forbidden, $"Only a service account with the role {CallInRole} places calls."));
        var (body, problem) = await Problems.ReadBodyAsync<T>(request);
        if (problem is not null)
            return (null!, problem);
        var (room, breakout, callId) = ids(body!);
        if (room is null)
            return (null!, Problems.Validation("room_id", "The room of the call is required."));
        if (callId is not { } id)
            return (null!, Problems.Validation("call_id", "The call is required."));
        return (new CallOut<T>(body!, breakout ?? room.Value, id), null);
    }

    /// <summary>
    /// A caller keyed in a conference id and PIN: a ticket into that room for a participant of kind <c>sip</c>. The
    /// room checks the PIN (as it checks a password); a wrong pair is a 400 whether the id exists or not.
    /// </summary>
    private static async Task<IResult> StartCallIn(HttpRequest request, EngineGateway engine, CallInThrottle throttle)
    {
        var caller = CurrentUser.From(request.HttpContext.User)!;
        if (!caller.Roles.Contains(CallInRole))
            return Problems.For(ProblemCodes.Forbidden, $"Only a service account with the role {CallInRole} brings in callers.");
        var (body, problem) = await Problems.ReadBodyAsync<CallInStartRequest>(request);
        if (problem is not null)
            return problem;
        if (!IsTenDigits(body!.Id))
            return Problems.Validation("id", "The conference id has exactly 10 digits.");
        if (!IsTenDigits(body.Pin))
            return Problems.Validation("pin", "The PIN has exactly 10 digits.");
        if (throttle.WaitBeforeTrying(body.Id!) is { } wait && wait > TimeSpan.Zero)
        {
            request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.For(ProblemCodes.TooManyAttempts, "This conference id took too many wrong PINs; it takes none for a while.");
        }
        var ct = request.HttpContext.RequestAborted;
        var claim = await engine.AskSipAsync(new LookupSipId(body.Id!), ct);
        if (claim.RoomId is not { } roomId)
            return WrongPair();
        var ticket = await RoomsApi.IssueTicketAsync(engine, roomId, ParticipantIdentity.ForCaller(), password: body.Pin, resumption: null,
            breakoutRoom: null, ct);
        if (ticket is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { ProblemDetails.Extensions: var extensions }
            && extensions.TryGetValue("code", out var code) && code is ProblemCodes.InvalidCredentials)
        {
            throttle.Failed(body.Id!);
            return WrongPair();
        }
        throttle.Succeeded(body.Id!);
        return ticket;
    }

    private static IResult WrongPair() =>
        Problems.For(ProblemCodes.InvalidCredentials, "The conference id and PIN are not a room's.", status: StatusCodes.Status400BadRequest);

    private static bool IsTenDigits(string? value) => value is { Length: 10 } && value.All(char.IsAsciiDigit);

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
