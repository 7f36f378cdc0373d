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

    /// <summary>
    /// The key media servers present at <c>/v1/turn/media-server</c> (Janus' <c>turn_rest_api_key</c>); empty: that
    /// endpoint is off and media servers use no TURN server.
    /// </summary>
    public string? MediaServerKey { get; set; }

    /// <summary>The TURN URIs as media servers reach them (an internal address, say); empty: <see cref="TurnUris"/>.</summary>
    public string[] MediaServerTurnUris { get; set; } = [];
}

/// <summary>
/// TURN credentials in the shape of the TURN REST API draft (draft-uberti-rtcweb-turn-rest), which Janus asks for
/// before each connection it sets up: <c>ttl</c> is a lifetime in seconds here, not an instant.
/// </summary>
public sealed record MediaServerTurnCredentials(string Username, string Password, int Ttl, IReadOnlyList<string> Uris);

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
        // Janus sends the key as `key` and `api`, in the query and (by POST) in a form body as well.
        app.MapMethods("/v1/turn/media-server", ["GET", "POST"], async (HttpRequest request, IOptions<TurnSettings> turn, TimeProvider clock) =>
        {
            var settings = turn.Value;
            if (string.IsNullOrEmpty(settings.MediaServerKey))
                return Problems.For(ProblemCodes.NotFound, "Media servers get no TURN credentials here: Turn:MediaServerKey is not set.");
            var key = request.Query["key"].FirstOrDefault() ?? request.Query["api"].FirstOrDefault();
            if (key is null && request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                key = form["key"].FirstOrDefault() ?? form["api"].FirstOrDefault();
            }
            if (key is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(settings.MediaServerKey)))
                return Problems.For(ProblemCodes.Forbidden, "The key is missing or wrong.");
            var uris = settings.MediaServerTurnUris.Length > 0 ? settings.MediaServerTurnUris : settings.TurnUris;
            if (uris.Length == 0 || string.IsNullOrEmpty(settings.TurnSecret))
                return Problems.For(ProblemCodes.NotFound, "No TURN server is configured (Turn:TurnUris and Turn:TurnSecret).");
            // Named apart from browsers' credentials, so the TURN server's log tells media servers' relays from people's.
            var (userName, password, _) = Credentials(settings, clock.GetUtcNow(), "media-server-");
            return Results.Ok(new MediaServerTurnCredentials(userName, password, settings.TurnCredentialSeconds, uris));
        }).AllowAnonymous().Returns<MediaServerTurnCredentials>();
        return app;
    }

    /// <summary>A user name that carries its expiry and the HMAC-SHA1 of it under the shared secret as password.</summary>
    private static (string UserName, string Password, string Expires) Credentials(TurnSettings settings, DateTimeOffset now, string prefix = "")
    {
        var expires = now.AddSeconds(settings.TurnCredentialSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var userName = $"{expires}:{prefix}{Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}";
#pragma warning disable CA5350 // HMAC-SHA1 is what the TURN REST scheme (and coturn) defines.
        var password = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(settings.TurnSecret!), Encoding.UTF8.GetBytes(userName)));
#pragma warning restore CA5350
        return (userName, password, expires);
    }

    public static IReadOnlyList<IceServer> Servers(TurnSettings settings, DateTimeOffset now)
    {
        var servers = new List<IceServer>();
        if (settings.TurnUris.Length > 0 && !string.IsNullOrEmpty(settings.TurnSecret))
        {
            var (userName, password, expires) = Credentials(settings, now);
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
