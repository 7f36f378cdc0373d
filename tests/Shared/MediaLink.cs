using System.Diagnostics;

namespace OpenTalk.Tests.Shared;

/// <summary>
/// A narrow media link for tests: browsers and Janus share the namespace's address, so their media runs over the
/// namespace's own loopback; a token bucket there drops what does not fit, as a weak network would.
/// </summary>
public sealed class MediaLink : IAsyncDisposable
{
    private MediaLink()
    {
    }

    public static async Task<MediaLink> NarrowAsync(string rate)
    {
        await TcAsync("qdisc", "replace", "dev", "lo", "root", "tbf", "rate", rate, "burst", "4kb", "latency", "40ms");
        return new MediaLink();
    }

    public async ValueTask DisposeAsync() => await TcAsync("qdisc", "del", "dev", "lo", "root");

    private static async Task TcAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip", ["netns", "exec", MediaNetwork.Namespace, "tc", .. arguments])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using var tc = Process.Start(start)!;
        await tc.WaitForExitAsync();
        if (tc.ExitCode != 0)
            throw new InvalidOperationException($"tc {string.Join(' ', arguments)} failed: {await tc.StandardError.ReadToEndAsync()}");
    }
}
