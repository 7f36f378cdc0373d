using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>A raw SIP peer on loopback: sends bytes and reads back what comes, each wait bounded.</summary>
internal static class Peer
{
    public static string Request(string method, string extraHeaders = "", string body = "", string? callId = null, string user = "service")
    {
        var branch = SipIds.NewBranch();
        return $"{method} sip:{user}@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch={branch};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:peer@127.0.0.1>;tag=peer1\r\nTo: <sip:{user}@127.0.0.1>\r\nCall-ID: {callId ?? Guid.NewGuid().ToString("N")}\r\n" +
            $"CSeq: 1 {method}\r\n{extraHeaders}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
    }

    /// <summary>Sends a datagram and returns the first final response, or null when none came in time.</summary>
    public static async Task<SipResponse?> UdpAsync(int port, byte[] datagram, TimeSpan wait)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await socket.SendToAsync(datagram, new IPEndPoint(IPAddress.Loopback, port));
        var buffer = new byte[65535];
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, timeout.Token);
                if (FinalStatus(buffer.AsSpan(0, received)) is { } response)
                {
                    return response;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static SipResponse? FinalStatus(ReadOnlySpan<byte> bytes) => Final(SipParser.Parse(bytes), bytes);

    /// <summary>
    /// A final response; one the parser refuses (the answer to a request without Call-ID or CSeq lacks them too) is read
    /// from its status line alone.
    /// </summary>
    private static SipResponse? Final(SipParseResult result, ReadOnlySpan<byte> bytes)
    {
        if (result is SipParseResult.Parsed { Message: SipResponse { StatusCode: >= 200 } parsed })
        {
            return parsed;
        }
        var text = Encoding.UTF8.GetString(bytes);
        return text.StartsWith("SIP/2.0 ", StringComparison.Ordinal) && int.TryParse(text.AsSpan(8, 3), out var status) && status >= 200
            ? new SipResponse { StatusCode = status, ReasonPhrase = "" }
            : null;
    }

    /// <summary>Sends bytes on a new connection; the first final response, or null with whether the server closed the connection.</summary>
    public static async Task<(SipResponse? Response, bool Closed)> TcpAsync(int port, byte[] bytes, TimeSpan wait)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        using var timeout = new CancellationTokenSource(wait);
        var framer = new SipStreamFramer();
        var buffer = new byte[8192];
        var seen = new List<byte>();
        try
        {
            await stream.WriteAsync(bytes, timeout.Token);
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return (null, true);
                }
                seen.AddRange(buffer.AsSpan(0, read));
                foreach (var frame in framer.Feed(buffer.AsSpan(0, read)))
                {
                    if (frame is SipFrame.Message message && Final(message.Result, [.. seen]) is { } response)
                    {
                        return (response, false);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            return (null, false);
        }
        catch (IOException)
        {
            return (null, true); // reset while we were still writing
        }
    }
}
