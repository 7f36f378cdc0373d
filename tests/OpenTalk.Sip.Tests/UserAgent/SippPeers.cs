using System.Net;
using System.Text;
using OpenTalk.Sip.Messages;
using OpenTalk.Sip.Transport;
using OpenTalk.Sip.UserAgent;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>What the tests placing calls and registering share: a user agent on loopback and the offer it makes.</summary>
internal static class SippPeers
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public static readonly NameAddress Alice = NameAddress.TryParse("\"Alice\" <sip:alice@127.0.0.1>")!;

    public static readonly byte[] Offer = Encoding.ASCII.GetBytes(
        "v=0\r\no=alice 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");

    public static SipUserAgent Agent(TimeProvider? time = null) =>
        SipUserAgent.Start(new SipUserAgentOptions { Transport = new SipTransportOptions { Address = IPAddress.Loopback, Port = 0 } }, time: time);

    /// <summary>sipp's address as a URI; <c>t1</c> asks for TCP.</summary>
    public static SipUri At(int port, string transport, string user = "callee")
    {
        var uri = SipUri.Sip(user, "127.0.0.1", port);
        return transport.StartsWith('t') ? uri.WithParameter("transport", "tcp") : uri;
    }

    public static async Task AssertPassedAsync(OpenTalk.Tests.Shared.SippServer sipp)
    {
        var (exit, output) = await sipp.Exited.WaitAsync(Wait);
        Assert.True(exit == 0, $"sipp exited with {exit}: {output}");
    }
}
