using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

public sealed record SipConfigRequest(string? Password);

public sealed record SipConfigResource(string SipId, string Password);

/// <summary>Phone call-in per room: a unique 10-digit conference id and a 10-digit PIN. Owner (or admin) only.</summary>
public static class SipApi
{
    private const int ClaimAttempts = 8;

    public static IEndpointRouteBuilder MapSipApi(this IEndpointRouteBuilder app)
    {
        var sip = app.MapGroup("/v1/rooms/{roomId:guid}/sip").RequireAuthorization();
        sip.MapGet("/", Get).Returns<SipConfigResource>();
        sip.MapPut("/", Put).Takes<SipConfigRequest>().Returns<SipConfigResource>();
        sip.MapDelete("/", Delete).ReturnsNothing();
        return app;
    }

    private static async Task<IResult> Get(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var (current, refused) = await OwnedAsync(roomId, context, engine);
        return refused ?? (current!.Sip is { } sip
            ? Results.Ok(new SipConfigResource(sip.SipId, sip.Pin))
            : Problems.For(ProblemCodes.NotFound, "This room has no phone call-in."));
    }

    /// <summary>Sets up call-in, or renews it: always a fresh conference id, the PIN as given or drawn.</summary>
    private static async Task<IResult> Put(Guid roomId, HttpRequest request, EngineGateway engine)
    {
        var (current, refused) = await OwnedAsync(roomId, request.HttpContext, engine);
        if (refused is not null)
            return refused;
        var (body, problem) = await Problems.ReadBodyAsync<SipConfigRequest>(request, optional: true);
        if (problem is not null)
            return problem;
        if (body?.Password is { } given && (given.Length != 10 || !given.All(char.IsAsciiDigit)))
            return Problems.Validation("password", "The PIN has exactly 10 digits.");

        var ct = request.HttpContext.RequestAborted;
        var user = CurrentUser.From(request.HttpContext.User)!;
        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var sipId = SipIndex.NewDigits();
            var claim = await engine.AskSipAsync(new ClaimSipId(sipId, roomId), ct);
            if (!claim.Granted)
                continue; // taken by another room: draw again
            var pin = body?.Password ?? SipIndex.NewDigits();
            var reply = await engine.AskMeetingAsync<MeetingReply>(new ConfigureSip(roomId, user.Id, sipId, pin), ct);
            if (reply.Error is { } error)
                return Problems.For(error);
            if (current!.Sip is { } old)
                engine.TellSip(new ReleaseSipId(old.SipId, roomId));
            return Results.Ok(new SipConfigResource(sipId, pin));
        }
        return Problems.For(ProblemCodes.Unavailable, "No free conference id was found; try again.");
    }

    private static async Task<IResult> Delete(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var (current, refused) = await OwnedAsync(roomId, context, engine);
        if (refused is not null)
            return refused;
        var reply = await engine.AskMeetingAsync<MeetingReply>(new RemoveSip(roomId, CurrentUser.From(context.User)!.Id), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error);
        engine.TellSip(new ReleaseSipId(current!.Sip!.SipId, roomId));
        return Results.NoContent();
    }

    private static async Task<(SipReply? Current, IResult? Refused)> OwnedAsync(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var current = await engine.AskMeetingAsync<SipReply>(new GetSip(roomId), context.RequestAborted);
        if (current.Error is { } error)
            return (null, Problems.For(error));
        return current.OwnerId == user.Id || user.IsAdmin ? (current, null) : (null, Problems.For(ProblemCodes.Forbidden));
    }
}
