using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>A room's live-stream destinations (RTMP URL + key, and the public page viewers open). Owner or admin only.</summary>
public static class StreamingTargetsApi
{
    public const int MaxTargets = 10;

    public static IEndpointRouteBuilder MapStreamingTargetsApi(this IEndpointRouteBuilder app)
    {
        var targets = app.MapGroup("/v1/rooms/{roomId:guid}/streaming_targets").RequireAuthorization();
        targets.MapGet("/", List).Returns<List<StreamingTargetResource>>();
        targets.MapPost("/", Create).Takes<StreamingTargetRequest>().Returns<StreamingTargetResource>(StatusCodes.Status201Created);
        targets.MapGet("/{targetId:guid}", Get).Returns<StreamingTargetResource>();
        targets.MapMethods("/{targetId:guid}", ["PATCH"], Patch).Takes<StreamingTargetRequest>().Returns<StreamingTargetResource>();
        targets.MapDelete("/{targetId:guid}", Delete).ReturnsNothing();
        return app;
    }

    private static async Task<IResult> List(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var (targets, refused) = await OwnedAsync(roomId, context, engine);
        return refused ?? Results.Ok(targets!.Select(View).ToList());
    }

    private static async Task<IResult> Get(Guid roomId, Guid targetId, HttpContext context, EngineGateway engine)
    {
        var (targets, refused) = await OwnedAsync(roomId, context, engine);
        if (refused is not null)
            return refused;
        return targets!.FirstOrDefault(t => t.Id == targetId) is { } target ? Results.Ok(View(target)) : Problems.For(ProblemCodes.NotFound);
    }

    private static async Task<IResult> Create(Guid roomId, HttpRequest request, EngineGateway engine)
    {
        var (targets, refused) = await OwnedAsync(roomId, request.HttpContext, engine);
        if (refused is not null)
            return refused;
        if (targets!.Count >= MaxTargets)
            return Problems.Validation("streaming_targets", $"A room has at most {MaxTargets} streaming targets.");
        var (body, problem) = await Problems.ReadBodyAsync<StreamingTargetRequest>(request);
        if (problem is not null)
            return problem;
        return await SaveAsync(roomId, Merge(Guid.NewGuid(), body!, null), request.HttpContext, engine, created: true);
    }

    private static async Task<IResult> Patch(Guid roomId, Guid targetId, HttpRequest request, EngineGateway engine)
    {
        var (targets, refused) = await OwnedAsync(roomId, request.HttpContext, engine);
        if (refused is not null)
            return refused;
        if (targets!.FirstOrDefault(t => t.Id == targetId) is not { } current)
            return Problems.For(ProblemCodes.NotFound);
        var (body, problem) = await Problems.ReadBodyAsync<StreamingTargetRequest>(request);
        if (problem is not null)
            return problem;
        return await SaveAsync(roomId, Merge(targetId, body!, current), request.HttpContext, engine, created: false);
    }

    private static async Task<IResult> Delete(Guid roomId, Guid targetId, HttpContext context, EngineGateway engine)
    {
        var (_, refused) = await OwnedAsync(roomId, context, engine);
        if (refused is not null)
            return refused;
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<MeetingReply>(new RemoveStreamingTarget(roomId, user.Id, user.IsAdmin, targetId), context.RequestAborted);
        return reply.Error is { } error ? Problems.For(error) : Results.NoContent();
    }

    private static async Task<IResult> SaveAsync(Guid roomId, StreamingTarget target, HttpContext context, EngineGateway engine, bool created)
    {
        if (Check(target) is { Count: > 0 } errors)
            return Problems.For(ProblemCodes.ValidationFailed, "Some fields are not valid.", errors);
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<MeetingReply>(new SaveStreamingTarget(roomId, user.Id, user.IsAdmin, target), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        return created ? Results.Created($"/v1/rooms/{roomId}/streaming_targets/{target.Id}", View(target)) : Results.Ok(View(target));
    }

    /// <summary>
    /// The targets a meeting is created or changed with (<c>streaming_targets</c> of <c>/v1/events</c>, which replace the
    /// room's), each with a new id; or the problem with them, each field named by its place in the list.
    /// </summary>
    internal static (IReadOnlyList<StreamingTarget>? Targets, IResult? Problem) FromMeeting(IReadOnlyList<StreamingTargetRequest?> requested)
    {
        if (requested.Count > MaxTargets)
            return (null, Problems.Validation("streaming_targets", $"A room has at most {MaxTargets} streaming targets."));
        var targets = new List<StreamingTarget>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (request, index) in requested.Select((r, i) => (r, i)))
        {
            if (request is null)
            {
                errors[$"streaming_targets[{index}]"] = ["A streaming target is an object."];
                continue;
            }
            var target = Merge(Guid.NewGuid(), request, null);
            foreach (var (field, messages) in Check(target))
                errors[$"streaming_targets[{index}].{field}"] = messages;
            targets.Add(target);
        }
        return errors.Count > 0 ? (null, Problems.For(ProblemCodes.ValidationFailed, "Some fields are not valid.", errors)) : (targets, null);
    }

    /// <summary>
    /// Makes these the room's targets, in place of the ones it had; nothing changes (ids included) when they are the same.
    /// One removal or save at a time: a failure part-way leaves the targets done so far, and the caller says so.
    /// </summary>
    internal static async Task<string?> ReplaceAsync(Guid roomId, CurrentUser user, IReadOnlyList<StreamingTarget> targets, EngineGateway engine, CancellationToken ct)
    {
        var current = await engine.AskMeetingAsync<StreamingTargetsReply>(new GetStreamingTargets(roomId), ct);
        if (current.Error is { } error)
            return error;
        static (string, string, string, string?) Fields(StreamingTarget t) => (t.Name, t.StreamingEndpoint, t.StreamingKey, t.PublicUrl);
        if (current.Targets.Select(Fields).SequenceEqual(targets.Select(Fields)))
            return null;
        foreach (var old in current.Targets)
            if ((await engine.AskMeetingAsync<MeetingReply>(new RemoveStreamingTarget(roomId, user.Id, user.IsAdmin, old.Id), ct)).Error is { } notRemoved)
                return notRemoved;
        foreach (var target in targets)
            if ((await engine.AskMeetingAsync<MeetingReply>(new SaveStreamingTarget(roomId, user.Id, user.IsAdmin, target), ct)).Error is { } notSaved)
                return notSaved;
        return null;
    }

    private static StreamingTarget Merge(Guid id, StreamingTargetRequest r, StreamingTarget? current) => new(
        id,
        (r.Name ?? current?.Name ?? "").Trim(),
        (r.StreamingEndpoint ?? current?.StreamingEndpoint ?? "").Trim(),
        r.StreamingKey ?? current?.StreamingKey ?? "",
        r.PublicUrl is { } url ? (url.Trim().Length == 0 ? null : url.Trim()) : current?.PublicUrl);

    private static Dictionary<string, string[]> Check(StreamingTarget t)
    {
        var errors = new Dictionary<string, string[]>();
        if (t.Name.Length is 0 or > 255 || t.Name.Any(char.IsControl))
            errors["name"] = ["A name has 1 to 255 characters and no control characters."];
        if (!Uri.TryCreate(t.StreamingEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("rtmp" or "rtmps"))
            errors["streaming_endpoint"] = ["An rtmp:// or rtmps:// URL."];
        if (t.StreamingKey.Length is 0 or > 512 || t.StreamingKey.Any(char.IsControl))
            errors["streaming_key"] = ["A key has 1 to 512 characters and no control characters."];
        if (t.PublicUrl is { } page && (!Uri.TryCreate(page, UriKind.Absolute, out var pageUri) || pageUri.Scheme is not ("http" or "https")))
            errors["public_url"] = ["An http:// or https:// URL where viewers watch."];
        return errors;
    }

    private static async Task<(IReadOnlyList<StreamingTarget>? Targets, IResult? Problem)> OwnedAsync(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<StreamingTargetsReply>(new GetStreamingTargets(roomId), context.RequestAborted);
        if (reply.Error is { } error)
            return (null, Problems.For(error));
        return reply.OwnerId == user.Id || user.IsAdmin ? (reply.Targets, null) : (null, Problems.For(ProblemCodes.Forbidden));
    }

    internal static StreamingTargetResource View(StreamingTarget t) => new(t.Id, t.Name, t.StreamingEndpoint, t.StreamingKey, t.PublicUrl);
}
