namespace OpenTalk.Host.Hosting;

/// <summary>
/// Headers that keep the node's pages from being framed, sniffed or leaking invite links: the meeting
/// UI must not run inside another site's frame (clickjacking a "share screen" or "admit" button), and
/// addresses carry invite codes, so no referrer leaves the page.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInAuthority)
    {
        // The web app fetches the provider's discovery document and tokens itself; everything else is this origin.
        var provider = Uri.TryCreate(signInAuthority, UriKind.Absolute, out var authority) ? " " + authority.GetLeftPart(UriPartial.Authority) : "";
        var policy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'", // React sets style attributes (tile sizes, meters)
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self' data:",
            $"connect-src 'self'{provider}",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'");
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // for browsers without frame-ancestors
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
    }
}
