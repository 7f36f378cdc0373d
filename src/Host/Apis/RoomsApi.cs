using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Projections.Events;
using OpenTalk.Projections.Rooms;
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
        rooms.MapGet("/", ListRooms).Returns<List<RoomResource>>();
        rooms.MapPost("/", CreateRoom).Takes<CreateRoomRequest>().Returns<RoomResource>(StatusCodes.Status201Created);
        rooms.MapGet("/{roomId:guid}", GetRoom).Returns<RoomResource>();
        rooms.MapMethods("/{roomId:guid}", ["PATCH"], PatchRoom).Takes<PatchRoomRequest>().Returns<RoomResource>();
        rooms.MapDelete("/{roomId:guid}", DeleteRoomAsync).ReturnsNothing();
        app.MapGet("/v1/rooms/{roomId:guid}/event", RoomEvent).AllowAnonymous().Returns<RoomEventInfo>();
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

    /// <summary>
    /// The rooms the caller owns, oldest first, a page at a time (<c>per_page</c>, <c>page</c> from 1; OpenTalk's page
    /// links in <c>Link</c>). Read from the rooms read model: a room made a moment ago may be missing for that moment.
    /// </summary>
    private static async Task<IResult> ListRooms(HttpContext context, RoomsReader reader, UserProfiles profiles, int? per_page, int? page)
    {
        var user = CurrentUser.From(context.User)!;
        var (size, number) = (Math.Clamp(per_page ?? Paging.DefaultPageSize, 1, Paging.MaxPageSize), Math.Clamp(page ?? 1, 1, Paging.MaxPage));
        var (rooms, total) = await reader.OwnedAsync(user.Id, number, size, context.RequestAborted);
        if (Paging.PageLinks(context.Request, number, size, total) is { } links)
            context.Response.Headers.Link = links;
        var owner = (await profiles.PublicAsync([user.Id], context.RequestAborted))[user.Id];
        return Results.Ok(rooms.Select(r => new RoomResource(r.Id, owner, r.CreatedAt, r.Password, r.WaitingRoom)).ToList());
    }

    private static async Task<IResult> CreateRoom(HttpRequest request, EngineGateway engine, UserProfiles profiles, TimeProvider clock)
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
            : Results.Created($"/v1/rooms/{roomId}", await ToResourceAsync(reply.Room!, profiles, clock.GetUtcNow(), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> GetRoom(Guid roomId, HttpContext context, EngineGateway engine, UserProfiles profiles, RoomsReader reader)
    {
        var (room, refused) = await OwnedRoomAsync(roomId, context, engine);
        return refused ?? Results.Ok(await ToResourceAsync(room!, profiles, (await reader.CreationTimesAsync(roomId, context.RequestAborted))?.CreatedAt, context.RequestAborted));
    }

    /// <summary>The room, for its owner (or an admin); others get 403, unknown rooms 404.</summary>
    private static async Task<(RoomView? Room, IResult? Problem)> OwnedRoomAsync(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<MeetingReply>(new GetRoom(roomId), context.RequestAborted);
        if (reply.Error is { } error)
            return (null, Problems.For(error));
        return reply.Room!.OwnerId == user.Id || user.IsAdmin ? (reply.Room, null) : (null, Problems.For(ProblemCodes.Forbidden));
    }

    /// <summary>Changes the password (<c>null</c> removes it, absent keeps it) or the waiting room; the owner only.</summary>
    private static async Task<IResult> PatchRoom(Guid roomId, HttpRequest request, EngineGateway engine, UserProfiles profiles, RoomsReader reader)
    {
        var (room, refused) = await OwnedRoomAsync(roomId, request.HttpContext, engine);
        if (refused is not null)
            return refused;
        var (body, problem) = await Problems.ReadBodyAsync<System.Text.Json.JsonDocument>(request);
        if (problem is not null)
            return problem;
        using var document = body!;
        if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            return Problems.For(ProblemCodes.InvalidJson, "A JSON object is required.");
        var (changes, unreadable) = Problems.Deserialize<PatchRoomRequest>(document.RootElement);
        if (unreadable is not null)
            return unreadable;
        var password = document.RootElement.TryGetProperty("password", out _) ? changes!.Password : room!.Password;
        if (password is { Length: 0 or > MaxPasswordLength })
            return Problems.Validation("password", $"A room password has 1 to {MaxPasswordLength} characters.");
        var user = CurrentUser.From(request.HttpContext.User)!;
        var reply = await engine.AskMeetingAsync<MeetingReply>(
            new UpdateRoom(roomId, user.Id, password, changes!.WaitingRoom ?? room!.WaitingRoom), request.HttpContext.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        var createdAt = (await reader.CreationTimesAsync(roomId, request.HttpContext.RequestAborted))?.CreatedAt;
        return Results.Ok(await ToResourceAsync(reply.Room!, profiles, createdAt, request.HttpContext.RequestAborted));
    }

    /// <summary>
    /// Deletes the room for good, and cancels the meeting it belongs to (OpenTalk's web app does this when an ad-hoc
    /// meeting ends); refused with <c>room_in_use</c> while anyone is still in it.
    /// </summary>
    private static async Task<IResult> DeleteRoomAsync(Guid roomId, HttpContext context, EngineGateway engine, EventsReader events)
    {
        var (_, refused) = await OwnedRoomAsync(roomId, context, engine);
        if (refused is not null)
            return refused;
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<MeetingReply>(new DeleteRoom(roomId, user.Id, user.IsAdmin), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        if (await events.EventOfRoomAsync(roomId, context.RequestAborted) is { } eventId)
            await engine.AskEventAsync(new CancelEvent(new ScheduledEventId(eventId), new UserId(user.Id), EventAccess.SuppressMail(context)), context.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>
    /// The meeting a room belongs to (OpenTalk's <c>EventInfo</c>), for the lobby: for signed-in people, and for guests
    /// whose invite code (<c>Authorization: InviteCode ...</c> or <c>Bearer ...</c>) opens this room. 404 when the room has
    /// no meeting. How to join (<c>meeting_details</c>: the guest link, the call-in PIN) only for those the room would let
    /// in now: not for a guest who still needs the password, nor for anyone banned.
    /// </summary>
    private static async Task<IResult> RoomEvent(Guid roomId, HttpContext context, EngineGateway engine, EventsReader events, RoomsReader rooms)
    {
        ParticipantIdentity identity;
        if (CurrentUser.From(context.User) is { } user)
            identity = ParticipantIdentity.ForUser(user.Id, user.IsAdmin, user.Groups);
        else if (GuestCode(context) is { } invite && Secrets.RoomOfInvite(invite) == roomId)
            identity = ParticipantIdentity.ForGuest(invite);
        else
            return Problems.For(ProblemCodes.Unauthorized, "Sign in, or send the invite code of this room.");
        var admission = await engine.AskMeetingAsync<MeetingReply>(new CheckAdmission(roomId, identity, Password: null), context.RequestAborted);
        if (admission.Error is { } refused && refused != ProblemCodes.WrongRoomPassword)
            return identity.Kind == ParticipantKind.Guest ? Problems.For(ProblemCodes.Unauthorized, "The invite code is not valid.") : Problems.For(refused);
        var join = admission.Error is null ? new JoinDetails(EventsApi.CallInNumber(context), rooms) : null;
        return await EventInfoAsync(roomId, engine, events, join, context.RequestAborted) is { } info
            ? Results.Ok(info)
            : Problems.For(ProblemCodes.NotFound, "This room belongs to no meeting.");
    }

    /// <summary>What showing how to join a meeting takes: the number to dial (<c>Mail:CallInNumber</c>) and when guest links were made.</summary>
    public sealed record JoinDetails(string CallInNumber, RoomsReader Rooms);

    /// <summary>The meeting a room belongs to, as OpenTalk's <c>EventInfo</c>; null for a room without one.</summary>
    /// <param name="join">
    /// Given for someone the room lets in now: then the meeting's <c>meeting_details</c> are added when the meeting shows them.
    /// </param>
    internal static async Task<RoomEventInfo?> EventInfoAsync(Guid roomId, EngineGateway engine, EventsReader events, JoinDetails? join, CancellationToken ct)
    {
        if (await events.EventOfRoomAsync(roomId, ct) is not { } eventId)
            return null;
        var reply = await engine.AskEventAsync(new GetEvent(new ScheduledEventId(eventId)), ct);
        if (reply.Event is not { Details: { } details } evt)
            return null;
        var info = new RoomEventInfo(evt.EventId, evt.RoomId, details.Title, evt.IsAdhoc, E2eEncryption: false);
        return details.ShowMeetingDetails && join is not null ? info with { MeetingDetails = await MeetingDetailsAsync(evt, engine, join, ct) } : info;
    }

    /// <summary>
    /// The room's oldest guest link for everyone (not one made for a person invited by e-mail) that does not expire, its
    /// call-in and the streams viewers can open.
    /// </summary>
    private static async Task<MeetingDetails> MeetingDetailsAsync(EventState evt, EngineGateway engine, JoinDetails join, CancellationToken ct)
    {
        var invites = await engine.AskMeetingAsync<InvitesReply>(new GetInvites(evt.RoomId), ct);
        var sip = await engine.AskMeetingAsync<SipReply>(new GetSip(evt.RoomId), ct);
        var targets = await engine.AskMeetingAsync<StreamingTargetsReply>(new GetStreamingTargets(evt.RoomId), ct);
        var personal = evt.Invitees.Values.Select(i => i.GuestCode).OfType<string>().ToHashSet();
        var made = (await join.Rooms.CreationTimesAsync(evt.RoomId, ct))?.Invites;
        var shared = invites.Invites.Where(i => i.Expiration is null && !personal.Contains(i.Code))
            .OrderBy(i => made is not null && made.TryGetValue(i.Code, out var at) ? at : DateTimeOffset.MaxValue)
            .FirstOrDefault();
        return new MeetingDetails(
            shared?.Code,
            sip.Sip is { } s ? new CallIn(join.CallInNumber, s.SipId, s.Pin) : null,
            [.. targets.Targets.Where(t => t.PublicUrl is not null).Select(t => new StreamingLink(t.Name, t.PublicUrl!))]);
    }

    /// <summary>A guest's invite code as OpenTalk's apps send it: <c>InviteCode {code}</c>, or as a bearer token.</summary>
    internal static string? GuestCode(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        foreach (var scheme in new[] { "InviteCode ", "Bearer " })
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header[scheme.Length..].Trim() is { Length: > 0 } code
                && Secrets.RoomOfInvite(code) is not null)
                return code;
        return null;
    }

    private static async Task<IResult> CreateInvite(Guid roomId, HttpRequest request, EngineGateway engine, UserProfiles profiles, TimeProvider clock)
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
            : Results.Created($"/v1/rooms/{roomId}/invites/{code}", Invite(
                new InviteLink(code, user.Id, body?.Expiration), roomId,
                await PeopleShown.ForAsync(profiles, [user.Id], request.HttpContext.RequestAborted), clock.GetUtcNow(), clock.GetUtcNow()));
    }

    private static async Task<IResult> ListInvites(Guid roomId, HttpContext context, EngineGateway engine, UserProfiles profiles, RoomsReader reader, TimeProvider clock)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<InvitesReply>(new GetInvites(roomId), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        if (reply.OwnerId != user.Id && !user.IsAdmin)
            return Problems.For(ProblemCodes.Forbidden);
        var now = clock.GetUtcNow();
        var people = await PeopleShown.ForAsync(profiles, reply.Invites.Select(i => i.CreatedBy), context.RequestAborted);
        var made = (await reader.CreationTimesAsync(roomId, context.RequestAborted))?.Invites;
        return Results.Ok(reply.Invites.Select(i => Invite(i, roomId, people, now, made is not null && made.TryGetValue(i.Code, out var at) ? at : null)).ToList());
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
    internal static async Task<IResult> IssueTicketAsync(
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

    /// <param name="createdAt">From the rooms read model: null while it has not seen the room yet.</param>
    private static async Task<RoomResource> ToResourceAsync(RoomView room, UserProfiles profiles, DateTimeOffset? createdAt, CancellationToken ct) =>
        new(room.RoomId, (await profiles.PublicAsync([room.OwnerId], ct))[room.OwnerId], createdAt, room.Password, room.WaitingRoom);

    /// <summary>A guest link as OpenTalk shows it; <paramref name="created"/> when known (the read model may lag a moment).</summary>
    private static InviteResource Invite(InviteLink link, Guid roomId, PeopleShown people, DateTimeOffset now, DateTimeOffset? created = null) =>
        new(link.Code, created, people[link.CreatedBy], created, people[link.CreatedBy], roomId, link.IsValidAt(now), link.Expiration);
}
