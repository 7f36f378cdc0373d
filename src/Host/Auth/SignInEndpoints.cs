using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenTalk.Host.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenTalk.Host.Auth;

/// <summary>The embedded provider's endpoints: login page, authorization and token.</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapEmbeddedSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (string? returnUrl, string? lang, HttpContext context, IAntiforgery antiforgery) =>
        {
            var target = SafeReturnUrl(returnUrl);
            return LoginPage.Render(context, target, LoginPage.LanguageOf(context.Request, lang, target), antiforgery.GetAndStoreTokens(context));
        });
        // The form carries an antiforgery token, checked by hand below (a failed check shows the form again).
        app.MapPost("/account/login", Login).DisableAntiforgery();
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorize);
        app.MapPost("/connect/token", Token);
        app.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)Logout);
        return app;
    }

    private static async Task<IResult> Login(HttpContext context, AccountService accounts, IAntiforgery antiforgery, SignInThrottle throttle)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        var language = LoginPage.LanguageOf(context.Request, form["lang"], returnUrl);
        IResult Again(LoginPage.Problem problem, int status, TimeSpan wait = default) =>
            LoginPage.Render(context, returnUrl, language, antiforgery.GetAndStoreTokens(context), problem, wait, status);
        if (!await antiforgery.IsRequestValidAsync(context))
            return Again(LoginPage.Problem.WrongPassword, 401);
        var userName = form["username"].ToString();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        // Checked before the password: while locked out, even the right password is refused.
        if (throttle.WaitBeforeTrying(userName, address) is { } wait && wait > TimeSpan.Zero)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Again(LoginPage.Problem.TooManyAttempts, 429, wait);
        }
        var account = await accounts.VerifyAsync(userName, form["password"].ToString(), context.RequestAborted);
        if (account is null)
        {
            throttle.Failed(userName, address);
            return Again(LoginPage.Problem.WrongPassword, 401);
        }
        throttle.Succeeded(userName);
        // Said only to whoever knows the password, so it tells a guesser nothing.
        if (account.Disabled)
            return Again(LoginPage.Problem.Disabled, 403);

        var identity = new ClaimsIdentity(SignInSetup.LoginCookie);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()));
        identity.AddClaim(new Claim(CredentialStampClaim, AccountService.CredentialStamp(account)));
        await context.SignInAsync(SignInSetup.LoginCookie, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    /// <summary>
    /// Only paths on this site: a login form must not become an open redirector. Browsers read <c>/\host</c>
    /// as <c>//host</c> and drop tabs and line breaks (<c>/\t/host</c>), so backslashes and control
    /// characters are refused anywhere, as <c>IUrlHelper.IsLocalUrl</c> does.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is ['/', ..] && (returnUrl.Length == 1 || returnUrl[1] != '/')
            && !returnUrl.Any(c => c == '\\' || char.IsControl(c))
            ? returnUrl
            : "/";

    private static async Task<IResult> Authorize(HttpContext context, AccountService accounts, IOptions<SignInSettings> signIn)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var login = await context.AuthenticateAsync(SignInSetup.LoginCookie);
        var accountId = login.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = Guid.TryParse(accountId, out var id) ? await accounts.FindAsync(id, context.RequestAborted) : null;
        // A session from before a password reset ends as well: whoever had the old password is out.
        if (account is null or { Disabled: true } || !StampStillValid(login.Principal!.FindFirstValue(CredentialStampClaim), account))
        {
            // Disabled while signed in at the provider: the session ends, and the form says why at the next try.
            if (account is not null)
                await context.SignOutAsync(SignInSetup.LoginCookie);
            var here = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList());
            return Results.Challenge(new AuthenticationProperties { RedirectUri = here }, [SignInSetup.LoginCookie]);
        }

        var principal = PrincipalFor(account.Id.ToString(), account.DisplayName, account.UserName,
            [.. account.IsAdmin ? [CurrentUser.AdminRole] : Array.Empty<string>(), .. account.IsAuditor ? [CurrentUser.AuditorRole] : Array.Empty<string>()],
            signIn.Value.Audience, account.GroupList, account.Email, account.Language);
        // Kept in the code and refresh tokens only (no destination): a refresh after a password reset is refused.
        principal.SetClaim(CredentialStampClaim, AccountService.CredentialStamp(account));
        var scopes = request.GetScopes();
        // OpenTalk's web app asks for no offline_access but needs a refresh token, as Keycloak hands out anyway.
        if (request.ClientId == signIn.Value.OpenTalkWebAppClientId && !string.IsNullOrWhiteSpace(signIn.Value.OpenTalkWebApp))
            scopes = scopes.Add(Scopes.OfflineAccess);
        principal.SetScopes(scopes);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Ends the provider's session (the login cookie); OpenIddict then sends the browser to the client's
    /// <c>post_logout_redirect_uri</c> when that is one registered for the client, else to this site's root.
    /// </summary>
    private static async Task<IResult> Logout(HttpContext context)
    {
        await context.SignOutAsync(SignInSetup.LoginCookie);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> Token(HttpContext context, IOpenIddictApplicationManager applications, IOptions<SignInSettings> signIn,
        AccountService accounts)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var roles = signIn.Value.ServiceAccounts.FirstOrDefault(a => a.ClientId == request.ClientId)?.Roles ?? [];
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted);
            var name = application is null ? request.ClientId! : await applications.GetDisplayNameAsync(application, context.RequestAborted) ?? request.ClientId!;
            var service = PrincipalFor(request.ClientId!, name, request.ClientId!, roles, signIn.Value.Audience);
            return Results.SignIn(service, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is null)
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            // A disabled (or removed) account gets no new tokens for its old refresh tokens or codes.
            if (Guid.TryParse(result.Principal.GetClaim(Claims.Subject), out var accountId)
                && await accounts.FindAsync(accountId, context.RequestAborted) is var account
                && (account is null or { Disabled: true } || !StampStillValid(result.Principal.GetClaim(CredentialStampClaim), account)))
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = account is { Disabled: false }
                        ? "The password or the auditor role was changed: sign in again." : "The account is disabled.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            return Results.SignIn(result.Principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Results.Problem("The grant type is not supported.", statusCode: 400);
    }

    private const string CredentialStampClaim = "credential_stamp";

    /// <summary>A session or token made before stamps existed has none: it stays valid until it ends by itself.</summary>
    private static bool StampStillValid(string? stamp, Account account) =>
        stamp is null || string.Equals(stamp, AccountService.CredentialStamp(account), StringComparison.Ordinal);

    private static ClaimsPrincipal PrincipalFor(string subject, string name, string userName, IEnumerable<string> roles, string audience,
        IEnumerable<string>? groups = null, string? email = null, string? locale = null)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(Claims.Email, email)
            .SetClaim(Claims.Locale, locale)
            .SetClaim(Claims.PreferredUsername, userName)
            .SetClaims(Claims.Role, [.. roles])
            .SetClaims("groups", [.. groups ?? []]);
        identity.SetResources(audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
