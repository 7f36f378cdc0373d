using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace OpenTalk.Host.Auth;

/// <summary>
/// Refresh tokens are signed JWTs, not encrypted ones. OpenTalk's web app reads the <c>exp</c> of its refresh token
/// on every page load to decide whether the person is still signed in (Keycloak's refresh tokens are signed JWTs),
/// and an encrypted token cannot be read, so each reload would sign the person out. What the token holds is
/// what its holder's ID token says already; the signature keeps it from being altered, and the provider still
/// checks it against its token store when it is redeemed.
/// </summary>
public sealed class SignedRefreshTokens : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<SignedRefreshTokens>()
            // After OpenIddict picked its credentials, before it writes the token.
            .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType == TokenTypeIdentifiers.RefreshToken)
            context.EncryptionCredentials = null;
        return ValueTask.CompletedTask;
    }
}
