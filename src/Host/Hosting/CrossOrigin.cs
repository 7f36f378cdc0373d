namespace OpenTalk.Host.Hosting;

/// <summary>
/// Cross-origin requests (CORS) from web apps served elsewhere, such as OpenTalk's own web app: only the configured
/// origins, with bearer tokens and never cookies (no credentials mode), so another site cannot ride a browser's
/// sign-in cookie. Covers the APIs, the discovery document and the token endpoint alike.
/// </summary>
public static class CrossOrigin
{
    /// <summary>Headers a cross-origin app reads: paging links, versions and how long to wait.</summary>
    private static readonly string[] ExposedHeaders = ["Link", "ETag", "Location", "Retry-After"];

    public static IServiceCollection AddCrossOrigin(this IServiceCollection services, OpenTalkSettings settings, SignInSettings signIn)
    {
        var origins = AllowedOrigins(settings, signIn);
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
                    .WithExposedHeaders(ExposedHeaders).SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return services;
    }

    /// <summary>The configured origins in the form browsers send them (<c>scheme://host[:port]</c>, lower case, no path).</summary>
    public static string[] AllowedOrigins(OpenTalkSettings settings, SignInSettings signIn) =>
        [.. settings.CorsOrigins.Append(signIn.OpenTalkWebApp ?? "")
            .Where(o => !string.IsNullOrWhiteSpace(o))
            .Select(OriginOf).Distinct(StringComparer.Ordinal)];

    private static string OriginOf(string configured)
    {
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException(
                $"'{configured}' is no web origin: OpenTalk:CorsOrigins and SignIn:OpenTalkWebApp take addresses such as https://meet.example.org.");
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
