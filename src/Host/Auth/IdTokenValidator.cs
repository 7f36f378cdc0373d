using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenTalk.Host.Hosting;

namespace OpenTalk.Host.Auth;

/// <summary>The embedded provider's signing key, which signs its ID tokens.</summary>
public sealed record EmbeddedSigningKey(SecurityKey Key);

/// <summary>
/// Checks an ID token a web app got at sign-in: signed by the node's provider (the embedded one's key, or the
/// external one's published keys), issued to one of the web apps' client ids, and not expired.
/// </summary>
public sealed class IdTokenValidator(IOptions<SignInSettings> signIn, IServiceProvider services)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<ClaimsPrincipal?> ValidateAsync(string idToken, CancellationToken ct)
    {
        var settings = signIn.Value;
        var parameters = new TokenValidationParameters
        {
            ValidAudiences = [settings.WebClientId, settings.OpenTalkWebAppClientId],
            ClockSkew = TimeSpan.FromMinutes(1),
            NameClaimType = "name",
            RoleClaimType = "role",
        };
        if (settings.IsEmbedded)
        {
            // Only this node holds the key, so whatever it signed came from its provider, whatever host name was used.
            parameters.IssuerSigningKey = services.GetRequiredService<EmbeddedSigningKey>().Key;
            parameters.ValidateIssuer = false;
        }
        else
        {
            var bearer = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
            var provider = await bearer.ConfigurationManager!.GetConfigurationAsync(ct);
            parameters.IssuerSigningKeys = provider.SigningKeys;
            parameters.ValidIssuer = provider.Issuer;
        }
        var result = await Handler.ValidateTokenAsync(idToken, parameters);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
