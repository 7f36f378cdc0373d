using System.Security.Claims;
using Microsoft.Extensions.Options;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Hosting;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Auth;

/// <summary>The OpenID provider web apps sign in at (OpenTalk's <c>OidcProvider</c>).</summary>
/// <param name="Name">A short name of the provider.</param>
/// <param name="Url">Its issuer: the discovery document is at <c>{url}/.well-known/openid-configuration</c>.</param>
/// <param name="ClientId">Ours: the client id our own web app signs in with (OpenTalk's apps keep theirs in their own configuration).</param>
/// <param name="Scope">Ours: the scopes our own web app asks for.</param>
public sealed record OidcProvider(string Name, string Url, string ClientId, string Scope);

public sealed record GetLoginResponse(OidcProvider Oidc);

public sealed record PostLoginRequest(string? IdToken);

/// <summary>What the signed-in person may do beyond their own meetings (OpenTalk's permission strings; none yet).</summary>
public sealed record PostLoginResponse(IReadOnlyList<string> Permissions);

/// <summary>
/// <c>/v1/auth/login</c> as OpenTalk has it: <c>GET</c> names the provider; <c>POST</c> ends a web app's sign-in with
/// the ID token it got, and the node records the person (name, address, language) as it does for every access token.
/// </summary>
public static class AuthLoginApi
{
    public static IEndpointRouteBuilder MapAuthLoginApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/auth/login", (HttpContext context, IOptions<SignInSettings> signIn) =>
        {
            var settings = signIn.Value;
            var provider = settings.IsEmbedded
                ? new OidcProvider("opentalk", $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}", settings.WebClientId, settings.WebScope)
                : new OidcProvider(new Uri(settings.Authority!).Host, settings.Authority!.TrimEnd('/'), settings.WebClientId, settings.WebScope);
            return Results.Ok(new GetLoginResponse(provider));
        }).AllowAnonymous().Returns<GetLoginResponse>();

        app.MapPost("/v1/auth/login", async (HttpContext context, IdTokenValidator validator, UserDirectory directory, TimeProvider clock) =>
        {
            var (body, problem) = await Problems.ReadBodyAsync<PostLoginRequest>(context.Request);
            if (problem is not null)
                return problem;
            if (string.IsNullOrWhiteSpace(body!.IdToken))
                return Problems.Validation("id_token", "The ID token from the sign-in is required.");
            if (await validator.ValidateAsync(body.IdToken, context.RequestAborted) is not { } principal)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"the ID token is not valid\"";
                return Problems.For(ProblemCodes.InvalidIdToken, "The ID token is expired, not for this node's web apps, or not signed by its provider.");
            }
            if (CurrentUser.From(principal) is not { } user)
                return Problems.For(ProblemCodes.InvalidClaims, "The ID token names no subject (sub).");
            await directory.RememberAsync(user, clock.GetUtcNow(), context.RequestAborted);
            return Results.Ok(new PostLoginResponse([]));
        }).AllowAnonymous().Takes<PostLoginRequest>().Returns<PostLoginResponse>();
        return app;
    }
}
