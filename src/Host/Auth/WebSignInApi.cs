using Microsoft.Extensions.Options;
using OpenTalk.Host.Apis;
using OpenTalk.Host.Hosting;

namespace OpenTalk.Host.Auth;

/// <summary>Where the web app signs people in: the external provider when one is configured, else this node.</summary>
/// <param name="Authority">The OpenID Connect issuer; its discovery document names the endpoints.</param>
public sealed record WebSignInConfig(string Authority, string ClientId, string Scope);

public static class WebSignInApi
{
    public static IEndpointRouteBuilder MapWebSignInApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/auth/web", (HttpContext context, IOptions<SignInSettings> signIn) =>
        {
            var settings = signIn.Value;
            var authority = settings.IsEmbedded ? $"{context.Request.Scheme}://{context.Request.Host}" : settings.Authority!.TrimEnd('/');
            return Results.Ok(new WebSignInConfig(authority, settings.WebClientId, settings.WebScope));
        }).AllowAnonymous().Returns<WebSignInConfig>();
        return app;
    }
}
