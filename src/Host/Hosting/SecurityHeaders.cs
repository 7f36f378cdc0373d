namespace OpenTalk.Host.Hosting;

/// <summary>
/// Headers that keep the node's pages from being framed, sniffed or leaking invite links: the meeting
/// UI must not run inside another site's frame (clickjacking a "share screen" or "admit" button), and
/// addresses carry invite codes, so no referrer leaves the page.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages another site may show in a frame: the meeting notes and the whiteboard, which OpenTalk's web app opens in
    /// one. Their address holds the participant's token; the pages offer nothing but the document.
    /// </summary>
    private static readonly string[] FramedPages = ["/notes", "/whiteboard"];

    /// <param name="framingOrigins">Who may frame <see cref="FramedPages"/> (the web apps allowed to call the API).</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInAuthority, IReadOnlyList<string> framingOrigins)
    {
        // The web app fetches the provider's discovery document and tokens itself; everything else is this origin.
        var provider = Uri.TryCreate(signInAuthority, UriKind.Absolute, out var authority) ? " " + authority.GetLeftPart(UriPartial.Authority) : "";
        string Policy(string frameAncestors) => string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'", // React sets style attributes (tile sizes, meters)
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self' data:",
            $"connect-src 'self'{provider}",
            "object-src 'none'",
            "base-uri 'self'",
            $"frame-ancestors {frameAncestors}");
        var policy = Policy("'none'");
        var framedPolicy = Policy(string.Join(' ', framingOrigins.Where(o => o.Length > 0).Prepend("'self'")));
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            var framed = FramedPages.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
            headers.ContentSecurityPolicy = framed ? framedPolicy : policy;
            headers.XContentTypeOptions = "nosniff";
            if (!framed)
                headers.XFrameOptions = "DENY"; // for browsers without frame-ancestors
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
    }
}
