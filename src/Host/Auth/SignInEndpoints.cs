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
        app.MapGet("/account/login", (string? returnUrl, HttpContext context, IAntiforgery antiforgery) =>
            LoginPage(returnUrl, failed: false, antiforgery.GetAndStoreTokens(context)));
        // The form carries an antiforgery token, checked by hand below (a failed check shows the form again).
        app.MapPost("/account/login", Login).DisableAntiforgery();
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorize);
        app.MapPost("/connect/token", Token);
        return app;
    }

    private static IResult LoginPage(string? returnUrl, bool failed, AntiforgeryTokenSet tokens)
    {
        var target = WebUtility.HtmlEncode(SafeReturnUrl(returnUrl));
        var antiforgery = $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(tokens.FormFieldName)}\" value=\"{WebUtility.HtmlEncode(tokens.RequestToken)}\">";
        var error = failed ? "<p class=\"error\" role=\"alert\">Wrong user name or password.</p>" : "";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in - OpenTalk</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><h1>Sign in to OpenTalk</h1>{error}
            <form method="post" action="/account/login">
              <input type="hidden" name="returnUrl" value="{target}">{antiforgery}
              <label>User name <input name="username" autocomplete="username" required autofocus></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: failed ? 401 : 200);
    }

    private static async Task<IResult> Login(HttpContext context, AccountService accounts, IAntiforgery antiforgery)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        if (!await antiforgery.IsRequestValidAsync(context))
            return LoginPage(returnUrl, failed: true, antiforgery.GetAndStoreTokens(context));
        var account = await accounts.VerifyAsync(form["username"].ToString(), form["password"].ToString(), context.RequestAborted);
        if (account is null)
            return LoginPage(returnUrl, failed: true, antiforgery.GetAndStoreTokens(context));

        var identity = new ClaimsIdentity(SignInSetup.LoginCookie);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()));
        await context.SignInAsync(SignInSetup.LoginCookie, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    // Only local paths: a login form must not become an open redirector.
    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static async Task<IResult> Authorize(HttpContext context, AccountService accounts, IOptions<SignInSettings> signIn)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var login = await context.AuthenticateAsync(SignInSetup.LoginCookie);
        var accountId = login.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = Guid.TryParse(accountId, out var id) ? await accounts.FindAsync(id, context.RequestAborted) : null;
        if (account is null)
        {
            var here = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList());
            return Results.Challenge(new AuthenticationProperties { RedirectUri = here }, [SignInSetup.LoginCookie]);
        }

        var principal = PrincipalFor(account.Id.ToString(), account.DisplayName, account.UserName,
            account.IsAdmin ? [CurrentUser.AdminRole] : [], signIn.Value.Audience, account.GroupList, account.Email, account.Language);
        principal.SetScopes(request.GetScopes());
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext context, IOpenIddictApplicationManager applications, IOptions<SignInSettings> signIn)
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
            return Results.SignIn(result.Principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Results.Problem("The grant type is not supported.", statusCode: 400);
    }

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
