using System.Net;
using System.Net.Sockets;
using OpenTalk.Sip.Rtp;

namespace OpenTalk.Services.CallIn;

/// <summary>
/// The caller's voice into the room: every 20 ms the phone sends becomes a G.711 μ-law packet to the Janus port the node
/// named, with the SSRC Janus expects. Muted, nothing is sent (the room shows the caller muted).
/// </summary>
public sealed class CallUplink : IDisposable
{
    private readonly UdpClient _socket;
    private readonly IPEndPoint _janus;
    private readonly uint _ssrc;
    private ushort _sequence;
    private uint _timestamp;

    public CallUplink(string localAddress, IPEndPoint janus, uint ssrc)
    {
        _socket = new UdpClient(new IPEndPoint(IPAddress.Parse(localAddress), 0));
        _janus = janus;
        _ssrc = ssrc;
    }

    private volatile bool _muted;

    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>One frame of the caller (on the call's receiving thread).</summary>
    public void Send(short[] samples)
    {
        // The timestamp runs on while muted: Janus passes a jump through to browsers as it is, and they expect time to pass.
        var timestamp = _timestamp;
        _timestamp += (uint)samples.Length;
        if (_muted)
            return;
        var payload = new byte[samples.Length];
        G711.EncodeMuLaw(samples, payload);
        var packet = new RtpPacket { PayloadType = 0, SequenceNumber = _sequence++, Timestamp = timestamp, Ssrc = _ssrc, Payload = payload };
        try
        {
            _socket.Send(packet.ToBytes(), _janus);
        }
        catch (SocketException)
        {
            // Janus away for a moment: the node says so (webrtc_down) and the caller is published again
        }
    }

    public void Dispose() => _socket.Dispose();
}
