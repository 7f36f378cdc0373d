using OpenTalk.Actors.Scheduling;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>
/// The occurrences of a meeting, expanded for a range (a rule that never ends is fine: expansion stops at the
/// range's end or the page size), and per-occurrence exceptions: move, retitle or cancel one.
/// </summary>
public static class EventInstancesApi
{
    public const int MaxPage = 100;

    public static IEndpointRouteBuilder MapEventInstancesApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/v1/events/{eventId:guid}/instances").RequireAuthorization();
        events.MapGet("/", List).Returns<List<InstanceResource>>();
        events.MapGet("/{instanceId}", Get).Returns<InstanceResource>();
        events.MapMethods("/{instanceId}", ["PATCH"], Patch).Takes<InstancePatchRequest>().Returns<InstanceResource>();
        return app;
    }

    /// <summary>
    /// A bare array, as OpenTalk has it: <c>time_min</c>/<c>time_max</c> bound the range; the next page is in the
    /// <c>Link</c> header (<c>rel="after"</c>, the last instance id of this page).
    /// </summary>
    private static async Task<IResult> List(Guid eventId, HttpContext context, EngineGateway engine, UserProfiles profiles,
        DateTimeOffset? time_min, DateTimeOffset? time_max, int? per_page, string? after, int? invitees_max)
    {
        var (evt, refused) = await EventAccess.ReadableAsync(eventId, context, engine);
        if (refused is not null)
            return refused;
        if (time_min is { } min && time_max is { } max && max <= min)
            return Problems.Validation("time_max", "time_max must be after time_min.");
        var take = Math.Clamp(per_page ?? 30, 1, MaxPage);
        var occurrences = Recurrence.Expand(evt!.Details!, evt.Exceptions, time_min)
            .Where(o => after is null || string.CompareOrdinal(o.InstanceId, after) > 0)
            .TakeWhile(o => time_max is not { } end || OriginalStart(o) < end)
            .Where(o => time_max is not { } end || o.StartsUtc < end)
            .Take(take + 1)
            .ToList();
        if (occurrences.Count > take)
            context.Response.Headers.Link = Paging.Link(context.Request, "after", occurrences[take - 1].InstanceId);
        var (view, people, room, inviteesMax) = await ShownAsync(evt, context, engine, profiles, invitees_max);
        var viewer = CurrentUser.From(context.User)!.Id;
        return Results.Ok(occurrences.Take(take).Select(o => EventResources.Instance(view, viewer, people, room, o, inviteesMax)).ToList());
    }

    /// <summary>What showing occurrences of <paramref name="evt"/> takes: the profiles it names and its room's details.</summary>
    private static async Task<(EventView View, PeopleShown People, RoomDetails Room, int InviteesMax)> ShownAsync(
        EventState evt, HttpContext context, EngineGateway engine, UserProfiles profiles, int? inviteesMax)
    {
        var max = EventsApi.InviteesMax(inviteesMax);
        var view = EventView.Of(evt, CurrentUser.From(context.User)!.Id);
        var people = await PeopleShown.ForAsync(profiles, view.People(max), context.RequestAborted);
        return (view, people, await EventsApi.RoomDetailsAsync(engine, evt.RoomId, context), max);
    }

    private static async Task<IResult> Get(Guid eventId, string instanceId, int? invitees_max, HttpContext context, EngineGateway engine, UserProfiles profiles)
    {
        var (evt, refused) = await EventAccess.ReadableAsync(eventId, context, engine);
        if (refused is not null)
            return refused;
        if (Find(evt!, instanceId) is not { } occurrence)
            return Problems.For(ProblemCodes.NotFound, "The meeting has no such occurrence.");
        var (view, people, room, max) = await ShownAsync(evt!, context, engine, profiles, invitees_max);
        return Results.Ok(EventResources.Instance(view, CurrentUser.From(context.User)!.Id, people, room, occurrence, max));
    }

    private static async Task<IResult> Patch(Guid eventId, string instanceId, int? invitees_max, HttpRequest request, EngineGateway engine, UserProfiles profiles)
    {
        var (evt, refused) = await EventAccess.OwnAsync(eventId, request.HttpContext, engine);
        if (refused is not null)
            return refused;
        var (body, problem) = await Problems.ReadBodyAsync<InstancePatchRequest>(request);
        if (problem is not null)
            return problem;
        if (Find(evt!, instanceId) is not { } occurrence)
            return Problems.For(ProblemCodes.NotFound, "The meeting has no such occurrence.");
        var details = evt!.Details!;
        var before = occurrence.Exception;
        var errors = new Dictionary<string, string[]>();
        if (body!.Title is { } title && (title.Trim().Length is 0 or > EventValidation.MaxTitle || title.Any(char.IsControl)))
            errors["title"] = [$"A title has 1 to {EventValidation.MaxTitle} characters and no control characters."];
        if (body.Description is { Length: > EventValidation.MaxDescription })
            errors["description"] = [$"A description has at most {EventValidation.MaxDescription} characters."];
        var startsAt = InZone(body.StartsAt, details.StartsTimezone!, "starts_at", errors) ?? before?.StartsAt;
        var endsAt = InZone(body.EndsAt, details.EndsTimezone!, "ends_at", errors) ?? before?.EndsAt;
        var newStart = startsAt is { } s ? Recurrence.ToUtc(s, details.StartsTimezone!) : occurrence.StartsUtc;
        var newEnd = endsAt is { } e ? Recurrence.ToUtc(e, details.EndsTimezone!) : newStart + (occurrence.EndsUtc - occurrence.StartsUtc);
        if (errors.Count == 0 && newEnd <= newStart)
            errors["ends_at"] = ["ends_at must be after starts_at."];
        if (errors.Count > 0)
            return Problems.For(ProblemCodes.ValidationFailed, "Some fields are not valid.", errors);

        var exception = new InstanceException(instanceId, body.Title ?? before?.Title, body.Description ?? before?.Description,
            startsAt, endsAt, (body.Status ?? (occurrence.Cancelled ? InstanceStatus.Cancelled : InstanceStatus.Ok)) == InstanceStatus.Cancelled);
        var user = CurrentUser.From(request.HttpContext.User)!;
        var reply = await engine.AskEventAsync(
            new ChangeInstance(new ScheduledEventId(eventId), new UserId(user.Id), exception, EventAccess.SuppressMail(request.HttpContext)), request.HttpContext.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        if (Find(reply.Event!, instanceId) is not { } changed)
            return Problems.For(ProblemCodes.NotFound);
        var (view, people, room, max) = await ShownAsync(reply.Event!, request.HttpContext, engine, profiles, invitees_max);
        return Results.Ok(EventResources.Instance(view, user.Id, people, room, changed, max));
    }

    /// <summary>An occurrence by its id (the UTC start of the original occurrence).</summary>
    private static Occurrence? Find(EventState evt, string instanceId)
    {
        if (!Recurrence.HasInstance(evt.Details!, instanceId))
            return null;
        var at = DateTimeOffset.ParseExact(instanceId, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);
        // Expand without a lower bound a moment before, since a moved occurrence may now end earlier.
        return Recurrence.Expand(evt.Details!, evt.Exceptions, at.AddTicks(-1)).FirstOrDefault(o => o.InstanceId == instanceId);
    }

    /// <summary>Ids are the original UTC start, so they order the series even when an occurrence was moved.</summary>
    private static DateTimeOffset OriginalStart(Occurrence o) =>
        DateTimeOffset.ParseExact(o.InstanceId, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);

    /// <summary>A requested time as a local time in the meeting's zone (a time given in another zone is converted).</summary>
    private static DateTime? InZone(DateTimeTz? value, string zone, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return null;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value.Timezone, out _))
        {
            errors[field] = ["Give a date-time and an IANA time zone."];
            return null;
        }
        var utc = Recurrence.ToUtc(WireTimes.InZone(value.Datetime, value.Timezone), value.Timezone);
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime, DateTimeKind.Unspecified);
    }
}
