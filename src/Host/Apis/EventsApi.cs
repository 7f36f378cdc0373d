using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
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
        events.MapGet("/", List).Returns<List<EventListEntry>>();
        events.MapGet("/{eventId:guid}", Get).Returns<EventResource>();
        events.MapMethods("/{eventId:guid}", ["PATCH"], Patch).Takes<EventRequest>().Returns<EventResource>();
        events.MapDelete("/{eventId:guid}", Delete).ReturnsNothing();
        app.MapEventInvitesApi();
        app.MapEventInstancesApi();
        app.MapEventFavoritesApi();
        return app;
    }

    private static async Task<IResult> Create(HttpRequest request, EngineGateway engine, UserProfiles profiles, TimeProvider clock)
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
        if (details.IsTimeIndependent && body.IsAllDay == true)
            return Problems.Validation("is_all_day", "A meeting without a time is not an all-day meeting.");
        var (targets, badTargets) = StreamingTargetsApi.FromMeeting(body.StreamingTargets ?? []);
        if (badTargets is not null)
            return badTargets;

        var ct = request.HttpContext.RequestAborted;
        var roomId = Guid.NewGuid();
        var room = await engine.AskMeetingAsync<MeetingReply>(new CreateRoom(roomId, user.Id, body.Password, details.WaitingRoom), ct);
        if (room.Error is { } roomError)
            return Problems.For(roomError);
        if (targets!.Count > 0 && await StreamingTargetsApi.ReplaceAsync(roomId, user, targets, engine, ct) is { } targetsError)
            return Problems.For(targetsError);
        var eventId = Guid.NewGuid();
        var reply = await engine.AskEventAsync(new ScheduleEvent(new ScheduledEventId(eventId), new UserId(user.Id), new RoomId(roomId), details, adhoc), ct);
        if (reply.Error is { } error)
            return Problems.For(error);
        var created = await ResourceAsync(EventView.Of(reply.Event!, user.Id), user.Id, new RoomDetails(body.Password, null, targets!), int.MaxValue, profiles, clock, ct);
        return Results.Created($"/v1/events/{eventId}", created);
    }

    /// <summary>One meeting as a resource, with the profiles it names.</summary>
    private static async Task<EventResource> ResourceAsync(EventView view, Guid viewer, RoomDetails? room, int inviteesMax,
        UserProfiles profiles, TimeProvider clock, CancellationToken ct)
    {
        var people = await PeopleShown.ForAsync(profiles, view.People(inviteesMax), ct);
        return EventResources.Resource(view, viewer, people, room, inviteesMax, clock.GetUtcNow());
    }

    /// <summary>The room's password and dial-in, for people who may read the meeting (they may enter its room).</summary>
    /// <param name="withStreamingTargets">Only for the meeting's owner: the targets hold stream keys, and nobody else is shown them.</param>
    internal static async Task<RoomDetails> RoomDetailsAsync(EngineGateway engine, Guid roomId, HttpContext context, bool withStreamingTargets = false)
    {
        var ct = context.RequestAborted;
        var room = await engine.AskMeetingAsync<MeetingReply>(new GetRoom(roomId), ct);
        var sip = await engine.AskMeetingAsync<SipReply>(new GetSip(roomId), ct);
        IReadOnlyList<StreamingTarget> targets = withStreamingTargets
            ? (await engine.AskMeetingAsync<StreamingTargetsReply>(new GetStreamingTargets(roomId), ct)).Targets
            : [];
        return new RoomDetails(room.Room?.Password, sip.Sip is { } s ? new CallIn(CallInNumber(context), s.SipId, s.Pin) : null, targets);
    }

    /// <summary>The number to dial: the one the invitation mails name (<c>Mail:CallInNumber</c>); empty without a phone gateway.</summary>
    internal static string CallInNumber(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Mail.MailSettings>>().Value.CallInNumber ?? "";

    private static async Task<IResult> Get(Guid eventId, int? invitees_max, HttpContext context, EngineGateway engine, UserProfiles profiles, TimeProvider clock)
    {
        var (evt, refused) = await EventAccess.ReadableAsync(eventId, context, engine);
        if (refused is not null)
            return refused;
        var viewer = CurrentUser.From(context.User)!.Id;
        var room = await RoomDetailsAsync(engine, evt!.RoomId, context, withStreamingTargets: viewer == evt.CreatedBy);
        return Results.Ok(await ResourceAsync(EventView.Of(evt, viewer), viewer, room, InviteesMax(invitees_max), profiles, clock, context.RequestAborted));
    }

    /// <summary>How many invitees a meeting lists (OpenTalk's <c>invitees_max</c>; ours lists all unless asked for fewer).</summary>
    internal static int InviteesMax(int? asked) => asked is { } max ? Math.Max(max, 0) : int.MaxValue;

    private static async Task<IResult> Patch(Guid eventId, int? invitees_max, HttpRequest request, EngineGateway engine, UserProfiles profiles, TimeProvider clock)
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
        if (details.IsTimeIndependent && changes.IsAllDay == true)
            return Problems.Validation("is_all_day", "A meeting without a time is not an all-day meeting.");
        var (targets, badTargets) = changes.StreamingTargets is { } requested ? StreamingTargetsApi.FromMeeting(requested) : (null, null);
        if (badTargets is not null)
            return badTargets;

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
        if (targets is not null && await StreamingTargetsApi.ReplaceAsync(current.Event.RoomId, user, targets, engine, ct) is { } targetsError)
            return Problems.For(targetsError);
        var reply = await engine.AskEventAsync(new ChangeEvent(new ScheduledEventId(eventId), new UserId(user.Id), details, EventAccess.SuppressMail(request.HttpContext)), ct);
        if (reply.Error is { } error)
            return Problems.For(error);
        var roomDetails = await RoomDetailsAsync(engine, reply.Event!.RoomId, request.HttpContext, withStreamingTargets: true);
        return Results.Ok(await ResourceAsync(EventView.Of(reply.Event, user.Id), user.Id, roomDetails, InviteesMax(invitees_max), profiles, clock, ct));
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
    /// The meetings the user owns or is invited to, newest first, as OpenTalk lists them: a bare array, each recurring
    /// meeting followed by its changed occurrences, and the next page in a <c>Link</c> header (<c>rel="after"</c>).
    /// Filters: <c>time_min</c>/<c>time_max</c> (meetings with an occurrence span overlapping the range),
    /// <c>invite_status</c> (one status, or several separated by commas), <c>favorites</c>, <c>adhoc</c>,
    /// <c>time_independent</c>; <c>invitees_max</c> limits the invitees listed.
    /// </summary>
    private static async Task<IResult> List(HttpContext context, EventsReader reader, UserProfiles profiles, TimeProvider clock,
        int? per_page, string? after, DateTimeOffset? time_min, DateTimeOffset? time_max, string? invite_status, bool? favorites, bool? adhoc,
        bool? time_independent, int? invitees_max)
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
        var filter = new EventFilter(time_min, time_max, status, favorites ?? false, adhoc, time_independent);
        var (rows, next) = await reader.PageAsync(user.Id, filter, Math.Clamp(per_page ?? 30, 1, 100), after, context.RequestAborted);
        var inviteesMax = InviteesMax(invitees_max);
        var views = rows.Select(EventView.Of).ToList();
        var people = await PeopleShown.ForAsync(profiles, views.SelectMany(v => v.People(inviteesMax)), context.RequestAborted);
        var now = clock.GetUtcNow();
        var listed = new List<EventListEntry>();
        foreach (var view in views)
        {
            listed.Add(EventResources.Resource(view, user.Id, people, null, inviteesMax, now));
            listed.AddRange(EventResources.Exceptions(view, user.Id, people));
        }
        if (next is not null)
            context.Response.Headers.Link = Paging.Link(context.Request, "after", next);
        return Results.Ok(listed);
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
            timeIndependent ? null : (r.StartsAt is { } s ? WireTimes.InZone(s.Datetime, s.Timezone) : current?.StartsAt),
            timeIndependent ? null : r.StartsAt?.Timezone ?? current?.StartsTimezone,
            timeIndependent ? null : (r.EndsAt is { } e ? WireTimes.InZone(e.Datetime, e.Timezone) : current?.EndsAt),
            timeIndependent ? null : r.EndsAt?.Timezone ?? current?.EndsTimezone,
            timeIndependent ? [] : r.RecurrencePattern ?? current?.RecurrencePattern ?? [])
        {
            IsAllDay = !timeIndependent && (r.IsAllDay ?? current?.IsAllDay ?? false),
            ShowMeetingDetails = r.ShowMeetingDetails ?? current?.ShowMeetingDetails ?? false,
        };
    }
}
