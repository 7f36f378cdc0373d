using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>Scheduled meetings ("events"): each owns a room. The creator changes one; invitees read it.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/v1/events").RequireAuthorization();
        events.MapPost("/", Create).Takes<EventRequest>().Returns<EventResource>(StatusCodes.Status201Created);
        events.MapGet("/", List).Returns<EventPage>();
        events.MapGet("/{eventId:guid}", Get).Returns<EventResource>();
        events.MapMethods("/{eventId:guid}", ["PATCH"], Patch).Takes<EventRequest>().Returns<EventResource>();
        events.MapDelete("/{eventId:guid}", Delete).ReturnsNothing();
        app.MapEventInvitesApi();
        app.MapEventInstancesApi();
        app.MapEventFavoritesApi();
        return app;
    }

    private static async Task<IResult> Create(HttpRequest request, EngineGateway engine, TimeProvider clock)
    {
        var user = CurrentUser.From(request.HttpContext.User)!;
        var (body, problem) = await Problems.ReadBodyAsync<EventRequest>(request);
        if (problem is not null)
            return problem;
        var adhoc = body!.IsAdhoc ?? false;
        // An ad-hoc meeting is "now": it has no time and does not recur.
        var details = DetailsFrom(adhoc ? body with { IsTimeIndependent = true } : body, null);
        if (adhoc && (body.StartsAt is not null || body.EndsAt is not null || body.RecurrencePattern is { Count: > 0 }))
            return Problems.Validation("is_adhoc", "An ad-hoc meeting has no start, end or recurrence.");
        if (Invalid(details, body.Password) is { } invalid)
            return invalid;

        var ct = request.HttpContext.RequestAborted;
        var roomId = Guid.NewGuid();
        var room = await engine.AskMeetingAsync<MeetingReply>(new CreateRoom(roomId, user.Id, body.Password, details.WaitingRoom), ct);
        if (room.Error is { } roomError)
            return Problems.For(roomError);
        var eventId = Guid.NewGuid();
        var reply = await engine.AskEventAsync(new ScheduleEvent(new ScheduledEventId(eventId), new UserId(user.Id), new RoomId(roomId), details, adhoc), ct);
        return reply.Error is { } error
            ? Problems.For(error)
            : Results.Created($"/v1/events/{eventId}", EventResources.From(reply.Event!, user.Id, null, clock.GetUtcNow()));
    }

    private static async Task<IResult> Get(Guid eventId, HttpContext context, EngineGateway engine, TimeProvider clock)
    {
        var (evt, refused) = await EventAccess.ReadableAsync(eventId, context, engine);
        if (refused is not null)
            return refused;
        var sip = await engine.AskMeetingAsync<SipReply>(new GetSip(evt!.RoomId), context.RequestAborted);
        var callIn = sip.Sip is { } s ? new CallIn(s.SipId, s.Pin) : null;
        return Results.Ok(EventResources.From(evt, CurrentUser.From(context.User)!.Id, callIn, clock.GetUtcNow()));
    }

    private static async Task<IResult> Patch(Guid eventId, HttpRequest request, EngineGateway engine, TimeProvider clock)
    {
        var current = await EventAccess.OwnAsync(eventId, request.HttpContext, engine);
        if (current.Problem is { } refused)
            return refused;
        var (body, problem) = await Problems.ReadBodyAsync<JsonDocument>(request);
        if (problem is not null)
            return problem;
        using var document = body!;
        if (document.RootElement is not { ValueKind: JsonValueKind.Object } patch)
            return Problems.For(ProblemCodes.InvalidJson, "A JSON object is required.");
        var (read, unreadable) = Problems.Deserialize<EventRequest>(patch);
        if (unreadable is not null)
            return unreadable;
        var changes = read!;
        if (changes.IsAdhoc is not null && changes.IsAdhoc != current.Event!.IsAdhoc)
            return Problems.Validation("is_adhoc", "Whether a meeting is ad-hoc is fixed when it is created.");
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
        var reply = await engine.AskEventAsync(new ChangeEvent(new ScheduledEventId(eventId), new UserId(user.Id), details, EventAccess.SuppressMail(request.HttpContext)), ct);
        return reply.Error is { } error ? Problems.For(error) : Results.Ok(EventResources.From(reply.Event!, user.Id, null, clock.GetUtcNow()));
    }

    private static async Task<IResult> Delete(Guid eventId, HttpContext context, EngineGateway engine)
    {
        var current = await EventAccess.OwnAsync(eventId, context, engine);
        if (current.Problem is { } refused)
            return refused;
        var reply = await engine.AskEventAsync(
            new CancelEvent(new ScheduledEventId(eventId), new UserId(CurrentUser.From(context.User)!.Id), EventAccess.SuppressMail(context)), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        await EventInvitesApi.RevokeGuestLinksAsync(current.Event!,
            current.Event!.Invitees.Values.Select(i => i.GuestCode).OfType<string>(), engine, context.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>
    /// The meetings the user owns or is invited to. Filters: <c>time_min</c>/<c>time_max</c> (meetings with an occurrence
    /// span overlapping the range), <c>invite_status</c>, <c>favorites</c>, <c>adhoc</c>.
    /// </summary>
    private static async Task<IResult> List(HttpContext context, EventsReader reader, TimeProvider clock,
        int? per_page, string? after, DateTimeOffset? time_min, DateTimeOffset? time_max, string? invite_status, bool? favorites, bool? adhoc)
    {
        InviteStatus? status = null;
        if (invite_status is not null)
        {
            if (!Enum.TryParse<InviteStatus>(invite_status, ignoreCase: true, out var parsed) || int.TryParse(invite_status, out _))
                return Problems.Validation("invite_status", "Use pending, accepted, tentative or declined.");
            status = parsed;
        }
        if (time_min is { } min && time_max is { } max && max <= min)
            return Problems.Validation("time_max", "time_max must be after time_min.");
        var user = CurrentUser.From(context.User)!;
        var filter = new EventFilter(time_min, time_max, status, favorites ?? false, adhoc);
        var (rows, next) = await reader.PageAsync(user.Id, filter, per_page ?? 30, after, context.RequestAborted);
        var now = clock.GetUtcNow();
        return Results.Ok(new EventPage([.. rows.Select(r => EventResources.From(r, now))], next));
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
            timeIndependent ? [] : r.RecurrencePattern ?? current?.RecurrencePattern ?? []);
    }
}
