using System.Net;
using System.Net.Sockets;
using OpenTalk.Services.CallIn;
using OpenTalk.Sip.Rtp;

namespace OpenTalk.Services.Tests.CallIn;

/// <summary>A call's RTP against a plain UDP socket playing the phone.</summary>
public sealed class CallMediaTests : IAsyncDisposable
{
    private readonly UdpClient _phone = new(new IPEndPoint(IPAddress.Loopback, 0));
    private CallMedia? _media;

    private IPEndPoint Phone => (IPEndPoint)_phone.Client.LocalEndPoint!;

    private CallMedia Open(CallCodec codec) =>
        _media = CallMedia.Open(IPAddress.Loopback, 42000, 42999, Phone, codec);

    private async Task<RtpPacket> ReceiveAsync()
    {
        var received = await _phone.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(RtpPacket.TryParse(received.Buffer, out var packet));
        return packet;
    }

    private static short[] Tone(int samples) =>
        [.. Enumerable.Range(0, samples).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000)))];

    [Fact]
    public async Task A_prompt_is_sent_in_20_ms_packets_of_the_calls_codec_and_silence_follows()
    {
        var media = Open(new CallCodec(8, 101));
        Assert.Equal(0, media.LocalPort % 2);
        var tone = Tone(8000);

        var played = media.PlayAsync([tone]);
        var packets = new List<RtpPacket>();
        while (!played.IsCompleted || packets.Count < 60)
            packets.Add(await ReceiveAsync());

        Assert.All(packets, p => Assert.Equal((8, 160), (p.PayloadType, p.Payload.Length)));
        Assert.Single(packets.Select(p => p.Ssrc).Distinct());
        Assert.All(packets.Zip(packets.Skip(1)), pair =>
        {
            Assert.Equal((ushort)(pair.First.SequenceNumber + 1), pair.Second.SequenceNumber);
            Assert.Equal(pair.First.Timestamp + 160, pair.Second.Timestamp);
        });
        // The tone comes back (A-law keeps it within a few percent); then the line is silent.
        var heard = packets.SelectMany(p => p.Payload.Select(G711.DecodeALaw)).ToList();
        var start = heard.FindIndex(s => Math.Abs((int)s) > 100);
        Assert.InRange(start, 0, 160 * 10);
        for (var i = 0; i < 7000; i += 97)
            Assert.InRange(heard[start + i] - tone[i + (tone.ToList().FindIndex(s => Math.Abs((int)s) > 100))], -400, 400);
        var after = await ReceiveAsync();
        Assert.All(after.Payload, b => Assert.Equal(0xD5, b));
    }

    [Fact]
    public async Task Keys_sent_as_telephone_events_come_out_once_each_and_audio_is_decoded()
    {
        var media = Open(new CallCodec(0, 101));
        var heard = new List<short[]>();
        media.AudioReceived += samples => { lock (heard) heard.Add(samples); };
        using var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var to = new IPEndPoint(IPAddress.Loopback, media.LocalPort);
        ushort sequence = 1;
        uint timestamp = 1000;
        foreach (var key in "1#")
        {
            // RFC 4733: updates, then the end packet three times, all with the event's timestamp.
            foreach (var (end, duration) in new[] { (false, 160), (false, 320), (true, 480), (true, 480), (true, 480) })
            {
                var payload = TelephoneEvent.ForDigit(key, end, (ushort)duration)!.ToBytes();
                await sender.SendAsync(new RtpPacket { PayloadType = 101, SequenceNumber = sequence++, Timestamp = timestamp, Ssrc = 7, Payload = payload }.ToBytes(), to);
            }
            timestamp += 800;
        }
        var tone = Tone(160);
        var encoded = new byte[160];
        G711.EncodeMuLaw(tone, encoded);
        await sender.SendAsync(new RtpPacket { PayloadType = 0, SequenceNumber = sequence++, Timestamp = timestamp, Ssrc = 7, Payload = encoded }.ToBytes(), to);

        Assert.Equal('1', await media.Keys.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal('#', await media.Keys.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        await Task.Delay(300);
        Assert.False(media.Keys.TryRead(out var extra), $"a key came twice: {extra}");
        short[] first;
        lock (heard) first = Assert.Single(heard);
        Assert.All(first.Zip(tone), p => Assert.InRange(p.First - p.Second, -300, 300));

        // The phone's packets came from another port than its SDP named (NAT): the call's audio follows them.
        var moved = await sender.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(RtpPacket.TryParse(moved.Buffer, out var packet) && packet.PayloadType == 0);
    }

    [Fact]
    public async Task Audio_in_30_ms_packets_comes_out_in_20_ms_frames_with_nothing_lost()
    {
        var media = Open(new CallCodec(8, null));
        var heard = new List<short[]>();
        media.AudioReceived += samples => { lock (heard) heard.Add(samples); };
        using var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var tone = Tone(240 * 4);
        for (var n = 0; n < 4; n++)
        {
            var payload = new byte[240];
            G711.EncodeALaw(tone.AsSpan(n * 240, 240), payload);
            await sender.SendAsync(new RtpPacket { PayloadType = 8, SequenceNumber = (ushort)n, Timestamp = (uint)(n * 240), Ssrc = 9, Payload = payload }.ToBytes(),
                new IPEndPoint(IPAddress.Loopback, media.LocalPort));
        }

        List<short[]> frames = [];
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); frames.Count < 6 && waited.Elapsed < TimeSpan.FromSeconds(5); await Task.Delay(20))
            lock (heard) frames = [.. heard];
        Assert.Equal(6, frames.Count);
        Assert.All(frames, f => Assert.Equal(160, f.Length));
        var joined = frames.SelectMany(f => f).ToArray();
        Assert.All(joined.Zip(tone), p => Assert.InRange(p.First - p.Second, -400, 400));
    }

    [Fact]
    public async Task Received_packets_are_counted_and_audio_sequence_numbers_skipped_count_as_gaps()
    {
        var media = Open(new CallCodec(8, 101));
        using var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var to = new IPEndPoint(IPAddress.Loopback, media.LocalPort);
        async Task SendAsync(int type, ushort sequence, uint ssrc = 5) =>
            await sender.SendAsync(new RtpPacket { PayloadType = type, SequenceNumber = sequence, Timestamp = sequence * 160u, Ssrc = ssrc, Payload = new byte[type == 101 ? 4 : 160] }.ToBytes(), to);

        // 65534, 65535, 0 (wraps), 3 and 4 (1 and 2 lost), 4 again (a duplicate), 2 (late), 5;
        // then the numbers jump by thousands (a recording played again): 30000, 30002 (30001 lost);
        // then another stream: 7, 8; key events are counted as packets, never as gaps.
        ushort[] first = [65534, 65535, 0, 3, 4, 4, 2, 5, 30000, 30002];
        foreach (var sequence in first)
            await SendAsync(8, sequence);
        await SendAsync(8, 7, ssrc: 6);
        await SendAsync(8, 8, ssrc: 6);
        await SendAsync(101, 500);
        await SendAsync(101, 900);
        await sender.SendAsync(new byte[] { 0x80, 200, 0, 1, 0, 0, 0, 0 }, to); // RTCP: not counted

        for (var waited = System.Diagnostics.Stopwatch.StartNew(); media.PacketsReceived < 14 && waited.Elapsed < TimeSpan.FromSeconds(5); await Task.Delay(20))
        {
        }
        await Task.Delay(100);
        Assert.Equal(14, media.PacketsReceived);
        Assert.Equal(3, media.SequenceGaps);
    }

    public async ValueTask DisposeAsync()
    {
        if (_media is not null)
            await _media.DisposeAsync();
        _phone.Dispose();
    }
}
