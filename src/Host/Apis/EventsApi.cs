using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>Scheduled meetings ("events"): each owns a room. Only the creator reads or changes one (invites come later).</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/v1/events").RequireAuthorization();
        events.MapPost("/", Create);
        events.MapGet("/", List);
        app.MapGet("/v1/users/me/pending_invites", PendingInvites).RequireAuthorization();
        events.MapGet("/{eventId:guid}", Get);
        events.MapMethods("/{eventId:guid}", ["PATCH"], Patch);
        events.MapDelete("/{eventId:guid}", Delete);
        events.MapGet("/{eventId:guid}/invites", ListInvites);
        events.MapPost("/{eventId:guid}/invites", Invite);
        events.MapDelete("/{eventId:guid}/invites/{invitee:guid}", (Guid eventId, Guid invitee, HttpContext context, EngineGateway engine) =>
            Uninvite(eventId, Invitee.UserKey(invitee), context, engine));
        events.MapDelete("/{eventId:guid}/invites", (Guid eventId, string? email, HttpContext context, EngineGateway engine) =>
            email is null ? Task.FromResult(Problems.Validation("email", "Name the e-mail address to uninvite.")) : Uninvite(eventId, Invitee.EmailKey(email), context, engine));
        events.MapMethods("/{eventId:guid}/invite", ["PATCH"], Answer);
        events.MapDelete("/{eventId:guid}/invite", (Guid eventId, HttpContext context, EngineGateway engine) =>
            AnswerAsync(eventId, InviteStatus.Declined, context, engine));
        return app;
    }

    private static async Task<IResult> Create(HttpRequest request, EngineGateway engine)
    {
        var user = CurrentUser.From(request.HttpContext.User)!;
        var (body, problem) = await Problems.ReadBodyAsync<EventRequest>(request);
        if (problem is not null)
            return problem;
        var details = DetailsFrom(body!, null);
        if (Invalid(details, body!.Password) is { } invalid)
            return invalid;

        var ct = request.HttpContext.RequestAborted;
        var roomId = Guid.NewGuid();
        var room = await engine.AskMeetingAsync<MeetingReply>(new CreateRoom(roomId, user.Id, body.Password, details.WaitingRoom), ct);
        if (room.Error is { } roomError)
            return Problems.For(roomError);
        var eventId = Guid.NewGuid();
        var reply = await engine.AskEventAsync(new ScheduleEvent(eventId, user.Id, roomId, details), ct);
        return reply.Error is { } error ? Problems.For(error) : Results.Created($"/v1/events/{eventId}", ToResource(reply.Event!));
    }

    private static async Task<IResult> Get(Guid eventId, HttpContext context, EngineGateway engine)
    {
        var reply = await ReadableEventAsync(eventId, context, engine);
        return reply.Problem ?? Results.Ok(ToResource(reply.Event!));
    }

    private static async Task<IResult> Patch(Guid eventId, HttpRequest request, EngineGateway engine)
    {
        var current = await OwnEventAsync(eventId, request.HttpContext, engine);
        if (current.Problem is { } refused)
            return refused;
        var (body, problem) = await Problems.ReadBodyAsync<JsonDocument>(request);
        if (problem is not null)
            return problem;
        using var document = body!;
        if (document.RootElement is not { ValueKind: JsonValueKind.Object } patch)
            return Problems.For(ProblemCodes.InvalidJson, "A JSON object is required.");
        var changes = patch.Deserialize<EventRequest>(WireJson.Options)!;
        var details = DetailsFrom(changes, current.Event!.Details);
        var passwordGiven = patch.TryGetProperty("password", out _);
        var password = passwordGiven ? changes.Password : null;
        if (Invalid(details, password) is { } invalid)
            return invalid;

        var ct = request.HttpContext.RequestAborted;
        var user = CurrentUser.From(request.HttpContext.User)!;
        if (passwordGiven || patch.TryGetProperty("waiting_room", out _))
        {
            var keepPassword = passwordGiven
                ? changes.Password
                : (await engine.AskMeetingAsync<MeetingReply>(new GetRoom(current.Event.RoomId), ct)).Room?.Password;
            var room = await engine.AskMeetingAsync<MeetingReply>(new UpdateRoom(current.Event.RoomId, user.Id, keepPassword, details.WaitingRoom), ct);
            if (room.Error is { } roomError)
                return Problems.For(roomError);
        }
        var reply = await engine.AskEventAsync(new ChangeEvent(eventId, user.Id, details), ct);
        return reply.Error is { } error ? Problems.For(error) : Results.Ok(ToResource(reply.Event!));
    }

    private static async Task<IResult> Delete(Guid eventId, HttpContext context, EngineGateway engine)
    {
        var current = await OwnEventAsync(eventId, context, engine);
        if (current.Problem is { } refused)
            return refused;
        var reply = await engine.AskEventAsync(new CancelEvent(eventId, CurrentUser.From(context.User)!.Id), context.RequestAborted);
        return reply.Error is { } error ? Problems.For(error) : Results.NoContent();
    }

    private static async Task<IResult> List(HttpContext context, EventsReader reader, int? per_page, string? after)
    {
        var user = CurrentUser.From(context.User)!;
        var (rows, next) = await reader.PageAsync(user.Id, per_page ?? 30, after, context.RequestAborted);
        return Results.Ok(new EventPage([.. rows.Select(r => ToResource(r.EventId, r.OwnerId, r.RoomId, r.CreatedAt, r.UpdatedAt, r.Revision, r.Details))], next));
    }

    private static async Task<IResult> PendingInvites(HttpContext context, EventsReader reader)
    {
        var rows = await reader.PendingInvitesAsync(CurrentUser.From(context.User)!.Id, context.RequestAborted);
        return Results.Ok(rows.Select(r => ToResource(r.EventId, r.OwnerId, r.RoomId, r.CreatedAt, r.UpdatedAt, r.Revision, r.Details)).ToList());
    }

    private static async Task<(EventState? Event, IResult? Problem)> OwnEventAsync(Guid eventId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskEventAsync(new GetEvent(eventId), context.RequestAborted);
        if (reply.Event is not { } evt)
            return (null, Problems.For(ProblemCodes.NotFound));
        return evt.CreatedBy == user.Id || user.IsAdmin ? (evt, null) : (null, Problems.For(ProblemCodes.Forbidden));
    }

    /// <summary>Reading is also for invitees; changing stays with the creator.</summary>
    private static async Task<(EventState? Event, IResult? Problem)> ReadableEventAsync(Guid eventId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskEventAsync(new GetEvent(eventId), context.RequestAborted);
        if (reply.Event is not { } evt)
            return (null, Problems.For(ProblemCodes.NotFound));
        return evt.MayRead(user.Id) || user.IsAdmin ? (evt, null) : (null, Problems.For(ProblemCodes.Forbidden));
    }

    private static async Task<IResult> ListInvites(Guid eventId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskEventAsync(new GetEvent(eventId), context.RequestAborted);
        if (reply.Event is not { } evt)
            return Problems.For(ProblemCodes.NotFound);
        return evt.MayRead(user.Id) || user.IsAdmin
            ? Results.Ok(evt.Invitees.Values.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.View()).ToList())
            : Problems.For(ProblemCodes.Forbidden);
    }

    private static async Task<IResult> Invite(Guid eventId, HttpRequest request, EngineGateway engine)
    {
        var (body, problem) = await Problems.ReadBodyAsync<EventInviteRequest>(request);
        if (problem is not null)
            return problem;
        string key;
        if (body!.Invitee is { } userId && body.Email is null)
            key = Invitee.UserKey(userId);
        else if (body.Email is { } email && body.Invitee is null && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address)
                 && address.Address == email.Trim() && !email.Any(char.IsControl))
            key = Invitee.EmailKey(email);
        else
            return Problems.Validation("invitee", "Give either a user id (invitee) or one plain e-mail address (email).");
        var user = CurrentUser.From(request.HttpContext.User)!;
        var reply = await engine.AskEventAsync(new InviteToEvent(eventId, user.Id, key, body.Role), request.HttpContext.RequestAborted);
        if (reply.Error == ProblemCodes.ValidationFailed)
            return Problems.Validation("invitee", "The creator is part of the meeting already.");
        return reply.Error is { } error
            ? Problems.For(error)
            : Results.Created($"/v1/events/{eventId}/invites", reply.Event!.Invitees[key].View());
    }

    private static async Task<IResult> Uninvite(Guid eventId, string key, HttpContext context, EngineGateway engine)
    {
        var reply = await engine.AskEventAsync(new UninviteFromEvent(eventId, CurrentUser.From(context.User)!.Id, key), context.RequestAborted);
        return reply.Error is { } error ? Problems.For(error) : Results.NoContent();
    }

    private static async Task<IResult> Answer(Guid eventId, HttpRequest request, EngineGateway engine)
    {
        var (body, problem) = await Problems.ReadBodyAsync<InviteAnswerRequest>(request);
        if (problem is not null)
            return problem;
        return body!.Status == InviteStatus.Pending
            ? Problems.Validation("status", "Answer with accepted, tentative or declined.")
            : await AnswerAsync(eventId, body.Status, request.HttpContext, engine);
    }

    private static async Task<IResult> AnswerAsync(Guid eventId, InviteStatus status, HttpContext context, EngineGateway engine)
    {
        var reply = await engine.AskEventAsync(new AnswerEventInvite(eventId, CurrentUser.From(context.User)!.Id, status), context.RequestAborted);
        return reply.Error is { } error ? Problems.For(error) : Results.NoContent();
    }

    private static IResult? Invalid(EventDetails details, string? password) =>
        EventValidation.Check(details, password) is { Count: > 0 } errors
            ? Problems.For(ProblemCodes.ValidationFailed, "Some fields are not valid.", errors)
            : null;

    /// <summary>The request's fields over the current ones (all of them for a new meeting).</summary>
    private static EventDetails DetailsFrom(EventRequest r, EventDetails? current)
    {
        var timeIndependent = r.IsTimeIndependent ?? current?.IsTimeIndependent ?? false;
        return new EventDetails(
            r.Title ?? current?.Title ?? "",
            r.Description ?? current?.Description ?? "",
            r.WaitingRoom ?? current?.WaitingRoom ?? false,
            timeIndependent,
            timeIndependent ? null : r.StartsAt?.Datetime ?? current?.StartsAt,
            timeIndependent ? null : r.StartsAt?.Timezone ?? current?.StartsTimezone,
            timeIndependent ? null : r.EndsAt?.Datetime ?? current?.EndsAt,
            timeIndependent ? null : r.EndsAt?.Timezone ?? current?.EndsTimezone,
            r.RecurrencePattern ?? current?.RecurrencePattern ?? []);
    }

    private static EventResource ToResource(EventState e) =>
        ToResource(e.EventId, e.CreatedBy, e.RoomId, e.CreatedAt, e.UpdatedAt, e.Revision, e.Details!);

    private static EventResource ToResource(Guid id, Guid owner, Guid room, DateTimeOffset created, DateTimeOffset updated, int revision, EventDetails d) =>
        new(id, owner, created, updated, d.Title, d.Description, room, d.WaitingRoom, d.IsTimeIndependent,
            d.StartsAt is { } s ? new DateTimeTz(s, d.StartsTimezone!) : null,
            d.EndsAt is { } e ? new DateTimeTz(e, d.EndsTimezone!) : null,
            d.RecurrencePattern, revision);
}
