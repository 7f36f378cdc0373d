using System.Diagnostics;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// People behind a NAT: their browsers run where no route leads to Janus, so media flows only through coturn, with
/// the time-limited credentials the node hands out to the browsers and to Janus.
/// </summary>
public sealed class WebTurnTests : WebTest
{
    protected override bool BehindNat => true;

    [Fact]
    public async Task Two_people_behind_a_NAT_see_each_other_through_TURN()
    {
        // The premise: from the people's network, Janus cannot be reached directly.
        Assert.False(await ReachableFromClientNetworkAsync(MediaNetwork.InsideAddress, Stack.Janus.Url.Port),
            "the client namespace reaches Janus directly: the test would prove nothing");

        var (mona, uwe) = await MonaAndUweInAsync("Behind a NAT");
        var monaSeesUwe = await Poll.UntilAsync(() => WebStack.CameraFramesAsync(mona, "Uwe"), frames => frames > 15, 60);
        var uweSeesMona = await Poll.UntilAsync(() => WebStack.CameraFramesAsync(uwe, "Mona"), frames => frames > 15, 60);
        if (monaSeesUwe <= 15 || uweSeesMona <= 15)
            await WebStack.ScreenshotAsync(mona, "failure-turn-mona");
        Assert.True(monaSeesUwe > 15, $"Mona does not see Uwe's camera through TURN; coturn says:\n{Tail(Stack.Turn!.Log())}");
        Assert.True(uweSeesMona > 15, "Uwe does not see Mona's camera through TURN");

        // Both sides took relays with the node's credentials: the browsers with those of /v1/turn, Janus with those it
        // asked the node for at /v1/turn/media-server (their user names start with media-server-).
        var allocations = Stack.Turn!.Log().Split('\n').Where(line => line.Contains("ALLOCATE processed, success", StringComparison.Ordinal)).ToList();
        Assert.Contains(allocations, line => !line.Contains(":media-server-", StringComparison.Ordinal));
        var janusLog = File.ReadAllLines(Path.Combine(Stack.Janus.RunDirectory, "janus.log")).Where(l => l.Contains("TURN", StringComparison.OrdinalIgnoreCase));
        Assert.True(allocations.Any(line => line.Contains(":media-server-", StringComparison.Ordinal)),
            $"Janus took no relay; Janus says:\n{string.Join('\n', janusLog.Take(30))}\ncoturn says:\n{Tail(Stack.Turn.Log())}");
    }

    private static async Task<bool> ReachableFromClientNetworkAsync(string address, int port)
    {
        using var probe = Process.Start(new ProcessStartInfo("ip",
            ["netns", "exec", MediaNetwork.ClientNamespace, "timeout", "3", "bash", "-c", $"exec 3<>/dev/tcp/{address}/{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await probe.WaitForExitAsync();
        return probe.ExitCode == 0;
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(40));
}
