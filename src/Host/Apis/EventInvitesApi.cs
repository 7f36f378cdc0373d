using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>Who is invited to a meeting, and their answers. Only the creator invites; invitees answer for themselves.</summary>
public static class EventInvitesApi
{
    public static IEndpointRouteBuilder MapEventInvitesApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/v1/events").RequireAuthorization();
        app.MapGet("/v1/users/me/pending_invites", PendingInvites).RequireAuthorization().Returns<List<EventResource>>();
        events.MapGet("/{eventId:guid}/invites", List).Returns<List<EventInvitee>>();
        events.MapPost("/{eventId:guid}/invites", Invite).Takes<EventInviteRequest>().Returns<EventInvitee>(StatusCodes.Status201Created);
        events.MapMethods("/{eventId:guid}/invites/{invitee:guid}", ["PATCH"], (Guid eventId, Guid invitee, HttpRequest request, EngineGateway engine) =>
            ChangeRoleAsync(eventId, Invitee.UserKey(invitee), request, engine)).Takes<InviteRoleRequest>().ReturnsNothing();
        events.MapDelete("/{eventId:guid}/invites/{invitee:guid}", (Guid eventId, Guid invitee, HttpContext context, EngineGateway engine) =>
            Uninvite(eventId, Invitee.UserKey(invitee), context, engine)).ReturnsNothing();
        // OpenTalk's apps name the address in a JSON body; ours in the query (?email=).
        events.MapDelete("/{eventId:guid}/invites/email", UninviteEmail).Takes<EmailInviteeRequest>().ReturnsNothing();
        events.MapDelete("/{eventId:guid}/invites", (Guid eventId, string? email, HttpContext context, EngineGateway engine) =>
            email is null ? Task.FromResult(Problems.Validation("email", "Name the e-mail address to uninvite.")) : Uninvite(eventId, Invitee.EmailKey(email), context, engine))
            .ReturnsNothing();
        // No body accepts, as OpenTalk's apps do; {status} answers accepted, tentative or declined.
        events.MapMethods("/{eventId:guid}/invite", ["PATCH"], Answer).Takes<InviteAnswerRequest>().ReturnsNothing();
        events.MapDelete("/{eventId:guid}/invite", (Guid eventId, HttpContext context, EngineGateway engine) =>
            AnswerAsync(eventId, InviteStatus.Declined, context, engine)).ReturnsNothing();
        return app;
    }

    private static async Task<IResult> PendingInvites(HttpContext context, EventsReader reader, UserProfiles profiles, TimeProvider clock)
    {
        var viewer = CurrentUser.From(context.User)!.Id;
        var views = (await reader.PendingInvitesAsync(viewer, context.RequestAborted)).Select(EventView.Of).ToList();
        var people = await PeopleShown.ForAsync(profiles, views.SelectMany(v => v.People(int.MaxValue)), context.RequestAborted);
        var now = clock.GetUtcNow();
        return Results.Ok(views.Select(v => EventResources.Resource(v, viewer, people, null, int.MaxValue, now)).ToList());
    }

    /// <summary>Invited users first (by id), then addresses, as OpenTalk lists them.</summary>
    private static async Task<IResult> List(Guid eventId, HttpContext context, EngineGateway engine, UserProfiles profiles)
    {
        var (evt, refused) = await EventAccess.ReadableAsync(eventId, context, engine);
        if (refused is not null)
            return refused;
        var invitees = evt!.Invitees.Values.OrderBy(i => i.UserId is null).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        var people = await PeopleShown.ForAsync(profiles, invitees.Select(i => i.UserId).OfType<Guid>(), context.RequestAborted);
        return Results.Ok(invitees.Select(i => EventResources.Invitee(i, people)).ToList());
    }

    private static async Task<IResult> UninviteEmail(Guid eventId, HttpRequest request, EngineGateway engine)
    {
        var (body, problem) = await Problems.ReadBodyAsync<EmailInviteeRequest>(request);
        if (problem is not null)
            return problem;
        return string.IsNullOrWhiteSpace(body!.Email)
            ? Problems.Validation("email", "Name the e-mail address to uninvite.")
            : await Uninvite(eventId, Invitee.EmailKey(body.Email), request.HttpContext, engine);
    }

    /// <summary>Makes an invited user a moderator of the meeting, or a user again (OpenTalk's moderator toggle).</summary>
    private static async Task<IResult> ChangeRoleAsync(Guid eventId, string key, HttpRequest request, EngineGateway engine)
    {
        var (body, problem) = await Problems.ReadBodyAsync<InviteRoleRequest>(request);
        if (problem is not null)
            return problem;
        var (current, refused) = await EventAccess.OwnAsync(eventId, request.HttpContext, engine);
        if (refused is not null)
            return refused;
        if (body!.Role is null || body.Role == InviteRole.Guest)
            return Problems.Validation("role", "An invited user is a user or a moderator.");
        if (!current!.Invitees.ContainsKey(key))
            return Problems.For(ProblemCodes.NotFound, "This person is not invited.");
        var ct = request.HttpContext.RequestAborted;
        var reply = await engine.AskEventAsync(new InviteToEvent(new ScheduledEventId(eventId), new UserId(CurrentUser.From(request.HttpContext.User)!.Id),
            key, body.Role.Value.ToScheduling(), EventAccess.SuppressMail(request.HttpContext), null), ct);
        if (reply.Error is { } error)
            return Problems.For(error);
        await SyncModeratorsAsync(reply.Event!, engine, ct);
        return Results.NoContent();
    }

    private static async Task<IResult> Invite(Guid eventId, HttpRequest request, EngineGateway engine, UserProfiles profiles)
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
        var ct = request.HttpContext.RequestAborted;
        var (current, refused) = await EventAccess.OwnAsync(eventId, request.HttpContext, engine);
        if (refused is not null)
            return refused;
        // Someone invited by e-mail has no account: they get a guest link of their own for the meeting's room.
        string? guestCode = null;
        if (body.Email is not null && !current!.Invitees.ContainsKey(key))
        {
            guestCode = Secrets.NewInviteCode(current.RoomId);
            var link = await engine.AskMeetingAsync<MeetingReply>(new CreateInvite(current.RoomId, current.CreatedBy, guestCode, null), ct);
            if (link.Error is { } linkError)
                return Problems.For(linkError);
        }
        var reply = await engine.AskEventAsync(
            new InviteToEvent(new ScheduledEventId(eventId), new UserId(user.Id), key, body.Role.ToScheduling(), EventAccess.SuppressMail(request.HttpContext), guestCode), ct);
        if (reply.Error == ProblemCodes.ValidationFailed)
            return Problems.Validation("invitee", "The creator is part of the meeting already.");
        if (reply.Error is { } error)
            return Problems.For(error);
        await SyncModeratorsAsync(reply.Event!, engine, ct);
        var invitee = reply.Event!.Invitees[key];
        var people = await PeopleShown.ForAsync(profiles, invitee.UserId is { } id ? [id] : [], ct);
        return Results.Created($"/v1/events/{eventId}/invites", EventResources.Invitee(invitee, people));
    }

    private static async Task<IResult> Uninvite(Guid eventId, string key, HttpContext context, EngineGateway engine)
    {
        var (current, refused) = await EventAccess.OwnAsync(eventId, context, engine);
        if (refused is not null)
            return refused;
        var reply = await engine.AskEventAsync(
            new UninviteFromEvent(new ScheduledEventId(eventId), new UserId(CurrentUser.From(context.User)!.Id), key, EventAccess.SuppressMail(context)), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        await SyncModeratorsAsync(reply.Event!, engine, context.RequestAborted);
        if (current!.Invitees.GetValueOrDefault(key)?.GuestCode is { } code)
            await RevokeGuestLinksAsync(current, [code], engine, context.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>Guest links made for e-mail invitees stop working when they are uninvited or the meeting is cancelled.</summary>
    public static async Task RevokeGuestLinksAsync(EventState evt, IEnumerable<string> codes, EngineGateway engine, CancellationToken ct)
    {
        foreach (var code in codes)
        {
            var reply = await engine.AskMeetingAsync<MeetingReply>(new RevokeInvite(evt.RoomId, evt.CreatedBy, false, code), ct);
            if (reply.Error is { } error && error != ProblemCodes.NotFound)
                throw new InvalidOperationException($"The room of meeting {evt.EventId} did not revoke a guest link: {error}");
        }
    }

    /// <summary>Users invited as moderators enter the meeting's room as moderators; the room learns the whole set.</summary>
    private static async Task SyncModeratorsAsync(EventState evt, EngineGateway engine, CancellationToken ct)
    {
        var moderators = evt.Invitees.Values
            .Where(i => i.Role == InviteeRole.Moderator && i.UserId is not null)
            .Select(i => i.UserId!.Value)
            .ToList();
        var reply = await engine.AskMeetingAsync<MeetingReply>(new SetInvitedModerators(evt.RoomId, evt.CreatedBy, false, moderators), ct);
        if (reply.Error is { } error)
            throw new InvalidOperationException($"The room of meeting {evt.EventId} refused its moderators: {error}");
    }

    private static async Task<IResult> Answer(Guid eventId, HttpRequest request, EngineGateway engine)
    {
        var (body, problem) = await Problems.ReadBodyAsync<InviteAnswerRequest>(request, optional: true);
        if (problem is not null)
            return problem;
        body ??= new InviteAnswerRequest(InviteStatus.Accepted);
        return body.Status == InviteStatus.Pending
            ? Problems.Validation("status", "Answer with accepted, tentative or declined.")
            : await AnswerAsync(eventId, body.Status, request.HttpContext, engine);
    }

    private static async Task<IResult> AnswerAsync(Guid eventId, InviteStatus status, HttpContext context, EngineGateway engine)
    {
        var reply = await engine.AskEventAsync(new AnswerEventInvite(new ScheduledEventId(eventId), new UserId(CurrentUser.From(context.User)!.Id), status.ToScheduling()), context.RequestAborted);
        return reply.Error is { } error ? Problems.For(error) : Results.NoContent();
    }
}
