using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>Rooms, guest invites and the start of a signaling session (tickets).</summary>
public static class RoomsApi
{
    public const int MaxPasswordLength = 255;

    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/v1/rooms").RequireAuthorization();
        rooms.MapPost("/", CreateRoom).Takes<CreateRoomRequest>().Returns<RoomResource>(StatusCodes.Status201Created);
        rooms.MapGet("/{roomId:guid}", GetRoom).Returns<RoomResource>();
        // One tariff for every room (see TariffSettings); rooms that do not exist have none.
        rooms.MapGet("/{roomId:guid}/tariff", async (Guid roomId, HttpContext context, EngineGateway engine, TariffResource tariff) =>
            (await engine.AskMeetingAsync<MeetingReply>(new GetRoom(roomId), context.RequestAborted)).Error is { } error
                ? Problems.For(error)
                : Results.Ok(tariff)).Returns<TariffResource>();
        rooms.MapPost("/{roomId:guid}/invites", CreateInvite).Takes<CreateInviteRequest>().Returns<InviteResource>(StatusCodes.Status201Created);
        rooms.MapGet("/{roomId:guid}/invites", ListInvites).Returns<List<InviteResource>>();
        rooms.MapDelete("/{roomId:guid}/invites/{code}", RevokeInvite).ReturnsNothing();
        rooms.MapPost("/{roomId:guid}/start", Start).Takes<StartRequest>().Returns<TicketResponse>();
        app.MapPost("/v1/rooms/{roomId:guid}/start_invited", StartInvited).AllowAnonymous().Takes<StartInvitedRequest>().Returns<TicketResponse>();
        app.MapPost("/v1/invite/verify", VerifyInvite).AllowAnonymous().Takes<VerifyInviteRequest>().Returns<VerifyInviteResponse>();
        return app;
    }

    private static async Task<IResult> CreateRoom(HttpRequest request, EngineGateway engine)
    {
        var user = CurrentUser.From(request.HttpContext.User)!;
        var (body, problem) = await Problems.ReadBodyAsync<CreateRoomRequest>(request, optional: true);
        if (problem is not null)
            return problem;
        body ??= new CreateRoomRequest(null);
        if (body.Password is { Length: 0 or > MaxPasswordLength })
            return Problems.Validation("password", $"A room password has 1 to {MaxPasswordLength} characters.");

        var roomId = Guid.NewGuid();
        var reply = await engine.AskMeetingAsync<MeetingReply>(new CreateRoom(roomId, user.Id, body.Password, body.WaitingRoom), request.HttpContext.RequestAborted);
        return reply.Error is { } error
            ? Problems.For(error)
            : Results.Created($"/v1/rooms/{roomId}", ToResource(reply.Room!));
    }

    private static async Task<IResult> GetRoom(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<MeetingReply>(new GetRoom(roomId), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        return reply.Room!.OwnerId == user.Id || user.IsAdmin ? Results.Ok(ToResource(reply.Room)) : Problems.For(ProblemCodes.Forbidden);
    }

    private static async Task<IResult> CreateInvite(Guid roomId, HttpRequest request, EngineGateway engine)
    {
        var user = CurrentUser.From(request.HttpContext.User)!;
        var (body, problem) = await Problems.ReadBodyAsync<CreateInviteRequest>(request, optional: true);
        if (problem is not null)
            return problem;
        var code = Secrets.NewInviteCode(roomId);
        var reply = await engine.AskMeetingAsync<MeetingReply>(
            new CreateInvite(roomId, user.Id, code, body?.Expiration), request.HttpContext.RequestAborted);
        if (reply.Error == ProblemCodes.ValidationFailed)
            return Problems.Validation("expiration", "The expiration must be in the future.");
        return reply.Error is { } error
            ? Problems.For(error)
            : Results.Created($"/v1/rooms/{roomId}/invites/{code}",
                new InviteResource(code, roomId, user.Id, body?.Expiration, true));
    }

    private static async Task<IResult> ListInvites(Guid roomId, HttpContext context, EngineGateway engine, TimeProvider clock)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<InvitesReply>(new GetInvites(roomId), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        if (reply.OwnerId != user.Id && !user.IsAdmin)
            return Problems.For(ProblemCodes.Forbidden);
        var now = clock.GetUtcNow();
        return Results.Ok(reply.Invites.Select(i => new InviteResource(i.Code, roomId, i.CreatedBy, i.Expiration, i.IsValidAt(now))).ToList());
    }

    private static async Task<IResult> RevokeInvite(Guid roomId, string code, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<MeetingReply>(
            new Actors.Meetings.RevokeInvite(roomId, user.Id, user.IsAdmin, code), context.RequestAborted);
        return reply.Error is { } error ? Problems.For(error) : Results.NoContent();
    }

    private static async Task<IResult> Start(Guid roomId, HttpRequest request, EngineGateway engine)
    {
        var user = CurrentUser.From(request.HttpContext.User)!;
        var (body, problem) = await Problems.ReadBodyAsync<StartRequest>(request, optional: true);
        if (problem is not null)
            return problem;
        var identity = ParticipantIdentity.ForUser(user.Id, user.IsAdmin, user.Groups);
        return await IssueTicketAsync(engine, roomId, identity, password: null, body?.Resumption, body?.BreakoutRoom, request.HttpContext.RequestAborted);
    }

    private static async Task<IResult> StartInvited(Guid roomId, HttpRequest request, EngineGateway engine)
    {
        var (body, problem) = await Problems.ReadBodyAsync<StartInvitedRequest>(request);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.InviteCode))
            return Problems.Validation("invite_code", "An invite code is required.");
        var identity = ParticipantIdentity.ForGuest(body.InviteCode);
        return await IssueTicketAsync(engine, roomId, identity, body.Password, body.Resumption, body.BreakoutRoom, request.HttpContext.RequestAborted);
    }

    private static async Task<IResult> VerifyInvite(HttpRequest request, EngineGateway engine)
    {
        var (body, problem) = await Problems.ReadBodyAsync<VerifyInviteRequest>(request);
        if (problem is not null)
            return problem;
        if (Secrets.RoomOfInvite(body!.InviteCode) is not { } roomId)
            return Problems.For(ProblemCodes.NotFound, "No such invite.");
        var reply = await engine.AskMeetingAsync<MeetingReply>(
            new CheckAdmission(roomId, ParticipantIdentity.ForGuest(body.InviteCode!), Password: null), request.HttpContext.RequestAborted);
        return reply.Error switch
        {
            null or ProblemCodes.WrongRoomPassword => Results.Ok(new VerifyInviteResponse(roomId, reply.Error is not null)),
            _ => Problems.For(ProblemCodes.NotFound, "No such invite."),
        };
    }

    /// <summary>
    /// Checks admission, then has the participant entity store the hashes of a fresh ticket and
    /// resumption token. A valid resumption token keeps the participant id.
    /// </summary>
    private static async Task<IResult> IssueTicketAsync(
        EngineGateway engine, Guid roomId, ParticipantIdentity identity, string? password, string? resumption, Guid? breakoutRoom, CancellationToken ct)
    {
        if (breakoutRoom is { } breakout)
        {
            // The main room decides who may enter; the breakout room is opened (idempotently) before the ticket exists.
            var admitted = await engine.AskMeetingAsync<BreakoutAdmission>(new CheckBreakoutAdmission(roomId, breakout, identity, password), ct);
            if (admitted.Error is { } notAdmitted)
                return Problems.For(notAdmitted);
            var opened = await engine.AskMeetingAsync<MeetingReply>(new OpenBreakoutRoom(breakout, roomId, admitted.OwnerId, admitted.Name!), ct);
            if (opened.Error is { } notOpen)
                return Problems.For(notOpen);
            roomId = breakout;
        }
        else
        {
            var admission = await engine.AskMeetingAsync<MeetingReply>(new CheckAdmission(roomId, identity, password), ct);
            if (admission.Error is { } refused)
                return Problems.For(refused);
        }

        var participantId = Guid.NewGuid();
        if (resumption is not null && Secrets.Split(resumption) is var (resumedId, secret))
        {
            var check = await engine.AskParticipantAsync<ParticipantReply>(
                new CheckResumption(resumedId, roomId, identity, Secrets.Hash(secret)), ct);
            if (check.IsOk)
                participantId = resumedId;
        }

        var ticket = Secrets.New();
        var resume = Secrets.New();
        var issued = await engine.AskParticipantAsync<ParticipantReply>(
            new IssueTicket(participantId, roomId, identity, Secrets.Hash(ticket), Secrets.Hash(resume)), ct);
        return issued.Error is { } error
            ? Problems.For(error)
            : Results.Ok(new TicketResponse($"{participantId:N}.{ticket}", $"{participantId:N}.{resume}"));
    }

    private static RoomResource ToResource(RoomView room) => new(room.RoomId, room.OwnerId, room.Password, room.WaitingRoom);
}
