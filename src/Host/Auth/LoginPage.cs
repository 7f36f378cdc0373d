using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace OpenTalk.Host.Auth;

/// <summary>
/// The embedded provider's sign-in form, in the web app's look and in its languages. The language is the one asked
/// for on the page (<c>lang</c>), else the one the web app asked for in the authorization request (<c>ui_locales</c>,
/// found in the return address), else the browser's. No script: the page works with scripts off, and the content
/// security policy allows none inline.
/// </summary>
public static class LoginPage
{
    public enum Problem { None, WrongPassword, Disabled, TooManyAttempts }

    public static IResult Render(HttpContext context, string returnUrl, string language, AntiforgeryTokenSet tokens,
        Problem problem = Problem.None, TimeSpan wait = default, int status = 200)
    {
        var t = Texts(language);
        string E(string s) => WebUtility.HtmlEncode(s);
        var target = E(returnUrl);
        // The antiforgery field first: scripted clients take the first hidden field after the return address as it.
        var antiforgery = $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken ?? "")}\">";
        var error = problem switch
        {
            Problem.WrongPassword => t.WrongPassword,
            Problem.Disabled => t.Disabled,
            Problem.TooManyAttempts => wait < TimeSpan.FromMinutes(1)
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, t.WaitSeconds, Math.Ceiling(wait.TotalSeconds))
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, t.LockedMinutes, Math.Ceiling(wait.TotalMinutes)),
            _ => null,
        };
        var alert = error is null ? "" : $"<p class=\"alert\" role=\"alert\">{E(error)}</p>";
        string Switch(string code, string name) => code == language
            ? $"<a href=\"{E(SelfUrl(returnUrl, code))}\" hreflang=\"{code}\" lang=\"{code}\" aria-current=\"true\">{name}</a>"
            : $"<a href=\"{E(SelfUrl(returnUrl, code))}\" hreflang=\"{code}\" lang=\"{code}\">{name}</a>";
        var html = $"""
            <!doctype html>
            <html lang="{language}"><head><meta charset="utf-8"><title>{E(t.Title)}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>{Style}</style></head>
            <body><header><span class="brand"><span class="logo" aria-hidden="true">◉</span> OpenTalk</span>
            <nav aria-label="{E(t.Language)}">{Switch("en", "English")} {Switch("de", "Deutsch")}</nav></header>
            <main class="card"><h1>{E(t.Heading)}</h1>{alert}
            <form method="post" action="/account/login">
              <input type="hidden" name="returnUrl" value="{target}">{antiforgery}<input name="lang" type="hidden" value="{language}">
              <label for="username">{E(t.UserName)}</label>
              <input id="username" name="username" autocomplete="username" required autofocus>
              <label for="password">{E(t.Password)}</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">{E(t.SignIn)}</button>
            </form>
            <p class="hint">{E(t.Forgot)}</p></main></body></html>
            """;
        context.Response.Headers.ContentLanguage = language;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary><c>en</c> or <c>de</c>: asked for on the page, else by the web app (<c>ui_locales</c>), else by the browser.</summary>
    public static string LanguageOf(HttpRequest request, string? asked, string returnUrl)
    {
        if (asked is "en" or "de")
            return asked;
        var query = returnUrl.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? QueryString.FromUriComponent(returnUrl[q..]) : QueryString.Empty;
        var uiLocales = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value).GetValueOrDefault("ui_locales").ToString();
        foreach (var tag in uiLocales.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (Supported(tag) is { } chosen)
                return chosen;
        var accepted = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1);
        foreach (var tag in accepted)
            if (Supported(tag.Value.ToString()) is { } chosen)
                return chosen;
        return "en";
    }

    private static string? Supported(string tag) => tag.ToLowerInvariant() switch
    {
        var t when t == "de" || t.StartsWith("de-", StringComparison.Ordinal) => "de",
        var t when t == "en" || t.StartsWith("en-", StringComparison.Ordinal) => "en",
        _ => null,
    };

    private static string SelfUrl(string returnUrl, string language) =>
        $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}&lang={language}";

    private sealed record Text(string Title, string Heading, string UserName, string Password, string SignIn, string Forgot, string Language,
        string WrongPassword, string Disabled, string WaitSeconds, string LockedMinutes);

    private static Text Texts(string language) => language == "de" ? German : English;

    private static readonly Text English = new("Sign in - OpenTalk", "Sign in to OpenTalk", "User name", "Password", "Sign in",
        "Forgot your password? Ask your administrator to reset it.", "Language",
        "Wrong user name or password.",
        "This account is disabled, so it cannot sign in. Ask your administrator if you need it again.",
        "Too many failed sign-ins. Wait {0:0} seconds, then try again.",
        "Too many failed sign-ins: signing in is locked for {0:0} minutes. Try again later or ask your administrator.");

    private static readonly Text German = new("Anmelden - OpenTalk", "Bei OpenTalk anmelden", "Benutzername", "Passwort", "Anmelden",
        "Passwort vergessen? Bitten Sie Ihre Administration, es zurückzusetzen.", "Sprache",
        "Benutzername oder Passwort ist falsch.",
        "Dieses Konto ist deaktiviert und kann sich nicht anmelden. Wenden Sie sich an Ihre Administration, wenn Sie es wieder brauchen.",
        "Zu viele fehlgeschlagene Anmeldungen. Warten Sie {0:0} Sekunden und versuchen Sie es dann erneut.",
        "Zu viele fehlgeschlagene Anmeldungen: Die Anmeldung ist für {0:0} Minuten gesperrt. Versuchen Sie es später erneut oder wenden Sie sich an Ihre Administration.");

    // The web app's palette (src/Web/src/styles.css :root), kept here so the page needs nothing else from the node.
    private const string Style = """
        :root { --bg: #f4f6fb; --card: #fff; --text: #172033; --muted: #5b6479; --line: #dde2ee; --accent: #2454d6; --danger: #b42318;
          font-family: Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: var(--text); background: var(--bg); }
        * { box-sizing: border-box; }
        body { margin: 0; min-height: 100vh; }
        header { display: flex; align-items: center; justify-content: space-between; padding: 0.75rem 1.5rem; background: var(--card); border-bottom: 1px solid var(--line); }
        .brand { font-weight: 700; font-size: 1.2rem; display: flex; align-items: center; gap: 0.4rem; }
        .logo { color: var(--accent); font-size: 1.4rem; }
        nav { display: flex; gap: 0.75rem; }
        nav a { color: var(--accent); font-weight: 500; }
        nav a[aria-current] { color: var(--text); text-decoration: none; font-weight: 700; }
        .card { max-width: 420px; margin: 4rem auto; background: var(--card); border-radius: 12px; padding: 2rem;
          box-shadow: 0 1px 2px rgba(16, 24, 40, 0.06), 0 4px 16px rgba(16, 24, 40, 0.06); }
        h1 { font-size: 1.6rem; margin: 0 0 1.25rem; }
        form { display: flex; flex-direction: column; gap: 0.4rem; }
        label { font-weight: 500; font-size: 0.95rem; margin-top: 0.6rem; }
        input { font: inherit; padding: 0.55rem 0.7rem; border: 1px solid #b9c1d3; border-radius: 8px; background: #fff; color: var(--text); width: 100%; }
        button { font: inherit; margin-top: 1.2rem; padding: 0.8rem 1.4rem; border: 0; border-radius: 8px; background: var(--accent); color: #fff; cursor: pointer; }
        button:hover { background: #1b43b0; }
        :focus-visible { outline: 3px solid #7aa2ff; outline-offset: 2px; }
        .alert { background: #fdecea; color: var(--danger); border-radius: 8px; padding: 0.6rem 0.9rem; margin: 0 0 0.75rem; }
        .hint { color: var(--muted); font-size: 0.9rem; margin: 1.25rem 0 0; }
        """;
}
