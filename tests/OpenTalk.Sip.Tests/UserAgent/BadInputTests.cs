using System.Text;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>Broken SIP against the running transport and user agent: each gets its answer or is dropped, and the next OPTIONS still gets 200.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(300);
    private TestUas _uas = null!;

    public Task InitializeAsync()
    {
        _uas = new TestUas();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _uas.DisposeAsync();

    private static string Without(string request, string header) =>
        string.Join("\r\n", request.Split("\r\n").Where(l => !l.StartsWith(header + ":", StringComparison.Ordinal)));

    private static readonly string GarbageSdp = "v=0\r\no=what\r\nm=audio banana\r\n";

    /// <summary>Each case: the bytes, and the status expected back (null: dropped silently).</summary>
    public static TheoryData<string, int?> UdpCases() => new()
    {
        { Without(Peer.Request("OPTIONS"), "Call-ID"), 400 },
        { Without(Peer.Request("OPTIONS"), "CSeq"), 400 },
        { Without(Peer.Request("OPTIONS"), "Via"), null },
        { Peer.Request("OPTIONS", extraHeaders: "Content-Length: 7\r\n"), 400 },
        { Peer.Request("OPTIONS").Replace("Content-Length: 0", "Content-Length: 50", StringComparison.Ordinal), 400 },
        { Peer.Request("OPTIONS", extraHeaders: "Subject: " + new string('x', 60_000) + "\r\n"), 513 },
        { "\u0001\u0002garbage\u00ff\r\n\r\n", null },
        { "SIP/2.0 200 OK\r\nVia: nonsense\r\n\r\n", null },
        { Peer.Request("INVITE", "Content-Type: application/sdp\r\n", GarbageSdp), 488 },
        { Peer.Request("FROBNICATE"), 501 },
        { Peer.Request("BYE"), 481 },
        { Peer.Request("INFO"), 481 },
        { Peer.Request("OPTIONS", extraHeaders: "Require: 100rel\r\n"), 420 },
    };

    [Theory]
    [MemberData(nameof(UdpCases))]
    public async Task Broken_udp_input_gets_its_answer_or_is_dropped_and_options_still_work(string input, int? expected)
    {
        var answer = await Peer.UdpAsync(_uas.Port, Encoding.UTF8.GetBytes(input), expected is null ? Silence : Answer);
        Assert.Equal(expected, answer?.StatusCode);
        var options = await Peer.UdpAsync(_uas.Port, Encoding.UTF8.GetBytes(Peer.Request("OPTIONS")), Answer);
        Assert.Equal(200, options?.StatusCode);
        Assert.Contains("INFO", options!.Headers.Get("Allow"), StringComparison.Ordinal);
    }

    /// <summary>On a stream the framing decides more: broken framing closes the connection (expected null, closed).</summary>
    public static TheoryData<string, int?, bool> TcpCases() => new()
    {
        { Without(Peer.Request("OPTIONS"), "Call-ID"), 400, false },
        { Without(Peer.Request("OPTIONS"), "CSeq"), 400, false },
        { Peer.Request("OPTIONS", extraHeaders: "Content-Length: 7\r\n"), null, true },
        { Without(Peer.Request("OPTIONS"), "Content-Length"), null, true },
        { "\u0001\u0002garbage\u00ff\r\n\r\n", null, true },
        { Peer.Request("OPTIONS", extraHeaders: "Subject: " + new string('x', 70_000) + "\r\n"), null, true },
        { "OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nSubject: " + new string('y', 200_000), null, true },
        { Peer.Request("INVITE", "Content-Type: application/sdp\r\n", GarbageSdp), 488, false },
        { Peer.Request("FROBNICATE"), 501, false },
    };

    [Theory]
    [MemberData(nameof(TcpCases))]
    public async Task Broken_tcp_input_gets_its_answer_or_loses_its_connection_and_options_still_work(string input, int? expected, bool closed)
    {
        var (answer, wasClosed) = await Peer.TcpAsync(_uas.Agent.TcpEndPoint.Port, Encoding.UTF8.GetBytes(input), Answer);
        Assert.Equal((expected, closed), (answer?.StatusCode, wasClosed));
        var (options, _) = await Peer.TcpAsync(_uas.Agent.TcpEndPoint.Port, Encoding.UTF8.GetBytes(Peer.Request("OPTIONS")), Answer);
        Assert.Equal(200, options?.StatusCode);
    }

    [Fact]
    public async Task A_tcp_keep_alive_is_answered_with_crlf()
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, _uas.Agent.TcpEndPoint.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("\r\n\r\n"u8.ToArray());
        var buffer = new byte[2];
        using var timeout = new CancellationTokenSource(Answer);
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        Assert.Equal("\r\n"u8.ToArray(), buffer);
    }
}
