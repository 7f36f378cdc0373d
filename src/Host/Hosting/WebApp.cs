using Microsoft.Extensions.FileProviders;
using OpenTalk.Host.Apis;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Hosting;

/// <summary>
/// Serves the web app (src/Web, built by Vite): its files as they are, and index.html for every other path that is not
/// the API, sign-in or signaling, so the app's own routes (/room/..., /invite/...) load it.
/// </summary>
public static class WebApp
{
    private static readonly string[] ServerPaths = ["/v1", "/connect", "/account", "/signaling", "/health", "/.well-known"];

    public static PhysicalFileProvider? From(string? root)
    {
        if (string.IsNullOrWhiteSpace(root))
            return null;
        var full = Path.GetFullPath(root);
        return File.Exists(Path.Combine(full, "index.html")) ? new PhysicalFileProvider(full) : null;
    }

    public static void MapWebAppFallback(this WebApplication app, IFileProvider files) =>
        app.MapFallback(async context =>
        {
            var path = context.Request.Path;
            if (ServerPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) || !HttpMethods.IsGet(context.Request.Method))
            {
                await Problems.For(ProblemCodes.NotFound).ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
        }).AllowAnonymous();
}
