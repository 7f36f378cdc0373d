using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>STUN and TURN servers browsers may use to reach the media servers (section <c>Turn</c>).</summary>
public sealed class TurnSettings
{
    public const string Section = "Turn";

    /// <summary>STUN servers (<c>stun:host:3478</c>).</summary>
    public string[] StunUris { get; set; } = [];

    /// <summary>One TURN server's URIs (<c>turn:host:3478</c>, <c>turns:host:5349</c>); empty: none.</summary>
    public string[] TurnUris { get; set; } = [];

    /// <summary>The secret the TURN server shares for time-limited credentials (coturn's <c>static-auth-secret</c>).</summary>
    public string? TurnSecret { get; set; }

    /// <summary>How long TURN credentials stay valid.</summary>
    [System.ComponentModel.DataAnnotations.Range(60, 7 * 24 * 3600)]
    public int TurnCredentialSeconds { get; set; } = 12 * 3600;
}

/// <summary>
/// One ICE server as OpenTalk's apps read it: STUN has only <c>uris</c>; TURN has credentials and <c>ttl</c>, the
/// unix second (a string) until which they are valid.
/// </summary>
public sealed record IceServer(
    IReadOnlyList<string> Uris,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Password = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ttl = null);

/// <summary>
/// <c>GET /v1/turn</c> as OpenTalk has it: the ICE servers for a signed-in person or a guest (whose bearer token is
/// their invite code); 204 when none are configured. TURN credentials follow the TURN REST scheme
/// (<c>expiry:random</c> user name, HMAC-SHA1 of it as password), so the TURN server checks them without asking us.
/// </summary>
public static class TurnApi
{
    public static IEndpointRouteBuilder MapTurnApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/turn", async (HttpContext context, IOptions<TurnSettings> turn, EngineGateway engine, TimeProvider clock) =>
        {
            if (CurrentUser.From(context.User) is null && !await IsGuestWithValidInviteAsync(context, engine))
                return Problems.For(ProblemCodes.Unauthorized, "Sign in, or use an invite code as bearer token.");
            var servers = Servers(turn.Value, clock.GetUtcNow());
            return servers.Count == 0 ? Results.NoContent() : Results.Ok(servers);
        }).AllowAnonymous().Returns<List<IceServer>>().Produces(StatusCodes.Status204NoContent);
        return app;
    }

    public static IReadOnlyList<IceServer> Servers(TurnSettings settings, DateTimeOffset now)
    {
        var servers = new List<IceServer>();
        if (settings.TurnUris.Length > 0 && !string.IsNullOrEmpty(settings.TurnSecret))
        {
            var expires = now.AddSeconds(settings.TurnCredentialSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var userName = $"{expires}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}";
#pragma warning disable CA5350 // HMAC-SHA1 is what the TURN REST scheme (and coturn) defines.
            var password = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(settings.TurnSecret), Encoding.UTF8.GetBytes(userName)));
#pragma warning restore CA5350
            servers.Add(new IceServer(settings.TurnUris, userName, password, expires));
        }
        if (settings.StunUris.Length > 0)
            servers.Add(new IceServer(settings.StunUris));
        return servers;
    }

    private static async Task<bool> IsGuestWithValidInviteAsync(HttpContext context, EngineGateway engine)
    {
        if (RoomsApi.GuestCode(context) is not { } code || Secrets.RoomOfInvite(code) is not { } roomId)
            return false;
        var reply = await engine.AskMeetingAsync<MeetingReply>(new CheckAdmission(roomId, ParticipantIdentity.ForGuest(code), Password: null), context.RequestAborted);
        return reply.Error is null or ProblemCodes.WrongRoomPassword;
    }
}
